//! The connection as the browser reports it, and the one rhythm for trying again
//! something that waits for it (a case in the wizard's outbox, a waiting reply).

use std::time::Duration;

use leptos::prelude::*;

/// How long after the browser says it is online a waiting send is tried: the event
/// comes as the link comes up, a moment before requests go through.
const AFTER_ONLINE: Duration = Duration::from_millis(1500);
/// How often a waiting send is tried while its page is open (the backend may be back
/// without the browser noticing a change of connection).
const RETRY_EVERY: Duration = Duration::from_secs(30);

/// What `navigator.onLine` says (true when there is no window to ask).
pub fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Runs `try_now` shortly after the connection comes back and every half minute, for
/// as long as the calling component lives.
pub fn retry_while_mounted(try_now: Callback<()>) {
    let online = window_event_listener(leptos::ev::online, move |_| {
        set_timeout(move || try_now.run(()), AFTER_ONLINE);
    });
    let timer = set_interval_with_handle(move || try_now.run(()), RETRY_EVERY).ok();
    on_cleanup(move || {
        online.remove();
        if let Some(timer) = timer {
            timer.clear();
        }
    });
}
