//! The release build fetches English and Portuguese as packed lists
//! (`i18n::packed`): every text must come back where it was, in every struct.
#![cfg(not(target_arch = "wasm32"))]

use contacto_ciudadano::app::texts_loader::{pack_language, pack_unpacked, unpack_language};
use contacto_ciudadano::i18n::packed::Packed;
use contacto_ciudadano::i18n::{Lang, LOADED};

#[test]
fn every_language_comes_back_from_its_packed_list_unchanged() {
    for lang in [Lang::En, Lang::Pt] {
        let list = pack_language(lang);
        // Through JSON, as the browser gets it.
        let json = serde_json::to_string(&list).unwrap();
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        let back: Vec<&'static str> = back
            .into_iter()
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect();
        assert!(unpack_language(lang, back), "{lang:?} unpacks");
        // Every struct, the embed page's lists of pairs included, comes back whole.
        assert_eq!(pack_unpacked(lang).expect("all kept"), list);
        let shared = LOADED.get(lang).expect("kept");
        assert_eq!(shared.lang, lang);
        assert_eq!(shared.pack(), lang.texts().pack());
        assert_eq!(shared.months, lang.texts().months);
        assert_eq!(shared.crash_reload, lang.texts().crash_reload);
    }
}

#[test]
fn a_short_a_long_or_a_foreign_list_is_refused() {
    let list = pack_language(Lang::Pt);
    assert!(
        !unpack_language(Lang::Pt, list[..list.len() - 1].to_vec()),
        "one text missing"
    );
    let mut longer = list.clone();
    longer.push("extra");
    assert!(!unpack_language(Lang::Pt, longer), "one text too many");
    // English texts offered as Portuguese: the language code inside does not match.
    assert!(!unpack_language(Lang::Pt, pack_language(Lang::En)));
    assert!(
        pack_language(Lang::En).len() > 400,
        "every struct is packed"
    );
}
