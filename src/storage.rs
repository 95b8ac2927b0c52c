//! Small typed wrapper over `localStorage`. Storage can be missing or full (private
//! mode, quota): every call degrades to "nothing stored" instead of failing. Where
//! `localStorage` is refused altogether (a third-party iframe, e.g. the embed dialog on
//! an agency's site with third-party storage blocked), values are kept in memory for
//! the life of the page, so a draft and the confirmation still work there.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Serialize;

thread_local! {
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get_string(key: &str) -> Option<String> {
    match local() {
        Some(s) => s.get_item(key).ok().flatten(),
        None => MEMORY.with_borrow(|m| m.get(key).cloned()),
    }
}

pub fn set_string(key: &str, value: &str) -> bool {
    match local() {
        Some(s) => s.set_item(key, value).is_ok(),
        None => {
            MEMORY.with_borrow_mut(|m| m.insert(key.to_string(), value.to_string()));
            true
        }
    }
}

pub fn get_json<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&get_string(key)?).ok()
}

pub fn set_json<T: Serialize>(key: &str, value: &T) -> bool {
    serde_json::to_string(value).is_ok_and(|json| set_string(key, &json))
}

pub fn remove(key: &str) {
    match local() {
        Some(s) => {
            let _ = s.remove_item(key);
        }
        None => {
            MEMORY.with_borrow_mut(|m| m.remove(key));
        }
    }
}
