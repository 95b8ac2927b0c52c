fn main() {
    // From the first instruction: a crash shows "Volver a cargar", never a blank page
    // (also while the runtime configuration is read).
    contacto_ciudadano::panic_screen::install();
    wasm_bindgen_futures::spawn_local(async {
        // Which backend to talk to comes from `app-config.json` (preloaded by
        // index.html while the wasm downloads, so this rarely waits).
        // The person's language, when it is not the compiled-in Spanish, is fetched
        // at the same time.
        let lang = contacto_ciudadano::app::stored_lang();
        futures::future::join(
            contacto_ciudadano::api::init(),
            contacto_ciudadano::app::texts_loader::ensure(lang),
        )
        .await;
        contacto_ciudadano::mount();
        // "Usable" for the performance measurements (`make perf`): the app is mounted.
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("app-ready");
        }
    });
}
