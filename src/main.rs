fn main() {
    contacto_ciudadano::mount();
    // "Usable" for the performance measurements (`make perf`): the app is mounted.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("app-ready");
    }
}
