/*!
 * Contacto Ciudadano: the embeddable contact button. Plain JavaScript, no dependencies.
 *
 *   <script src="https://HOST/embed.js" data-agency="MDT" data-lang="es" defer></script>
 *
 * Options (data-* on the script tag, all optional):
 *   data-agency     agency acronym: the wizard starts with it chosen
 *   data-lang       es | en | pt (default: the page's <html lang>, else es)
 *   data-type       case type slug (peticion, queja, reclamo, ...)
 *   data-procedure  procedure slug, as in https://HOST/tramites/<slug>
 *   data-position   inline (default: the button goes where the script is) | bottom-right
 *   data-label      the button's text
 * Colours and font, as CSS custom properties on the page (e.g. on :root):
 *   --cc-embed-color (background), --cc-embed-text, --cc-embed-font, --cc-embed-radius
 * Without JavaScript, add a plain link in <noscript>:
 *   <noscript><a href="https://HOST/contacto?entidad=MDT">Contáctenos</a></noscript>
 * The full guide, with a snippet builder: https://HOST/integrar
 *
 * MESSAGE SCHEMA (window.postMessage between this page and the app's iframe).
 * Every message is {source: "contacto-ciudadano", version: 1, type, ...}; anything else
 * is ignored.
 *   app -> page  "ready"  {title?: string}  the app runs (title: the service's name)
 *   app -> page  "resize" {height: number}  height of the app's content in CSS px
 *   app -> page  "filed"  {ticket: string}  a case was filed
 *   app -> page  "close"  {}                Esc or "Salir rápido" inside the app
 *   page -> app  "ready"  {}                the dialog is open and shows the app
 * This page accepts messages only from HOST (the origin of this script's src) and only
 * from its own iframe. The app accepts them only from the origin given in ?origen= and
 * only if that origin is in the deployment's `embed_origins`, the same list the server
 * sends in its CSP `frame-ancestors` (any other page cannot even frame the app).
 *
 * Events for the page (they bubble from the <contacto-ciudadano> element):
 *   "contacto-ciudadano:open", "contacto-ciudadano:close",
 *   "contacto-ciudadano:filed" (event.detail.ticket)
 */
(function () {
  'use strict';
  var SOURCE = 'contacto-ciudadano';
  // Set while this script first runs; the last matching tag is the fallback.
  var script = document.currentScript ||
    [].slice.call(document.querySelectorAll('script[src$="/embed.js"]')).pop();
  if (!script) return;
  var APP = new URL(script.src, location.href).origin;
  var opt = script.dataset;

  // [button, close, loading, fallback link] per language.
  var TEXTS = {
    es: ['Contáctenos', 'Cerrar', 'Cargando…', 'Si no se abre, abra Contacto Ciudadano en una pestaña nueva.'],
    en: ['Contact us', 'Close', 'Loading…', 'If it does not open, open Contacto Ciudadano in a new tab.'],
    pt: ['Fale conosco', 'Fechar', 'Carregando…', 'Se não abrir, abra o Contacto Ciudadano em uma nova aba.']
  };
  var lang = (opt.lang || document.documentElement.lang).slice(0, 2).toLowerCase();
  if (!TEXTS[lang]) lang = 'es';
  var text = TEXTS[lang];
  var label = opt.label || text[0];

  // The app's URL, pre-set to the agency, type and procedure. The embedded one also
  // says which page hosts it, so the app knows whom to talk to.
  function appUrl(path) {
    var q = new URLSearchParams();
    if (path !== '/contacto') q.set('origen', location.origin);
    q.set('idioma', lang);
    if (opt.agency) q.set('entidad', opt.agency);
    if (opt.type) q.set('tipo', opt.type);
    if (opt.procedure) q.set('tramite', opt.procedure);
    return APP + path + '?' + q;
  }

  // Scoped styles: the page's CSS cannot reach into the shadow root, and `all: initial`
  // stops inherited page styles (fonts, colours, sizes) at its edge. Sizes are in px
  // and `medium` so the page's root font size cannot change them (browser zoom still
  // does).
  var CSS =
    '.r{all:initial;font:400 medium/1.4 var(--cc-embed-font,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif);color:#0b0c0c}' +
    '.b{box-sizing:border-box;display:inline-flex;align-items:center;min-height:44px;margin:0;padding:8px 18px;' +
    'border:2px solid transparent;border-radius:var(--cc-embed-radius,4px);background:var(--cc-embed-color,#0b3d66);' +
    'color:var(--cc-embed-text,#fff);font:inherit;font-weight:700;text-align:left;cursor:pointer;box-shadow:0 2px 0 #0b0c0c}' +
    '.b:hover{text-decoration:underline}' +
    '.b:focus-visible,.x:focus-visible{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}' +
    '.f .b{position:fixed;right:16px;bottom:16px;z-index:2147483000;max-width:calc(100vw - 32px)}' +
    '.d{box-sizing:border-box;width:min(760px,calc(100vw - 32px));max-width:none;max-height:calc(100vh - 32px);' +
    'margin:auto;padding:0;border:0;background:#fff;color:#0b0c0c;font:inherit;overflow:hidden}' +
    '.d[open]{display:flex;flex-direction:column}' +
    '.d::backdrop{background:rgba(11,12,12,.6)}' +
    '.h{display:flex;align-items:center;gap:8px;padding:6px 6px 6px 16px;background:#0b3d66;color:#fff}' +
    '.t{flex:1;margin:0;font-size:18px;line-height:1.3}' +
    '.x{min-height:44px;min-width:44px;margin:0;padding:4px 12px;border:2px solid #fff;background:transparent;' +
    'color:#fff;font:inherit;font-weight:700;cursor:pointer}' +
    '.l{margin:16px}.l a{color:#1a4f8b}' +
    '.i{display:block;width:100%;height:0;min-height:0;flex:0 1 auto;border:0;background:#fff}' +
    // Phones: the dialog takes the whole screen and the app scrolls inside it.
    '@media (max-width:599.98px){.d{width:100%;height:100%;max-height:none;margin:0}.i{flex:1 1 auto;height:auto!important}}';

  function el(tag, cls, parent, content) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content) e.textContent = content;
    parent.appendChild(e);
    return e;
  }

  function start() {
    var host = document.createElement('contacto-ciudadano');
    var parent = script.parentNode;
    if (parent && parent !== document.head) parent.insertBefore(host, script);
    else document.body.appendChild(host);

    // Browsers without Shadow DOM or <dialog> get a plain link to the same form.
    if (!host.attachShadow || !window.HTMLDialogElement) {
      el('a', '', host, label).href = appUrl('/contacto');
      return;
    }
    var root = host.attachShadow({ mode: 'open' });
    try {
      // A constructed stylesheet also works under a page CSP without 'unsafe-inline'.
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      el('style', '', root, CSS);
    }

    var wrap = el('div', opt.position === 'bottom-right' ? 'r f' : 'r', root);
    wrap.lang = lang;
    var button = el('button', 'b', wrap, label);
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    var dialog = el('dialog', 'd', wrap);
    dialog.setAttribute('aria-labelledby', 't');
    var head = el('div', 'h', dialog);
    var title = el('h2', 't', head, 'Contacto Ciudadano');
    title.id = 't';
    var close = el('button', 'x', head, text[1]);
    close.type = 'button';
    // Shown until the app says it runs; the link helps if it never does.
    var loading = el('p', 'l', dialog, text[2] + ' ');
    var link = el('a', '', loading, text[3]);
    link.href = appUrl('/contacto');
    link.target = '_blank';
    var frame = null;
    var ready = false;

    function emit(name, detail) {
      host.dispatchEvent(new CustomEvent(SOURCE + ':' + name, { bubbles: true, detail: detail || {} }));
    }
    function post(type) {
      frame.contentWindow.postMessage({ source: SOURCE, version: 1, type: type }, APP);
    }
    // Focus moves into the app, which then focuses its page heading.
    function enter() {
      frame.focus();
      post('ready');
    }

    button.addEventListener('click', function () {
      if (!frame) {
        // Loaded on first use only: pages with the button pay nothing until then.
        frame = el('iframe', 'i', dialog);
        frame.title = title.textContent;
        frame.src = appUrl('/embed/contacto');
      }
      // showModal makes the rest of the page inert (focus stays inside) and closes on Esc.
      dialog.showModal();
      if (ready) enter();
      else close.focus();
      emit('open');
    });
    close.addEventListener('click', function () {
      dialog.close();
    });
    // The iframe (and so an unsent draft) stays; focus goes back to the button.
    dialog.addEventListener('close', function () {
      button.focus();
      emit('close');
    });

    window.addEventListener('message', function (event) {
      var data = event.data;
      if (event.origin !== APP || !frame || event.source !== frame.contentWindow ||
        !data || data.source !== SOURCE || data.version !== 1) return;
      if (data.type === 'ready') {
        ready = true;
        loading.hidden = true;
        if (typeof data.title === 'string' && data.title) {
          title.textContent = frame.title = data.title;
        }
        if (dialog.open) enter();
      } else if (data.type === 'resize' && typeof data.height === 'number' && data.height > 0) {
        frame.style.height = Math.ceil(data.height) + 'px';
      } else if (data.type === 'filed' && typeof data.ticket === 'string') {
        emit('filed', { ticket: data.ticket });
      } else if (data.type === 'close') {
        dialog.close();
      }
    });
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
