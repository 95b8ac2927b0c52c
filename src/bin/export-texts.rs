//! Writes `texts-en.json` and `texts-pt.json` into the folder given: the interface's
//! English and Portuguese texts as lists (`i18n::packed`), which the release build
//! (feature `lazy-texts`) fetches instead of carrying them in its first download.
//! Run natively by scripts/build-app.sh: `cargo run --bin export-texts -- DIR`.

#[cfg(not(feature = "lazy-texts"))]
fn main() {
    use contacto_ciudadano::app::texts_loader::pack_language;
    use contacto_ciudadano::i18n::Lang;

    let dir = std::env::args().nth(1).expect("usage: export-texts FOLDER");
    for lang in [Lang::En, Lang::Pt] {
        let list = pack_language(lang);
        let json = serde_json::to_string(&list).expect("a list of strings is JSON");
        let path = format!("{dir}/texts-{}.json", lang.code());
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        println!("{path}: {} texts", list.len());
    }
}

/// A build with only Spanish has nothing to export.
#[cfg(feature = "lazy-texts")]
fn main() {}
