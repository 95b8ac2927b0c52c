//! The screen table stays true to the texts: every intake and tracking text belongs to
//! a screen, every selector picks something, every placeholder has a sample.

use std::path::Path;

use readability::report::{self, Sources};
use readability::screens::{selects, Module, FORM_ERRORS, SCREENS, WIZARD_FRAME};

fn sources() -> Sources {
    Sources::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")).expect("texts readable")
}

#[test]
fn every_intake_and_tracking_text_is_on_some_screen() {
    let sources = sources();
    let mut unclaimed = Vec::new();
    for module in Module::ALL {
        for field in sources.module(module) {
            let claimed = SCREENS.iter().filter(|s| s.module == module).any(|s| {
                s.own
                    .iter()
                    .chain(if module == Module::Intake {
                        WIZARD_FRAME
                    } else {
                        &[]
                    })
                    .any(|sel| selects(sel, &field.name))
            });
            if !claimed {
                unclaimed.push(format!("{}: {}", module.path(), field.name));
            }
        }
    }
    assert!(
        unclaimed.is_empty(),
        "texts no screen claims (add them to crates/readability/src/screens.rs): {unclaimed:#?}"
    );
}

#[test]
fn every_selector_picks_a_text() {
    let sources = sources();
    let mut stale = Vec::new();
    let mut check = |fields: &[readability::texts::Field], selectors: &[&str], screen: &str| {
        for sel in selectors {
            if !fields.iter().any(|f| selects(sel, &f.name)) {
                stale.push(format!("{screen}: {sel}"));
            }
        }
    };
    for s in SCREENS {
        check(sources.module(s.module), s.own, s.name);
        check(&sources.shared, s.shared, s.name);
    }
    check(sources.module(Module::Intake), WIZARD_FRAME, "frame");
    check(&sources.shared, FORM_ERRORS, "frame");
    assert!(stale.is_empty(), "selectors that pick nothing: {stale:#?}");
}

#[test]
fn every_screen_fills_and_scores() {
    let sources = sources();
    assert!(
        !sources.case_types.is_empty(),
        "the type page lists case types"
    );
    let rows = report::rows(&sources).expect("every placeholder has a sample");
    assert_eq!(rows.len(), SCREENS.len());
    for row in &rows {
        assert!(row.counts.words > 0, "{} shows no words", row.screen);
    }
    let md = report::markdown(&rows);
    assert!(md.contains("| Tipo de caso |"));
}
