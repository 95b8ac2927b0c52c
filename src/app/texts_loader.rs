//! The interface's texts in order, for the release build that compiles only Spanish
//! in (feature `lazy-texts`): the shared texts, then each feature's. `pack_language`
//! writes the list (the `export-texts` program, run by scripts/build-app.sh, from a
//! native build that has every language); `ensure` fetches and unpacks it in the
//! browser before a language becomes the current one.

use crate::i18n::Lang;

/// Every text of `lang`, in the order `ensure` reads them.
#[cfg(not(feature = "lazy-texts"))]
pub fn pack_language(lang: Lang) -> Vec<&'static str> {
    use crate::i18n::packed::Packed;
    let mut out = lang.texts().pack();
    out.extend(crate::catalog::texts::for_lang(lang).pack());
    out.extend(crate::intake::texts::for_lang(lang).pack());
    out.extend(crate::tracking::texts::for_lang(lang).pack());
    out.extend(crate::embed::texts::for_lang(lang).pack());
    out.extend(crate::transparency::texts::for_lang(lang).pack());
    out.extend(crate::assisted::texts::for_lang(lang).pack());
    out.extend(crate::service_points::texts::for_lang(lang).pack());
    out
}

/// What was unpacked for `lang`, packed again (the round trip the tests check).
#[cfg(not(feature = "lazy-texts"))]
pub fn pack_unpacked(lang: Lang) -> Option<Vec<&'static str>> {
    use crate::i18n::packed::Packed;
    let mut out = crate::i18n::LOADED.get(lang)?.pack();
    out.extend(crate::catalog::texts::LOADED.get(lang)?.pack());
    out.extend(crate::intake::texts::LOADED.get(lang)?.pack());
    out.extend(crate::tracking::texts::LOADED.get(lang)?.pack());
    out.extend(crate::embed::texts::LOADED.get(lang)?.pack());
    out.extend(crate::transparency::texts::LOADED.get(lang)?.pack());
    out.extend(crate::assisted::texts::LOADED.get(lang)?.pack());
    out.extend(crate::service_points::texts::LOADED.get(lang)?.pack());
    Some(out)
}

/// Unpacks a list written by `pack_language` and keeps it as `lang`'s texts.
pub fn unpack_language(lang: Lang, list: Vec<&'static str>) -> bool {
    use crate::i18n::packed::unpack_into;
    // The shared texts come first and start with their language's code.
    if list.first() != Some(&lang.code()) {
        return false;
    }
    let mut items = list.into_iter();
    let from: &mut dyn Iterator<Item = &'static str> = &mut items;
    unpack_into(&crate::i18n::LOADED, lang, from)
        && unpack_into(&crate::catalog::texts::LOADED, lang, from)
        && unpack_into(&crate::intake::texts::LOADED, lang, from)
        && unpack_into(&crate::tracking::texts::LOADED, lang, from)
        && unpack_into(&crate::embed::texts::LOADED, lang, from)
        && unpack_into(&crate::transparency::texts::LOADED, lang, from)
        && unpack_into(&crate::assisted::texts::LOADED, lang, from)
        && unpack_into(&crate::service_points::texts::LOADED, lang, from)
        && from.next().is_none()
}

/// Whether every texts struct of `lang` is available (the last one unpacked says so).
pub fn is_ready(lang: Lang) -> bool {
    lang == Lang::Es
        || cfg!(not(feature = "lazy-texts"))
        || crate::service_points::texts::LOADED.get(lang).is_some()
}

#[cfg(feature = "lazy-texts")]
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "export function texts_url(code) { \
    return new URL('../../texts-' + code + '.json', import.meta.url).href; }")]
extern "C" {
    /// `texts-<code>.json` in the app's folder (this snippet sits two folders down, in
    /// `snippets/<crate>/`), so each build fetches its own texts.
    fn texts_url(code: &str) -> String;
}

/// Makes `lang`'s texts available; false when they could not be fetched (offline
/// before the app was ever opened in that language), and the language stays as it was.
pub async fn ensure(lang: Lang) -> bool {
    if is_ready(lang) {
        return true;
    }
    #[cfg(feature = "split")]
    let loading = start(lang).await;
    #[cfg(not(feature = "split"))]
    let loading = start(lang);
    match loading {
        Ok(loading) => loading.await,
        Err(NotLoaded) => false,
    }
}

type Loading = std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>;

/// The code that could not be downloaded.
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// The way into the `texts` chunk: fetching, reading and unpacking a language (some
/// 25 KB of code, one store per text) is only downloaded by those who choose one.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(texts, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn start(lang: Lang) -> Result<Loading, NotLoaded> {
    Ok(Box::pin(fetch(lang)))
}

#[cfg(feature = "lazy-texts")]
async fn fetch(lang: Lang) -> bool {
    use crate::api::http::{exchange, get, Body};
    let Ok(answer) = exchange(get(&texts_url(lang.code())), Body::Empty).await else {
        return false;
    };
    let list = match serde_json::from_str::<Vec<String>>(&answer.text) {
        Ok(list) if answer.is_success() => list,
        _ => return false,
    };
    // Kept for the rest of the visit: the interface holds `&'static` texts.
    let list = list
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    unpack_language(lang, list)
}

/// Every language is compiled in.
#[cfg(not(feature = "lazy-texts"))]
async fn fetch(_: Lang) -> bool {
    true
}
