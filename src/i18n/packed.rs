//! Texts as a flat list of strings, so the release build can leave English and
//! Portuguese out of the first download and fetch only the language a person picks.
//!
//! Every texts struct is declared through [`texts_struct!`], which also writes
//! `pack` (the struct → its strings in field order) and `unpack` (the reverse). The
//! build writes each language's list as `texts-<code>.json` beside the wasm
//! (`cargo run --bin export-texts`, from the compiled-in texts of a native build); the
//! app with the `lazy-texts` feature fetches it on start or on a language change
//! (`app::texts_loader`) and keeps the unpacked texts for the rest of the visit.
//! Spanish, the default, is always compiled in.

use std::sync::OnceLock;

use super::{Lang, Texts};

/// Reads a packed list in order.
pub type Reader<'a> = &'a mut dyn Iterator<Item = &'static str>;

/// One field of a texts struct: how it is written into, and read back from, the list.
pub trait Field: Sized {
    fn put(&self, out: &mut Vec<&'static str>);
    fn take(from: Reader) -> Option<Self>;
}

impl Field for &'static str {
    fn put(&self, out: &mut Vec<&'static str>) {
        out.push(self);
    }
    fn take(from: Reader) -> Option<Self> {
        from.next()
    }
}

impl<const N: usize> Field for [&'static str; N] {
    fn put(&self, out: &mut Vec<&'static str>) {
        out.extend_from_slice(self);
    }
    fn take(from: Reader) -> Option<Self> {
        let items: Vec<&'static str> = from.take(N).collect();
        items.try_into().ok()
    }
}

impl Field for Lang {
    fn put(&self, out: &mut Vec<&'static str>) {
        out.push(self.code());
    }
    fn take(from: Reader) -> Option<Self> {
        Lang::from_code(from.next()?)
    }
}

/// A list of texts: its length, then each (kept for the visit once read).
impl Field for &'static [&'static str] {
    fn put(&self, out: &mut Vec<&'static str>) {
        out.push(count(self.len()));
        out.extend_from_slice(self);
    }
    fn take(from: Reader) -> Option<Self> {
        let n: usize = from.next()?.parse().ok()?;
        let items: Vec<&'static str> = from.take(n).collect();
        (items.len() == n).then(|| &*Vec::leak(items))
    }
}

/// A list of pairs: its length, then each pair's two texts.
impl Field for &'static [(&'static str, &'static str)] {
    fn put(&self, out: &mut Vec<&'static str>) {
        out.push(count(self.len()));
        for (a, b) in self.iter() {
            out.extend([*a, *b]);
        }
    }
    fn take(from: Reader) -> Option<Self> {
        let n: usize = from.next()?.parse().ok()?;
        let mut pairs = Vec::with_capacity(n);
        for _ in 0..n {
            pairs.push((from.next()?, from.next()?));
        }
        Some(&*Vec::leak(pairs))
    }
}

/// A length as a text of the list (leaked: only the native export writes these).
fn count(n: usize) -> &'static str {
    String::leak(n.to_string())
}

/// A feature's link to the shared texts: the language's code, resolved to the shared
/// texts already unpacked (they come first in the list).
impl Field for &'static Texts {
    fn put(&self, out: &mut Vec<&'static str>) {
        out.push(self.lang.code());
    }
    fn take(from: Reader) -> Option<Self> {
        let lang = Lang::from_code(from.next()?)?;
        let texts = lang.texts();
        (texts.lang == lang).then_some(texts)
    }
}

/// A texts struct that can be packed into, and unpacked from, a list of strings.
pub trait Packed: Sized + 'static {
    fn pack(&self) -> Vec<&'static str>;
    fn unpack(from: Reader) -> Option<Self>;
}

/// Declares a texts struct (fields as usual, with their docs and visibility) and
/// implements [`Packed`] for it, field by field in declaration order.
#[macro_export]
macro_rules! texts_struct {
    (
        $(#[$struct_meta:meta])*
        $struct_vis:vis struct $name:ident {
            $( $(#[$field_meta:meta])* $field_vis:vis $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$struct_meta])*
        $struct_vis struct $name {
            $( $(#[$field_meta])* $field_vis $field : $ty ),*
        }

        impl $crate::i18n::packed::Packed for $name {
            fn pack(&self) -> ::std::vec::Vec<&'static str> {
                let mut out = ::std::vec::Vec::new();
                $( $crate::i18n::packed::Field::put(&self.$field, &mut out); )*
                out
            }
            fn unpack(from: $crate::i18n::packed::Reader) -> ::std::option::Option<Self> {
                ::std::option::Option::Some($name {
                    $( $field: $crate::i18n::packed::Field::take(from)?, )*
                })
            }
        }
    };
}

/// The unpacked texts of one struct for the languages that are not compiled in.
pub struct Loaded<T: 'static> {
    en: OnceLock<&'static T>,
    pt: OnceLock<&'static T>,
}

impl<T: 'static> Loaded<T> {
    pub const fn new() -> Self {
        Loaded {
            en: OnceLock::new(),
            pt: OnceLock::new(),
        }
    }

    fn cell(&self, lang: Lang) -> Option<&OnceLock<&'static T>> {
        match lang {
            Lang::Es => None,
            Lang::En => Some(&self.en),
            Lang::Pt => Some(&self.pt),
        }
    }

    /// The texts of `lang` if they were loaded.
    pub fn get(&self, lang: Lang) -> Option<&'static T> {
        self.cell(lang)?.get().copied()
    }

    /// Keeps `texts` for the rest of the visit (they are leaked on purpose: the
    /// interface holds `&'static` texts).
    pub fn set(&self, lang: Lang, texts: T) {
        if let Some(cell) = self.cell(lang) {
            let _ = cell.set(Box::leak(Box::new(texts)));
        }
    }
}

impl<T: 'static> Default for Loaded<T> {
    fn default() -> Self {
        Loaded::new()
    }
}

/// Unpacks the next `T` from the list and keeps it for `lang`.
pub fn unpack_into<T: Packed>(loaded: &Loaded<T>, lang: Lang, from: Reader) -> bool {
    match T::unpack(from) {
        Some(texts) => {
            loaded.set(lang, texts);
            true
        }
        None => false,
    }
}
