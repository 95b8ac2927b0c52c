//! Small typed wrapper over the browser's `localStorage` (kept across visits) and
//! `sessionStorage` (this tab only). Storage can be missing or full (private mode,
//! quota): every call degrades to "nothing stored" instead of failing. Where storage
//! is refused altogether (a third-party iframe, e.g. the embed dialog on an agency's
//! site with third-party storage blocked), values are kept in memory for the life of
//! the page, so a draft and the confirmation still work there.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Which of the browser's two stores.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Area {
    /// Kept on the device until removed.
    Device,
    /// Kept while this tab is open (survives reload, not closing the tab).
    Tab,
}

thread_local! {
    static MEMORY: RefCell<HashMap<(Area, String), String>> = RefCell::new(HashMap::new());
}

fn store(area: Area) -> Option<web_sys::Storage> {
    let w = web_sys::window()?;
    match area {
        Area::Device => w.local_storage(),
        Area::Tab => w.session_storage(),
    }
    .ok()
    .flatten()
}

pub fn get_in(area: Area, key: &str) -> Option<String> {
    match store(area) {
        Some(s) => s.get_item(key).ok().flatten(),
        None => MEMORY.with_borrow(|m| m.get(&(area, key.to_string())).cloned()),
    }
}

pub fn set_in(area: Area, key: &str, value: &str) -> bool {
    match store(area) {
        Some(s) => s.set_item(key, value).is_ok(),
        None => {
            MEMORY.with_borrow_mut(|m| m.insert((area, key.to_string()), value.to_string()));
            true
        }
    }
}

pub fn remove_in(area: Area, key: &str) {
    match store(area) {
        Some(s) => {
            let _ = s.remove_item(key);
        }
        None => {
            MEMORY.with_borrow_mut(|m| m.remove(&(area, key.to_string())));
        }
    }
}

/// Every stored key that starts with `prefix` (e.g. all reply drafts).
pub fn keys_with_prefix(area: Area, prefix: &str) -> Vec<String> {
    match store(area) {
        Some(s) => {
            let n = s.length().unwrap_or(0);
            (0..n)
                .filter_map(|i| s.key(i).ok().flatten())
                .filter(|k| k.starts_with(prefix))
                .collect()
        }
        None => MEMORY.with_borrow(|m| {
            m.keys()
                .filter(|(a, k)| *a == area && k.starts_with(prefix))
                .map(|(_, k)| k.clone())
                .collect()
        }),
    }
}

pub fn get_json_in<T: DeserializeOwned>(area: Area, key: &str) -> Option<T> {
    serde_json::from_str(&get_in(area, key)?).ok()
}

pub fn set_json_in<T: Serialize>(area: Area, key: &str, value: &T) -> bool {
    serde_json::to_string(value).is_ok_and(|json| set_in(area, key, &json))
}

pub fn get_string(key: &str) -> Option<String> {
    get_in(Area::Device, key)
}

pub fn set_string(key: &str, value: &str) -> bool {
    set_in(Area::Device, key, value)
}

pub fn get_json<T: DeserializeOwned>(key: &str) -> Option<T> {
    get_json_in(Area::Device, key)
}

pub fn set_json<T: Serialize>(key: &str, value: &T) -> bool {
    set_json_in(Area::Device, key, value)
}

pub fn remove(key: &str) {
    remove_in(Area::Device, key)
}
