//! The tables as CSV, built here (no library) and handed to the browser as a file
//! through a Blob URL, so every figure of the page can be taken away and reused.

use wasm_bindgen::JsCast;

/// RFC 4180 text: a header row, then the rows; fields with a comma, a quote or a line
/// break are quoted (quotes doubled). A byte-order mark first, so spreadsheet programs
/// read the accents as UTF-8.
pub fn to_csv(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Offers `text` as the file `name` (`text/csv`).
pub fn download(name: &str, text: &str) {
    let array = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&array, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlElement = a.unchecked_into();
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let csv = to_csv(
            &["Mes".into(), "Casos".into()],
            &[
                vec!["marzo, 2026".into(), "12".into()],
                vec!["a \"b\"".into(), "3".into()],
            ],
        );
        assert_eq!(
            csv,
            "\u{feff}Mes,Casos\r\n\"marzo, 2026\",12\r\n\"a \"\"b\"\"\",3\r\n"
        );
    }
}
