//! What every feature's texts module shares: the pick of the current language and
//! the reactive helpers, written once.

/// For a feature's texts struct with a `common: &'static Texts` field and the
/// submodules `es`, `en` and `pt` (each a `TEXTS` const): `Deref` to the shared texts,
/// `for_lang`, and the reactive `t`, `tr` and `tr_signal` of that feature, used the same
/// way as [`crate::i18n::t`] and friends.
#[macro_export]
macro_rules! feature_texts {
    ($name:ident) => {
        impl ::std::ops::Deref for $name {
            type Target = $crate::i18n::Texts;
            fn deref(&self) -> &$crate::i18n::Texts {
                self.common
            }
        }

        /// These texts in a language.
        #[cfg(not(feature = "lazy-texts"))]
        pub fn for_lang(lang: $crate::i18n::Lang) -> &'static $name {
            match lang {
                $crate::i18n::Lang::Es => &es::TEXTS,
                $crate::i18n::Lang::En => &en::TEXTS,
                $crate::i18n::Lang::Pt => &pt::TEXTS,
            }
        }

        /// These texts in a language: Spanish is compiled in, the others are fetched
        /// (`crate::i18n::packed`) before the language becomes the current one.
        #[cfg(feature = "lazy-texts")]
        pub fn for_lang(lang: $crate::i18n::Lang) -> &'static $name {
            LOADED.get(lang).unwrap_or(&es::TEXTS)
        }

        /// The texts of the languages fetched at run time.
        pub static LOADED: $crate::i18n::packed::Loaded<$name> =
            $crate::i18n::packed::Loaded::new();

        /// These texts in the current language, tracked reactively.
        pub fn t() -> &'static $name {
            use ::leptos::prelude::Get;
            for_lang($crate::i18n::use_lang().get())
        }

        /// One text, reactive to the language: `tr(|t| t.title)`.
        pub fn tr(
            pick: fn(&'static $name) -> &'static str,
        ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
            move || pick(t())
        }

        /// [`tr`] as a `Signal<String>`, for props such as page titles.
        pub fn tr_signal(
            pick: fn(&'static $name) -> &'static str,
        ) -> ::leptos::prelude::Signal<String> {
            ::leptos::prelude::Signal::derive(move || pick(t()).to_string())
        }
    };
}
