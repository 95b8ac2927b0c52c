//! The person's display settings ("Pantalla"): larger text, high contrast and the
//! simple view. Kept on the device as a few words ("t150 contrast simple") rather than
//! JSON: the app reads them before the first paint, and a word list needs no decoder
//! in the first download. Unknown or repeated words are ignored, so a setting written
//! by a newer version never breaks an older one.

/// How large the text is, relative to the browser's own size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Normal,
    /// 150 %.
    Large,
    /// 200 %: the most WCAG 1.4.4 asks a page to support without loss.
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Largest];

    /// The size in percent of the browser's text size.
    pub fn percent(self) -> u16 {
        match self {
            TextSize::Normal => 100,
            TextSize::Large => 150,
            TextSize::Largest => 200,
        }
    }

    /// The value of `<html data-text>`: none for the normal size.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            TextSize::Normal => None,
            TextSize::Large => Some("150"),
            TextSize::Largest => Some("200"),
        }
    }

    fn word(self) -> Option<&'static str> {
        match self {
            TextSize::Normal => None,
            TextSize::Large => Some("t150"),
            TextSize::Largest => Some("t200"),
        }
    }
}

/// Everything the display panel sets. The default follows the phone: its text size,
/// and its contrast, colour scheme and motion preferences (CSS media queries).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DisplaySettings {
    pub text: TextSize,
    /// High contrast even when the phone does not ask for it.
    pub high_contrast: bool,
    /// "Vista sencilla": fewer words on screen, bigger controls.
    pub simple: bool,
}

/// The attributes on `<html>` the stylesheet reads.
pub const TEXT_ATTRIBUTE: &str = "data-text";
pub const CONTRAST_ATTRIBUTE: &str = "data-contrast";
pub const VIEW_ATTRIBUTE: &str = "data-view";

impl DisplaySettings {
    /// Reads what [`DisplaySettings::encode`] wrote; anything else gives the default.
    pub fn parse(stored: &str) -> Self {
        let mut settings = DisplaySettings::default();
        for word in stored.split_whitespace() {
            match word {
                "t150" => settings.text = TextSize::Large,
                "t200" => settings.text = TextSize::Largest,
                "contrast" => settings.high_contrast = true,
                "simple" => settings.simple = true,
                _ => {}
            }
        }
        settings
    }

    /// The words to keep on the device; empty for the default.
    pub fn encode(&self) -> String {
        let words = [
            self.text.word(),
            self.high_contrast.then_some("contrast"),
            self.simple.then_some("simple"),
        ];
        words.into_iter().flatten().collect::<Vec<_>>().join(" ")
    }

    /// Each `<html>` attribute and its value; `None` means the attribute is removed.
    pub fn attributes(&self) -> [(&'static str, Option<&'static str>); 3] {
        [
            (TEXT_ATTRIBUTE, self.text.attribute()),
            (CONTRAST_ATTRIBUTE, self.high_contrast.then_some("more")),
            (VIEW_ATTRIBUTE, self.simple.then_some("simple")),
        ]
    }

    pub fn is_default(&self) -> bool {
        *self == DisplaySettings::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_survives_being_kept_and_read_back() {
        for text in TextSize::ALL {
            for high_contrast in [false, true] {
                for simple in [false, true] {
                    let s = DisplaySettings {
                        text,
                        high_contrast,
                        simple,
                    };
                    assert_eq!(DisplaySettings::parse(&s.encode()), s, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn the_default_keeps_nothing_and_sets_no_attribute() {
        let d = DisplaySettings::default();
        assert!(d.is_default());
        assert_eq!(d.encode(), "");
        assert!(d.attributes().iter().all(|(_, v)| v.is_none()));
        assert_eq!(DisplaySettings::parse(""), d);
    }

    #[test]
    fn the_words_and_attributes_are_the_ones_the_stylesheet_reads() {
        let s = DisplaySettings {
            text: TextSize::Largest,
            high_contrast: true,
            simple: true,
        };
        assert!(!s.is_default());
        assert_eq!(s.encode(), "t200 contrast simple");
        assert_eq!(
            s.attributes(),
            [
                ("data-text", Some("200")),
                ("data-contrast", Some("more")),
                ("data-view", Some("simple")),
            ]
        );
        let large = DisplaySettings {
            text: TextSize::Large,
            ..DisplaySettings::default()
        };
        assert_eq!(large.encode(), "t150");
        assert_eq!(large.attributes()[0], ("data-text", Some("150")));
        assert!(!large.is_default());
    }

    #[test]
    fn sizes_in_percent_go_up_to_200() {
        let percents: Vec<u16> = TextSize::ALL.iter().map(|t| t.percent()).collect();
        assert_eq!(percents, [100, 150, 200]);
    }

    #[test]
    fn unknown_and_mangled_words_are_ignored() {
        assert_eq!(
            DisplaySettings::parse("  contrast   bogus T200 t300 "),
            DisplaySettings {
                high_contrast: true,
                ..DisplaySettings::default()
            }
        );
        // The last size wins when a setting was written twice.
        assert_eq!(DisplaySettings::parse("t200 t150").text, TextSize::Large);
        assert!(DisplaySettings::parse("simple").simple);
        assert!(!DisplaySettings::parse("simple").high_contrast);
    }
}
