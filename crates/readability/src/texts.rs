//! The Spanish texts as the app holds them: each es.rs file is one `pub const TEXTS:
//! X = X { field: "text", … };`, read here with `syn` as Rust (a struct literal), so
//! escapes, line breaks and field order are read the way the compiler reads them.

use std::fmt;
use std::path::Path;

/// One text field: its name and its Spanish value (templates keep their `{name}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
}

#[derive(Debug)]
pub struct ReadError(pub String);

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ReadError {}

/// The string fields of the `TEXTS` struct literal in `source`. Fields that are not
/// text (`common: &…`, `lang: Lang::Es`, the months array) are left out.
pub fn fields(source: &str) -> Result<Vec<Field>, ReadError> {
    let file = syn::parse_file(source).map_err(|e| ReadError(format!("not Rust: {e}")))?;
    let literal = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Const(c) if c.ident == "TEXTS" => match &*c.expr {
                syn::Expr::Struct(s) => Some(s),
                _ => None,
            },
            _ => None,
        })
        .ok_or_else(|| ReadError("no `const TEXTS` struct literal".into()))?;
    Ok(literal
        .fields
        .iter()
        .filter_map(|fv| {
            let syn::Member::Named(name) = &fv.member else {
                return None;
            };
            let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) = &fv.expr
            else {
                return None;
            };
            Some(Field {
                name: name.to_string(),
                value: text.value(),
            })
        })
        .collect())
}

/// [`fields`] of the file at `path`.
pub fn read(path: &Path) -> Result<Vec<Field>, ReadError> {
    let source =
        std::fs::read_to_string(path).map_err(|e| ReadError(format!("{}: {e}", path.display())))?;
    fields(&source).map_err(|e| ReadError(format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_string_fields_of_the_texts_literal() {
        let source = r#"
            use super::{Lang, Texts};
            pub const OTHER: &str = "no";
            pub const TEXTS: Texts = Texts {
                lang: Lang::Es,
                common: &crate::i18n::ES,
                title: "Hola",
                lead: "Dos \
                       líneas «con» \"comillas\"",
                months: ["enero", "febrero"],
            };
        "#;
        let got = fields(source).unwrap();
        assert_eq!(
            got,
            vec![
                Field {
                    name: "title".into(),
                    value: "Hola".into()
                },
                Field {
                    name: "lead".into(),
                    value: "Dos líneas «con» \"comillas\"".into()
                },
            ]
        );
    }

    #[test]
    fn says_what_is_missing() {
        assert!(fields("pub const X: u8 = 1;").is_err());
        assert!(fields("this is not rust {").is_err());
    }
}
