//! The "Salir rápido" keyboard shortcut: Shift pressed three times in a row.
//!
//! The rule follows GOV.UK's "Exit this page": only presses of Shift *on its own*
//! count. Any other key in between (the letter of a capital, Tab of Shift+Tab) starts
//! the count again, and the presses must come within a short window. So typing
//! "Ana María Quispe" or moving back with Shift+Tab never throws a person out of the
//! form, while three deliberate Shift taps always do.

/// How long the three presses may take, in milliseconds (GOV.UK uses 5 seconds: enough
/// for people who press keys slowly, short enough not to add up stray presses).
pub const WINDOW_MS: f64 = 5000.0;

/// Presses of Shift alone needed to leave.
pub const PRESSES: usize = 3;

/// One key event as the shortcut sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Shift went down (not an auto-repeat).
    Shift,
    /// Shift held down long enough to auto-repeat: not a press.
    ShiftRepeat,
    /// Any other key, including a letter typed with Shift held.
    Other,
}

/// Counts Shift presses; feed it every keydown.
#[derive(Debug, Clone, Default)]
pub struct ShiftCounter {
    /// Times (ms) of the presses of the current run, oldest first.
    presses: Vec<f64>,
    /// Shift is down and no other key came since: a press counts only when Shift is
    /// released without another key in between (a capital letter is Shift + key).
    pending: Option<f64>,
}

/// What the page should do after a key event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing yet; `count` presses so far in this run.
    Counting { count: usize },
    /// Leave now.
    Exit,
}

impl ShiftCounter {
    /// A key went down at `now_ms`.
    pub fn key_down(&mut self, key: Key, now_ms: f64) -> Outcome {
        match key {
            Key::Shift => self.pending = Some(now_ms),
            Key::ShiftRepeat => {}
            Key::Other => {
                // Shift+letter, Shift+Tab, or ordinary typing: start again.
                self.pending = None;
                self.presses.clear();
            }
        }
        Outcome::Counting {
            count: self.presses.len(),
        }
    }

    /// Shift was released at `now_ms`. Completes a press when no other key came
    /// while it was down.
    pub fn shift_up(&mut self, now_ms: f64) -> Outcome {
        if self.pending.take().is_none() {
            return Outcome::Counting {
                count: self.presses.len(),
            };
        }
        self.presses.retain(|t| now_ms - t <= WINDOW_MS);
        self.presses.push(now_ms);
        if self.presses.len() >= PRESSES {
            self.presses.clear();
            return Outcome::Exit;
        }
        Outcome::Counting {
            count: self.presses.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shift pressed alone at `at` and released 50 ms later.
    fn tap(c: &mut ShiftCounter, at: f64) -> Outcome {
        c.key_down(Key::Shift, at);
        c.shift_up(at + 50.0)
    }

    #[test]
    fn three_taps_leave() {
        let mut c = ShiftCounter::default();
        assert_eq!(tap(&mut c, 0.0), Outcome::Counting { count: 1 });
        assert_eq!(tap(&mut c, 300.0), Outcome::Counting { count: 2 });
        assert_eq!(tap(&mut c, 600.0), Outcome::Exit);
        // The run starts again after leaving.
        assert_eq!(tap(&mut c, 900.0), Outcome::Counting { count: 1 });
    }

    #[test]
    fn capitals_typed_at_any_pace_never_leave() {
        let mut c = ShiftCounter::default();
        // "Ana María Quispe": Shift down, letter, Shift up — three times, quickly.
        for start in [0.0, 150.0, 300.0] {
            c.key_down(Key::Shift, start);
            assert_eq!(
                c.key_down(Key::Other, start + 20.0),
                Outcome::Counting { count: 0 }
            );
            assert_eq!(c.shift_up(start + 60.0), Outcome::Counting { count: 0 });
            c.key_down(Key::Other, start + 80.0);
        }
    }

    #[test]
    fn shift_tab_three_times_never_leaves() {
        let mut c = ShiftCounter::default();
        for start in [0.0, 100.0, 200.0, 300.0] {
            c.key_down(Key::Shift, start);
            c.key_down(Key::Other, start + 10.0); // Tab
            assert_eq!(c.shift_up(start + 30.0), Outcome::Counting { count: 0 });
        }
    }

    #[test]
    fn another_key_between_taps_resets_the_count() {
        let mut c = ShiftCounter::default();
        tap(&mut c, 0.0);
        tap(&mut c, 100.0);
        assert_eq!(
            c.key_down(Key::Other, 150.0),
            Outcome::Counting { count: 0 }
        );
        assert_eq!(tap(&mut c, 200.0), Outcome::Counting { count: 1 });
        assert_eq!(tap(&mut c, 300.0), Outcome::Counting { count: 2 });
        assert_eq!(tap(&mut c, 400.0), Outcome::Exit);
    }

    #[test]
    fn presses_must_fall_within_the_window() {
        let mut c = ShiftCounter::default();
        tap(&mut c, 0.0);
        tap(&mut c, 2000.0);
        // The third release comes 5 100 ms after the first: that one has expired.
        assert_eq!(tap(&mut c, 5100.0), Outcome::Counting { count: 2 });
        // Exactly at the window's edge still counts.
        let mut c = ShiftCounter::default();
        c.key_down(Key::Shift, 0.0);
        c.shift_up(0.0);
        tap(&mut c, 1000.0);
        c.key_down(Key::Shift, WINDOW_MS);
        assert_eq!(c.shift_up(WINDOW_MS), Outcome::Exit);
    }

    #[test]
    fn auto_repeat_and_stray_releases_do_not_count() {
        let mut c = ShiftCounter::default();
        c.key_down(Key::Shift, 0.0);
        c.key_down(Key::ShiftRepeat, 500.0);
        c.key_down(Key::ShiftRepeat, 530.0);
        assert_eq!(c.shift_up(600.0), Outcome::Counting { count: 1 });
        // A release without a press (focus came from elsewhere with Shift down).
        assert_eq!(c.shift_up(700.0), Outcome::Counting { count: 1 });
        assert_eq!(
            c.key_down(Key::ShiftRepeat, 800.0),
            Outcome::Counting { count: 1 }
        );
    }
}
