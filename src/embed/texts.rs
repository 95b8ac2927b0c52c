//! Texts of the embed button's pages (`/integrar`, the embedded navigation), kept here
//! rather than in `crate::i18n` because only this feature uses them. One value per
//! language, so a missing text is a compile error.

use leptos::prelude::*;

use crate::i18n::{fill_named, use_lang, Lang};

crate::texts_struct! {
    pub struct EmbedTexts {
        /// The button's default label; the same words `public/embed.js` uses.
        pub default_label: &'static str,

        pub title: &'static str,
        pub lead: &'static str,
        pub what_title: &'static str,
        pub what_points: &'static [&'static str],

        pub config_title: &'static str,
        pub field_agency: &'static str,
        pub agency_hint: &'static str,
        pub any_agency: &'static str,
        pub field_type: &'static str,
        pub any_type: &'static str,
        pub field_procedure: &'static str,
        pub procedure_hint: &'static str,
        pub field_label: &'static str,
        pub label_hint: &'static str,
        pub field_lang: &'static str,
        pub field_position: &'static str,
        pub position_inline: &'static str,
        pub position_inline_hint: &'static str,
        pub position_floating: &'static str,
        pub position_floating_hint: &'static str,

        pub snippet_title: &'static str,
        pub snippet_hint: &'static str,
        pub copy_snippet: &'static str,
        pub copied: &'static str,
        pub copy_failed: &'static str,

        pub preview_title: &'static str,
        pub preview_hint: &'static str,
        pub preview_page: &'static str,

        pub options_title: &'static str,
        pub option_col: &'static str,
        pub meaning_col: &'static str,
        pub property_col: &'static str,
        /// `(attribute, meaning)`.
        pub options: &'static [(&'static str, &'static str)],
        pub style_title: &'static str,
        pub style_text: &'static str,
        /// `(custom property, meaning)`.
        pub style_props: &'static [(&'static str, &'static str)],
        pub events_title: &'static str,
        pub events_text: &'static str,

        pub nojs_title: &'static str,
        pub nojs_text: &'static str,
        pub copy_nojs: &'static str,

        pub origins_title: &'static str,
        pub origins_text: &'static [&'static str],
        /// `{}` is this site's origin.
        origins_csp: &'static str,
        pub origins_current: &'static str,
        pub origins_none: &'static str,

        pub messages_title: &'static str,
        pub messages_text: &'static str,
    }
}

pub const ES: EmbedTexts = EmbedTexts {
    default_label: "Contáctenos",

    title: "Botón de contacto para el sitio web de su entidad",
    lead: "Con una línea de código, su sitio muestra un botón que abre Contacto Ciudadano en una ventana sobre su página, ya dirigido a su entidad. La persona presenta su petición, queja o reclamo y recibe su número de caso sin salir de su sitio.",
    what_title: "Qué hace el botón",
    what_points: &[
        "Abre el formulario en una ventana de diálogo. El foco pasa a la ventana y no sale de ella mientras está abierta; se cierra con Esc o con el botón «Cerrar», y el foco vuelve al botón.",
        "En teléfonos, la ventana ocupa toda la pantalla; en computadoras se ajusta a la altura del contenido.",
        "Se usa por completo con teclado y con lectores de pantalla (WCAG 2.2 AA).",
        "Si la persona cierra la ventana sin enviar, su borrador se conserva.",
        "También permite seguir un caso ya presentado.",
        "Sus estilos están aislados: el CSS de su página no lo afecta y el botón no cambia nada de su página. Pesa menos de 4 KB comprimido y no necesita ninguna otra biblioteca.",
    ],

    config_title: "Configure su botón",
    field_agency: "Entidad",
    agency_hint: "El formulario empieza con esta entidad elegida.",
    any_agency: "Ninguna: la persona la elige",
    field_type: "Tipo de caso",
    any_type: "Cualquiera: la persona lo elige",
    field_procedure: "Trámite (opcional)",
    procedure_hint: "El identificador que aparece al final de la dirección de la ficha del trámite, por ejemplo pasaporte-ordinario.",
    field_label: "Texto del botón (opcional)",
    label_hint: "Si lo deja vacío, «Contáctenos» en el idioma elegido.",
    field_lang: "Idioma del botón y del formulario",
    field_position: "Posición del botón",
    position_inline: "En el contenido",
    position_inline_hint: "El botón aparece donde pegue el código.",
    position_floating: "Flotante, abajo a la derecha",
    position_floating_hint: "El botón queda fijo en la esquina de la pantalla.",

    snippet_title: "Código para su página",
    snippet_hint: "Péguelo en el HTML de su página, donde quiera que aparezca el botón.",
    copy_snippet: "Copiar el código del botón",
    copied: "Copiado.",
    copy_failed: "No se pudo copiar. Seleccione el código y cópielo con el teclado.",

    preview_title: "Vista previa",
    preview_hint: "Así se verá el botón con los colores por defecto. Este enlace abre el formulario con las mismas opciones.",
    preview_page: "Su página",

    options_title: "Todas las opciones",
    option_col: "Atributo",
    meaning_col: "Qué hace",
    property_col: "Propiedad",
    options: &[
        ("src", "Obligatorio. La dirección de embed.js en este servidor."),
        ("data-agency", "Sigla de la entidad. El formulario empieza con ella elegida."),
        ("data-lang", "es, en o pt: idioma del botón y del formulario. Si falta, el de su página (atributo lang de <html>) o español."),
        ("data-type", "Tipo de caso ya elegido: el identificador que aparece en la lista de arriba."),
        ("data-procedure", "Identificador del trámite sobre el que trata el caso."),
        ("data-position", "inline (por defecto): el botón aparece donde está el código. bottom-right: flotante, abajo a la derecha."),
        ("data-label", "Texto del botón. Si falta, «Contáctenos» en el idioma elegido."),
        ("defer", "Recomendado: el botón se crea cuando la página terminó de cargar, sin retrasarla."),
    ],
    style_title: "Colores y letra",
    style_text: "Defina estas propiedades CSS en su página, por ejemplo en :root. El texto y el fondo del botón deben tener un contraste de al menos 4,5:1.",
    style_props: &[
        ("--cc-embed-color", "Fondo del botón. Por defecto #0b3d66."),
        ("--cc-embed-text", "Color del texto del botón. Por defecto #fff."),
        ("--cc-embed-font", "Familia tipográfica. Por defecto, la del sistema."),
        ("--cc-embed-radius", "Redondeo de las esquinas del botón. Por defecto 4px."),
    ],
    events_title: "Eventos para su página",
    events_text: "El elemento <contacto-ciudadano> que crea el script emite eventos que suben por el documento: contacto-ciudadano:open, contacto-ciudadano:close y contacto-ciudadano:filed, con el número de caso en event.detail.ticket. Nunca se envían datos personales a su página.",

    nojs_title: "Sin JavaScript",
    nojs_text: "Si el script no carga o JavaScript está desactivado, no aparece ningún botón. Añada también este enlace, que lleva al mismo formulario en una página aparte:",
    copy_nojs: "Copiar el enlace sin JavaScript",

    origins_title: "Orígenes permitidos",
    origins_text: &[
        "Por seguridad, Contacto Ciudadano solo se abre dentro de páginas cuyo origen (protocolo, dominio y puerto, por ejemplo https://www.mdt.gob.example) figura en la lista embed_origins del archivo de configuración del despliegue (deployment.json).",
        "El servidor envía esa lista en su cabecera Content-Security-Policy (frame-ancestors), así que los navegadores no muestran la aplicación dentro de otros sitios. La aplicación además solo intercambia mensajes con esos orígenes.",
        "Para añadir su sitio, pida al equipo que administra Contacto Ciudadano que agregue su origen exacto a embed_origins.",
    ],
    origins_csp: "Si su página tiene su propia Content-Security-Policy, permita {origin} en script-src y en frame-src.",
    origins_current: "Orígenes permitidos ahora:",
    origins_none: "Ninguno todavía: el botón aún no funciona en otros sitios.",

    messages_title: "Para desarrolladores: mensajes",
    messages_text: "La página y la aplicación se comunican solo con postMessage, con este formato fijo. Cada lado comprueba el origen y descarta todo otro mensaje.",
};

#[cfg(not(feature = "lazy-texts"))]
pub const EN: EmbedTexts = EmbedTexts {
    default_label: "Contact us",

    title: "Contact button for your agency's website",
    lead: "With one line of code, your site shows a button that opens Contacto Ciudadano in a window over your page, already addressed to your agency. People file their request or complaint and get their case number without leaving your site.",
    what_title: "What the button does",
    what_points: &[
        "It opens the form in a dialog window. Focus moves into the window and stays there while it is open; Esc or the “Close” button closes it, and focus returns to the button.",
        "On phones the window fills the screen; on computers it fits the height of its content.",
        "It works fully with a keyboard and with screen readers (WCAG 2.2 AA).",
        "If the person closes the window without sending, their draft is kept.",
        "People can also follow up a case they already filed.",
        "Its styles are isolated: your page's CSS does not affect it and the button changes nothing on your page. It weighs less than 4 KB compressed and needs no other library.",
    ],

    config_title: "Set up your button",
    field_agency: "Agency",
    agency_hint: "The form starts with this agency chosen.",
    any_agency: "None: the person chooses",
    field_type: "Type of case",
    any_type: "Any: the person chooses",
    field_procedure: "Procedure (optional)",
    procedure_hint: "The identifier at the end of the procedure page's address, for example pasaporte-ordinario.",
    field_label: "Button text (optional)",
    label_hint: "If left empty, “Contact us” in the chosen language.",
    field_lang: "Language of the button and the form",
    field_position: "Button position",
    position_inline: "In the content",
    position_inline_hint: "The button appears where you paste the code.",
    position_floating: "Floating, bottom right",
    position_floating_hint: "The button stays fixed in the corner of the screen.",

    snippet_title: "Code for your page",
    snippet_hint: "Paste it into your page's HTML where the button should appear.",
    copy_snippet: "Copy the button code",
    copied: "Copied.",
    copy_failed: "Could not copy. Select the code and copy it with the keyboard.",

    preview_title: "Preview",
    preview_hint: "This is how the button looks with the default colours. This link opens the form with the same options.",
    preview_page: "Your page",

    options_title: "All options",
    option_col: "Attribute",
    meaning_col: "What it does",
    property_col: "Property",
    options: &[
        ("src", "Required. The address of embed.js on this server."),
        ("data-agency", "Agency acronym. The form starts with it chosen."),
        ("data-lang", "es, en or pt: language of the button and the form. If missing, your page's (the lang attribute of <html>) or Spanish."),
        ("data-type", "Type of case already chosen: the identifier shown in the list above."),
        ("data-procedure", "Identifier of the procedure the case is about."),
        ("data-position", "inline (default): the button appears where the code is. bottom-right: floating, bottom right."),
        ("data-label", "Button text. If missing, “Contact us” in the chosen language."),
        ("defer", "Recommended: the button is created once the page has loaded, without slowing it down."),
    ],
    style_title: "Colours and font",
    style_text: "Set these CSS properties on your page, for example on :root. The button's text and background need a contrast of at least 4.5:1.",
    style_props: &[
        ("--cc-embed-color", "Button background. Default #0b3d66."),
        ("--cc-embed-text", "Button text colour. Default #fff."),
        ("--cc-embed-font", "Font family. Default: the system font."),
        ("--cc-embed-radius", "Rounding of the button's corners. Default 4px."),
    ],
    events_title: "Events for your page",
    events_text: "The <contacto-ciudadano> element the script creates sends events that bubble up the document: contacto-ciudadano:open, contacto-ciudadano:close and contacto-ciudadano:filed, with the case number in event.detail.ticket. No personal data is ever sent to your page.",

    nojs_title: "Without JavaScript",
    nojs_text: "If the script does not load or JavaScript is off, no button appears. Also add this link, which leads to the same form on its own page:",
    copy_nojs: "Copy the no-JavaScript link",

    origins_title: "Allowed origins",
    origins_text: &[
        "For security, Contacto Ciudadano only opens inside pages whose origin (scheme, domain and port, for example https://www.mdt.gob.example) is in the embed_origins list of the deployment's configuration file (deployment.json).",
        "The server sends that list in its Content-Security-Policy header (frame-ancestors), so browsers do not show the app inside other sites. The app also only exchanges messages with those origins.",
        "To add your site, ask the team running Contacto Ciudadano to add your exact origin to embed_origins.",
    ],
    origins_csp: "If your page has its own Content-Security-Policy, allow {origin} in script-src and frame-src.",
    origins_current: "Origins allowed now:",
    origins_none: "None yet: the button does not work on other sites yet.",

    messages_title: "For developers: messages",
    messages_text: "The page and the app talk only through postMessage, in this fixed format. Each side checks the origin and drops every other message.",
};

#[cfg(not(feature = "lazy-texts"))]
pub const PT: EmbedTexts = EmbedTexts {
    default_label: "Fale conosco",

    title: "Botão de contato para o site do seu órgão",
    lead: "Com uma linha de código, o seu site mostra um botão que abre o Contacto Ciudadano numa janela sobre a sua página, já dirigido ao seu órgão. A pessoa apresenta a sua petição, queixa ou reclamação e recebe o número do caso sem sair do seu site.",
    what_title: "O que o botão faz",
    what_points: &[
        "Abre o formulário numa janela de diálogo. O foco passa para a janela e não sai dela enquanto está aberta; fecha-se com Esc ou com o botão «Fechar», e o foco volta ao botão.",
        "Em celulares, a janela ocupa a tela inteira; em computadores, ajusta-se à altura do conteúdo.",
        "Pode ser usado por completo com teclado e com leitores de tela (WCAG 2.2 AA).",
        "Se a pessoa fechar a janela sem enviar, o rascunho é guardado.",
        "Também permite acompanhar um caso já apresentado.",
        "Os estilos são isolados: o CSS da sua página não o afeta e o botão não muda nada na sua página. Pesa menos de 4 KB comprimido e não precisa de nenhuma outra biblioteca.",
    ],

    config_title: "Configure o seu botão",
    field_agency: "Órgão",
    agency_hint: "O formulário começa com este órgão escolhido.",
    any_agency: "Nenhum: a pessoa escolhe",
    field_type: "Tipo de caso",
    any_type: "Qualquer um: a pessoa escolhe",
    field_procedure: "Serviço (opcional)",
    procedure_hint: "O identificador no fim do endereço da página do serviço, por exemplo pasaporte-ordinario.",
    field_label: "Texto do botão (opcional)",
    label_hint: "Se ficar vazio, «Fale conosco» no idioma escolhido.",
    field_lang: "Idioma do botão e do formulário",
    field_position: "Posição do botão",
    position_inline: "No conteúdo",
    position_inline_hint: "O botão aparece onde colar o código.",
    position_floating: "Flutuante, embaixo à direita",
    position_floating_hint: "O botão fica fixo no canto da tela.",

    snippet_title: "Código para a sua página",
    snippet_hint: "Cole-o no HTML da sua página, onde o botão deve aparecer.",
    copy_snippet: "Copiar o código do botão",
    copied: "Copiado.",
    copy_failed: "Não foi possível copiar. Selecione o código e copie-o com o teclado.",

    preview_title: "Pré-visualização",
    preview_hint: "Assim ficará o botão com as cores padrão. Este link abre o formulário com as mesmas opções.",
    preview_page: "A sua página",

    options_title: "Todas as opções",
    option_col: "Atributo",
    meaning_col: "O que faz",
    property_col: "Propriedade",
    options: &[
        ("src", "Obrigatório. O endereço do embed.js neste servidor."),
        ("data-agency", "Sigla do órgão. O formulário começa com ele escolhido."),
        ("data-lang", "es, en ou pt: idioma do botão e do formulário. Se faltar, o da sua página (atributo lang de <html>) ou espanhol."),
        ("data-type", "Tipo de caso já escolhido: o identificador que aparece na lista acima."),
        ("data-procedure", "Identificador do serviço sobre o qual é o caso."),
        ("data-position", "inline (padrão): o botão aparece onde está o código. bottom-right: flutuante, embaixo à direita."),
        ("data-label", "Texto do botão. Se faltar, «Fale conosco» no idioma escolhido."),
        ("defer", "Recomendado: o botão é criado quando a página terminou de carregar, sem atrasá-la."),
    ],
    style_title: "Cores e fonte",
    style_text: "Defina estas propriedades CSS na sua página, por exemplo em :root. O texto e o fundo do botão devem ter um contraste de pelo menos 4,5:1.",
    style_props: &[
        ("--cc-embed-color", "Fundo do botão. Padrão #0b3d66."),
        ("--cc-embed-text", "Cor do texto do botão. Padrão #fff."),
        ("--cc-embed-font", "Família tipográfica. Padrão: a do sistema."),
        ("--cc-embed-radius", "Arredondamento dos cantos do botão. Padrão 4px."),
    ],
    events_title: "Eventos para a sua página",
    events_text: "O elemento <contacto-ciudadano> criado pelo script emite eventos que sobem pelo documento: contacto-ciudadano:open, contacto-ciudadano:close e contacto-ciudadano:filed, com o número do caso em event.detail.ticket. Nunca são enviados dados pessoais à sua página.",

    nojs_title: "Sem JavaScript",
    nojs_text: "Se o script não carregar ou o JavaScript estiver desativado, nenhum botão aparece. Adicione também este link, que leva ao mesmo formulário numa página à parte:",
    copy_nojs: "Copiar o link sem JavaScript",

    origins_title: "Origens permitidas",
    origins_text: &[
        "Por segurança, o Contacto Ciudadano só abre dentro de páginas cuja origem (protocolo, domínio e porta, por exemplo https://www.mdt.gob.example) está na lista embed_origins do arquivo de configuração da implantação (deployment.json).",
        "O servidor envia essa lista no seu cabeçalho Content-Security-Policy (frame-ancestors), por isso os navegadores não mostram a aplicação dentro de outros sites. A aplicação, além disso, só troca mensagens com essas origens.",
        "Para adicionar o seu site, peça à equipe que administra o Contacto Ciudadano que inclua a sua origem exata em embed_origins.",
    ],
    origins_csp: "Se a sua página tem a sua própria Content-Security-Policy, permita {origin} em script-src e em frame-src.",
    origins_current: "Origens permitidas agora:",
    origins_none: "Nenhuma ainda: o botão ainda não funciona em outros sites.",

    messages_title: "Para desenvolvedores: mensagens",
    messages_text: "A página e a aplicação comunicam-se só com postMessage, neste formato fixo. Cada lado verifica a origem e descarta qualquer outra mensagem.",
};

impl EmbedTexts {
    pub fn origins_csp(&self, origin: &str) -> String {
        fill_named(self.origins_csp, &[("origin", origin)])
    }
}

/// The embed texts of a language.
#[cfg(not(feature = "lazy-texts"))]
pub fn for_lang(lang: Lang) -> &'static EmbedTexts {
    match lang {
        Lang::Es => &ES,
        Lang::En => &EN,
        Lang::Pt => &PT,
    }
}

/// The embed texts of a language: Spanish compiled in, the others fetched
/// (`crate::i18n::packed`) before the language becomes the current one.
#[cfg(feature = "lazy-texts")]
pub fn for_lang(lang: Lang) -> &'static EmbedTexts {
    LOADED.get(lang).unwrap_or(&ES)
}

/// The embed texts of the languages fetched at run time.
pub static LOADED: crate::i18n::packed::Loaded<EmbedTexts> = crate::i18n::packed::Loaded::new();

/// The embed texts of the current language, tracked reactively.
pub fn et() -> &'static EmbedTexts {
    for_lang(use_lang().get())
}

/// The button's default label in a language (for the snippet and the preview).
pub fn default_label(lang: Lang) -> &'static str {
    for_lang(lang).default_label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_filled;

    #[test]
    fn every_template_fills_every_placeholder() {
        for lang in Lang::ALL {
            assert_filled(lang, &for_lang(lang).origins_csp("ORIGIN"), &["ORIGIN"]);
        }
    }
}
