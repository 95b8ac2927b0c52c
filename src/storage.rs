//! Small typed wrapper over the browser's `localStorage` (kept across visits) and
//! `sessionStorage` (this tab only). Storage can be missing, refused or full: private
//! mode (some browsers give a store whose every write fails), a third-party iframe
//! (e.g. the embed dialog on an agency's site with third-party storage blocked),
//! storage disabled, or the quota reached. Then the values are kept in memory for the
//! life of the page instead, so a draft and the confirmation still work, and
//! [`device_in_memory`] says so, for the wizard's warning that closing the page would
//! lose them. Nothing here ever fails the caller.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::{ArcRwSignal, Get, GetUntracked, Set};
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
    /// Each area's browser store (by `Area as usize`), looked up once (`None` until
    /// then); `Some(None)` once it is missing or has refused a write. From then on
    /// that area's writes go to memory for the rest of the page's life (a later write
    /// that fits again must not land behind a newer value kept here), and reads look
    /// in memory first.
    static STORES: RefCell<[Option<Option<web_sys::Storage>>; 2]> = const { RefCell::new([None, None]) };
    static DEVICE_IN_MEMORY: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

const PROBE_KEY: &str = "cc-storage-probe";

fn open(area: Area) -> Option<web_sys::Storage> {
    let w = web_sys::window()?;
    let store = match area {
        Area::Device => w.local_storage(),
        Area::Tab => w.session_storage(),
    }
    .ok()
    .flatten()?;
    // Some private modes hand out a store with a quota of 0: it must take a write.
    store.set_item(PROBE_KEY, "1").ok()?;
    let _ = store.remove_item(PROBE_KEY);
    Some(store)
}

fn store(area: Area) -> Option<web_sys::Storage> {
    if let Some(known) = STORES.with_borrow(|s| s[area as usize].clone()) {
        return known;
    }
    let store = open(area);
    STORES.with_borrow_mut(|s| s[area as usize] = Some(store.clone()));
    if store.is_none() {
        in_memory_from_now(area);
    }
    store
}

fn in_memory_from_now(area: Area) {
    STORES.with_borrow_mut(|s| s[area as usize] = Some(None));
    if area == Area::Device {
        DEVICE_IN_MEMORY.with(|lost| {
            if !lost.get_untracked() {
                lost.set(true);
            }
        });
    }
}

/// Whether what the app keeps "on this device" (the wizard's draft, saved cases) only
/// lives in this page's memory, because the browser does not let it be stored: closing
/// or reloading the page loses it. Reactive.
pub fn device_in_memory() -> bool {
    // Looking the store up once decides it, so the wizard warns before any typing.
    store(Area::Device);
    DEVICE_IN_MEMORY.with(|lost| lost.get())
}

fn memory_get(area: Area, key: &str) -> Option<String> {
    MEMORY.with_borrow(|m| m.get(&(area, key.to_string())).cloned())
}

/// The browser store of `area` even after it refused a write: what it still holds
/// (saved cases, an older draft) stays readable and removable.
fn browser_store(area: Area) -> Option<web_sys::Storage> {
    store(area).or_else(|| {
        let w = web_sys::window()?;
        match area {
            Area::Device => w.local_storage(),
            Area::Tab => w.session_storage(),
        }
        .ok()
        .flatten()
    })
}

pub fn get_in(area: Area, key: &str) -> Option<String> {
    memory_get(area, key).or_else(|| browser_store(area)?.get_item(key).ok().flatten())
}

/// Keeps `value`; `false` only if it could not be kept at all. A store that refuses
/// the write (full, private mode) turns the area to memory for the page's life.
pub fn set_in(area: Area, key: &str, value: &str) -> bool {
    if let Some(s) = store(area) {
        if s.set_item(key, value).is_ok() {
            return true;
        }
        in_memory_from_now(area);
    }
    MEMORY.with_borrow_mut(|m| m.insert((area, key.to_string()), value.to_string()));
    true
}

pub fn remove_in(area: Area, key: &str) {
    MEMORY.with_borrow_mut(|m| m.remove(&(area, key.to_string())));
    if let Some(s) = browser_store(area) {
        let _ = s.remove_item(key);
    }
}

/// Every stored key that starts with `prefix` (e.g. all reply drafts), in memory or
/// in the browser's store.
pub fn keys_with_prefix(area: Area, prefix: &str) -> Vec<String> {
    let mut keys: Vec<String> = MEMORY.with_borrow(|m| {
        m.keys()
            .filter(|(a, k)| *a == area && k.starts_with(prefix))
            .map(|(_, k)| k.clone())
            .collect()
    });
    if let Some(s) = browser_store(area) {
        let n = s.length().unwrap_or(0);
        for key in (0..n).filter_map(|i| s.key(i).ok().flatten()) {
            if key.starts_with(prefix) && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
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
