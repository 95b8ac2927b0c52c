//! The rows of the table for catalogs of other sizes than the two agencies of
//! `build_tests`: one row per agency, one for the deployment, one for no agency.

use super::*;
use crate::intake::dates::BusinessCalendar;
use crate::transparency::CaseGroup;

fn catalog(acronyms: &[&str]) -> Vec<AgencyRow> {
    acronyms
        .iter()
        .map(|a| AgencyRow {
            acronym: (*a).into(),
            slug: a.to_lowercase(),
            name: format!("Entidad {a}"),
        })
        .collect()
}

fn cases(agency: Option<&str>, count: u64) -> CaseGroup {
    CaseGroup {
        agency: agency.map(Into::into),
        case_type: "queja".into(),
        status: CaseStatus::Received,
        month: "2026-03".into(),
        channel: "web".into(),
        extended: false,
        transferred: false,
        term: Term::Running,
        stars: None,
        count,
    }
}

fn answer_for(acronyms: &[&str], groups: Vec<CaseGroup>) -> Transparency {
    let calendar = BusinessCalendar::default();
    Aggregates::compute(&Inputs {
        months: vec!["2026-03".into()],
        agencies: catalog(acronyms),
        case_types: vec!["queja".into()],
        groups,
        times: Vec::new(),
        self_service: Vec::new(),
        calendar: &calendar,
    })
    .answer(None, "2026-03", "2026-03", "2026-04-01T00:00:00Z")
    .unwrap()
}

#[test]
fn one_agency_and_cases_of_none_and_of_a_removed_one() {
    // 9 of MDT, 6 of no agency, 7 of an agency no longer in the catalog: the last two
    // are the "no agency" row, so the rows still add up to 22.
    let a = answer_for(
        &["MDT"],
        vec![cases(Some("MDT"), 9), cases(None, 6), cases(Some("OLD"), 7)],
    );
    assert_eq!(a.cases, Figure::Published { value: 22 });
    assert_eq!(a.agencies.len(), 1);
    assert_eq!(a.agencies[0].cases, Figure::Published { value: 9 });
    assert_eq!(a.unassigned, Figure::Published { value: 13 });
}

#[test]
fn three_agencies_each_in_their_own_row() {
    let a = answer_for(
        &["MDT", "SAL", "EDU"],
        vec![
            cases(Some("EDU"), 5),
            cases(Some("MDT"), 8),
            cases(Some("SAL"), 11),
        ],
    );
    let each: Vec<Figure> = a.agencies.iter().map(|r| r.cases).collect();
    assert_eq!(
        each,
        [8, 11, 5].map(|value| Figure::Published { value }).to_vec()
    );
    assert_eq!(a.unassigned, Figure::Published { value: 0 });
    assert_eq!(a.cases, Figure::Published { value: 24 });
}
