//! HTML and plain text → rich text: structure, spacing, links, hostile input.

use super::*;
use cc_core::catalog::{plain_text, Block, Inline};

fn text(t: &str) -> Inline {
    Inline::Text { text: t.into() }
}
fn strong(t: &str) -> Inline {
    Inline::Strong { text: t.into() }
}
fn link(t: &str, href: &str) -> Inline {
    Inline::Link {
        text: t.into(),
        href: href.into(),
    }
}
fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

#[test]
fn paragraphs_and_line_breaks() {
    let rich = html_to_rich_text("<p>Uno</p><div>Dos<br>Tres</div><p> </p><p></p>");
    assert_eq!(
        rich,
        vec![
            Block::paragraph("Uno"),
            Block::paragraph("Dos"),
            Block::paragraph("Tres")
        ]
    );
}

#[test]
fn strong_runs_and_spacing_across_tags() {
    let rich = html_to_rich_text("<p><strong>PASOS</strong>:  a <b>b  c</b> d\n e</p>");
    assert_eq!(
        rich,
        vec![para(vec![
            strong("PASOS"),
            text(": a "),
            strong("b c"),
            text(" d e")
        ])]
    );
    // Bold runs separated only by whitespace read as one bold run.
    let rich = html_to_rich_text("<p><b>a</b> <b>b</b> <a href=\"tel:1\">c</a></p>");
    assert_eq!(
        rich,
        vec![para(vec![strong("a b"), text(" "), link("c", "tel:1")])]
    );
}

#[test]
fn lists_with_paragraphs_inside_items() {
    let rich = html_to_rich_text(
        "<p>Antes</p><ol><li><p>Uno</p></li><li><p>Dos</p><p>más</p></li><li> </li></ol>\
         <ul><li>A</li></ul>Después",
    );
    assert_eq!(
        rich,
        vec![
            Block::paragraph("Antes"),
            Block::List {
                ordered: true,
                items: vec![vec![text("Uno")], vec![text("Dos más")]]
            },
            Block::List {
                ordered: false,
                items: vec![vec![text("A")]]
            },
            Block::paragraph("Después"),
        ]
    );
}

#[test]
fn nested_list_under_ordered_item_is_folded_into_it() {
    let rich = html_to_rich_text(
        "<ol><li><p>Escriba a:</p><ul><li>correo</li><li>teléfono</li></ul></li>\
         <li>Espere<ul><li>un día</li></ul>y vuelva</li></ol>",
    );
    assert_eq!(
        rich,
        vec![Block::List {
            ordered: true,
            items: vec![
                vec![text("Escriba a: correo; teléfono")],
                vec![text("Espere; un día y vuelva")],
            ]
        }]
    );
}

#[test]
fn nested_list_under_unordered_item_continues_the_list() {
    let rich =
        html_to_rich_text("<ul><li>A<ul><li>A1</li><li>A2</li></ul>A-fin</li><li>B</li></ul>");
    let items = ["A", "A1", "A2", "A-fin", "B"]
        .map(|t| vec![text(t)])
        .to_vec();
    assert_eq!(
        rich,
        vec![Block::List {
            ordered: false,
            items
        }]
    );
}

#[test]
fn safe_links_survive_others_keep_text() {
    let rich = html_to_rich_text(
        "<p><a href=\" https://gob.bo/x \">Portal</a> <a href=\"mailto:a@b.bo\">correo</a> \
         <a href=\"tel:800101620\">línea</a> <a href=\"javascript:alert(1)\">malo</a> \
         <a href=\"/relativo\">rel</a> <a>sin</a> <a href=\"JaVaScRiPt:x\">x</a></p>",
    );
    assert_eq!(
        rich,
        vec![para(vec![
            link("Portal", "https://gob.bo/x"),
            text(" "),
            link("correo", "mailto:a@b.bo"),
            text(" "),
            link("línea", "tel:800101620"),
            text(" malo rel sin x"),
        ])]
    );
}

#[test]
fn upper_case_schemes_are_links_stored_in_lower_case() {
    let rich = html_to_rich_text("<p><a href=\"HTTPS://Gob.bo/X\">Portal</a></p>");
    assert_eq!(rich, vec![para(vec![link("Portal", "https://Gob.bo/X")])]);
}

#[test]
fn link_inside_bold_is_a_link() {
    let rich = html_to_rich_text("<b>Ver <a href=\"https://a.bo\">aquí</a></b>");
    assert_eq!(
        rich,
        vec![para(vec![
            strong("Ver"),
            text(" "),
            link("aquí", "https://a.bo")
        ])]
    );
}

#[test]
fn hostile_html_is_neutralised() {
    let rich = html_to_rich_text(
        "<script>alert('x')</script><style>p{color:red}</style>\
         <p onclick=\"steal()\">Hola <img src=x onerror=\"alert(1)\">mundo\
         <iframe src=\"https://evil\">dentro</iframe><svg><text>svg</text></svg>\
         <!-- comentario --><p>Sin cerrar <b>negrita <i>cursiva",
    );
    assert_eq!(
        rich,
        vec![
            Block::paragraph("Hola mundo"),
            para(vec![text("Sin cerrar "), strong("negrita cursiva")]),
        ]
    );
    let plain = plain_text(&rich);
    for needle in [
        "alert",
        "steal",
        "color",
        "dentro",
        "svg",
        "comentario",
        "<",
        ">",
    ] {
        assert!(!plain.contains(needle), "{needle} leaked into {plain:?}");
    }
}

#[test]
fn entities_are_decoded_in_html_and_text() {
    let rich = html_to_rich_text("<p>Tom&amp;Jerry&nbsp;&nbsp;&lt;b&gt; &#191;Qu&eacute;?</p>");
    assert_eq!(rich, vec![Block::paragraph("Tom&Jerry <b> ¿Qué?")]);
    assert_eq!(
        html_to_rich_text("a &amp; b"),
        vec![Block::paragraph("a & b")]
    );
    // A bare ampersand in plain text is not an entity.
    assert_eq!(
        html_to_rich_text("P&I Club"),
        vec![Block::paragraph("P&I Club")]
    );
}

#[test]
fn plain_text_lines_become_paragraphs() {
    let rich =
        html_to_rich_text("Primero  párrafo.\r\n\r\n1. Paso uno\n2. Paso dos\n   \n- viñeta\rfin");
    let expected = [
        "Primero párrafo.",
        "1. Paso uno",
        "2. Paso dos",
        "- viñeta",
        "fin",
    ];
    assert_eq!(rich, expected.map(Block::paragraph).to_vec());
    assert!(html_to_rich_text("  \n ").is_empty());
    assert!(html_to_rich_text("").is_empty());
}

#[test]
fn less_than_in_text_is_not_a_tag() {
    assert!(!looks_like_html("edad < 18 y <5 años"));
    assert!(looks_like_html("a<br/>b"));
    assert!(looks_like_html("</p>"));
    assert_eq!(
        html_to_rich_text("edad < 18"),
        vec![Block::paragraph("edad < 18")]
    );
}

#[test]
fn headings_tables_and_stray_items() {
    let rich = html_to_rich_text(
        "<h2><strong>¿Qué necesito?</strong></h2><table><tr><td>a</td><td>b</td></tr></table>\
         <li>suelto</li>",
    );
    assert_eq!(
        rich,
        vec![
            para(vec![strong("¿Qué necesito?")]),
            Block::paragraph("a b"),
            Block::paragraph("suelto"),
        ]
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 2_000;
    let html = format!("{}hondo{}", "<div>".repeat(depth), "</div>".repeat(depth));
    assert_eq!(html_to_rich_text(&html), vec![Block::paragraph("hondo")]);
    let html = format!(
        "{}x{}",
        "<ul><li>".repeat(depth),
        "</li></ul>".repeat(depth)
    );
    assert_eq!(plain_text(&html_to_rich_text(&html)), "x");
}

#[test]
fn safe_href_rules() {
    assert!(is_safe_href("HTTPS://gob.bo"));
    assert!(!is_safe_href("https://"));
    assert!(!is_safe_href("https://a.bo/\u{0}x"));
    assert!(!is_safe_href("data:text/html,x"));
    assert!(!is_safe_href("vbscript:x"));
}
