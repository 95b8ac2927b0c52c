use super::*;
use crate::intake::dates::{BusinessCalendar, Date};
use crate::transparency::{CaseGroup, CaseTimes, SelfServiceGroup, SelfServiceOutcome};

fn agencies() -> Vec<AgencyRow> {
    ["MDT", "SAL"]
        .iter()
        .map(|a| AgencyRow {
            acronym: (*a).into(),
            slug: a.to_lowercase(),
            name: format!("Entidad {a}"),
        })
        .collect()
}

fn group(agency: &str, case_type: &str, count: u64) -> CaseGroup {
    CaseGroup {
        agency: Some(agency.into()).filter(|a: &String| !a.is_empty()),
        case_type: case_type.into(),
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

fn compute(
    groups: Vec<CaseGroup>,
    times: Vec<CaseTimes>,
    calendar: &BusinessCalendar,
) -> Aggregates {
    Aggregates::compute(&Inputs {
        months: vec!["2026-02".into(), "2026-03".into()],
        agencies: agencies(),
        case_types: vec!["peticion".into(), "queja".into(), "reclamo".into()],
        groups,
        times,
        self_service: Vec::new(),
        calendar,
    })
}

fn answer(agg: &Aggregates, agency: Option<&str>) -> Transparency {
    agg.answer(agency, "2026-02", "2026-03", "2026-04-01T00:00:00Z")
        .unwrap()
}

fn count(cells: &[Cell], key: &str) -> Figure {
    cells.iter().find(|c| c.key == key).unwrap().count
}

const HIDDEN: Figure = Figure::SUPPRESSED;

fn v(value: u64) -> Figure {
    Figure::Published { value }
}

#[test]
fn an_empty_period_is_all_zeros_and_nothing_suppressed() {
    let calendar = BusinessCalendar::default();
    let a = answer(&compute(Vec::new(), Vec::new(), &calendar), None);
    assert_eq!(a.cases, v(0));
    assert!(a.by_type.iter().all(|c| c.count == v(0)));
    assert!(a.by_status.iter().all(|c| c.count == v(0)));
    assert_eq!(
        a.by_channel,
        [Cell {
            key: "web".into(),
            count: v(0)
        }]
    );
    for share in [&a.within_due_date, &a.extended, &a.transferred, &a.overdue] {
        assert_eq!(share.numerator, v(0));
        assert_eq!(share.denominator, v(0));
        assert_eq!(share.percent, None, "no division by zero");
    }
    assert_eq!(
        a.first_answer_days,
        Durations {
            median: None,
            p90: None
        }
    );
    assert_eq!(
        a.close_days,
        Durations {
            median: None,
            p90: None
        }
    );
    assert_eq!(a.satisfaction.average, None);
    assert_eq!(a.satisfaction.rated, v(0));
    assert_eq!(a.months.len(), 2);
    assert!(a
        .months
        .iter()
        .all(|m| m.filed == v(0) && m.closed == v(0) && m.median_close_days.is_none()));
    assert!(a.agencies.iter().all(|x| x.cases == v(0)));
    assert_eq!(a.unassigned, v(0));
    assert_eq!(a.threshold, 5);
    let json = serde_json::to_string(&a).unwrap();
    assert!(!json.contains("suppressed"), "{json}");
}

#[test]
fn five_cases_are_published_four_are_not() {
    let calendar = BusinessCalendar::default();
    let five = answer(
        &compute(vec![group("MDT", "queja", 5)], Vec::new(), &calendar),
        None,
    );
    assert_eq!(five.cases, v(5));
    assert_eq!(count(&five.by_type, "queja"), v(5));
    assert_eq!(count(&five.by_status, "received"), v(5));
    assert_eq!(five.agencies[0].cases, v(5));
    let four = answer(
        &compute(vec![group("MDT", "queja", 4)], Vec::new(), &calendar),
        None,
    );
    assert_eq!(four.cases, HIDDEN);
    assert_eq!(count(&four.by_type, "queja"), HIDDEN);
    assert_eq!(
        count(&four.by_type, "peticion"),
        v(0),
        "zeros stay published"
    );
    assert_eq!(four.agencies[0].cases, HIDDEN);
    assert_eq!(four.agencies[1].cases, v(0));
    assert_eq!(four.months[1].filed, HIDDEN);
    assert_eq!(four.months[0].filed, v(0));
}

#[test]
fn one_small_type_hides_the_next_smallest_so_the_total_gives_nothing_away() {
    let calendar = BusinessCalendar::default();
    // 4 + 9 + 7 = 20 in one agency: the 4 alone would be 20 − 9 − 7.
    let groups = vec![
        group("MDT", "queja", 4),
        group("MDT", "peticion", 9),
        group("MDT", "reclamo", 7),
    ];
    let a = answer(&compute(groups, Vec::new(), &calendar), None);
    assert_eq!(a.cases, v(20));
    assert_eq!(count(&a.by_type, "queja"), HIDDEN);
    assert_eq!(
        count(&a.by_type, "reclamo"),
        HIDDEN,
        "the smallest other cell"
    );
    assert_eq!(count(&a.by_type, "peticion"), v(9));
    // The agency's own answer hides the same cells.
    let mdt = answer(
        &compute(
            vec![
                group("MDT", "queja", 4),
                group("MDT", "peticion", 9),
                group("MDT", "reclamo", 7),
            ],
            Vec::new(),
            &calendar,
        ),
        Some("MDT"),
    );
    assert_eq!(mdt.agency.as_ref().unwrap().slug, "mdt");
    assert_eq!(count(&mdt.by_type, "queja"), HIDDEN);
    assert_eq!(count(&mdt.by_type, "reclamo"), HIDDEN);
    assert_eq!(count(&mdt.by_type, "peticion"), v(9));
    // Two small types need no third.
    let two = answer(
        &compute(
            vec![
                group("MDT", "queja", 4),
                group("MDT", "peticion", 3),
                group("MDT", "reclamo", 13),
            ],
            Vec::new(),
            &calendar,
        ),
        None,
    );
    assert_eq!(count(&two.by_type, "reclamo"), v(13));
    assert_eq!(two.cases, v(20));
}

#[test]
fn an_agency_cannot_be_worked_out_from_the_total_and_the_others() {
    let calendar = BusinessCalendar::default();
    // MDT 3, SAL 12, total 15: MDT hidden, and SAL with it.
    let groups = vec![group("MDT", "queja", 3), group("SAL", "queja", 12)];
    let agg = compute(groups, Vec::new(), &calendar);
    let all = answer(&agg, None);
    assert_eq!(all.cases, v(15));
    assert_eq!(all.agencies[0].cases, HIDDEN);
    assert_eq!(all.agencies[1].cases, HIDDEN);
    assert_eq!(all.unassigned, v(0));
    // SAL's own total is hidden too, and so is its cell that equals it.
    let sal = answer(&agg, Some("SAL"));
    assert_eq!(sal.cases, HIDDEN);
    assert_eq!(count(&sal.by_type, "queja"), HIDDEN);
    // Per type across agencies: deployment queja 15 = MDT 3 + SAL 12.
    assert_eq!(count(&all.by_type, "queja"), v(15));
    assert!(agg.answer(Some("NOPE"), "2026-02", "2026-03", "").is_none());
}

#[test]
fn unassigned_cases_are_their_own_row() {
    let calendar = BusinessCalendar::default();
    let groups = vec![group("", "queja", 6), group("MDT", "queja", 7)];
    let a = answer(&compute(groups, Vec::new(), &calendar), None);
    assert_eq!(a.unassigned, v(6));
    assert_eq!(a.agencies[0].cases, v(7));
    assert_eq!(a.cases, v(13));
}

#[test]
fn shares_of_overdue_extended_transferred_and_on_time() {
    let calendar = BusinessCalendar::default();
    let mut groups = Vec::new();
    let mut add = |term, extended, transferred, count| {
        groups.push(CaseGroup {
            term,
            extended,
            transferred,
            ..group("MDT", "peticion", count)
        })
    };
    add(Term::OnTime, false, false, 10);
    add(Term::OnTime, true, false, 5);
    add(Term::Late, false, true, 5);
    add(Term::Overdue, false, false, 5);
    add(Term::Running, true, true, 5);
    let a = answer(&compute(groups, Vec::new(), &calendar), None);
    assert_eq!(a.cases, v(30));
    // Decided: 10 + 5 on time, 5 late, 5 overdue → 15 of 25.
    assert_eq!(a.within_due_date.numerator, v(15));
    assert_eq!(a.within_due_date.denominator, v(25));
    assert_eq!(
        a.within_due_date.percent,
        Some(Decimal::Published { value: 60.0 })
    );
    assert_eq!(a.overdue.numerator, v(5));
    assert_eq!(a.overdue.denominator, v(30));
    assert_eq!(a.overdue.percent, Some(Decimal::Published { value: 16.7 }));
    assert_eq!(a.extended.numerator, v(10));
    assert_eq!(a.extended.percent, Some(Decimal::Published { value: 33.3 }));
    assert_eq!(a.transferred.numerator, v(10));
}

#[test]
fn a_share_hides_its_part_when_the_rest_is_small() {
    let calendar = BusinessCalendar::default();
    // 12 of 14 extended: the 2 not extended would be 14 − 12.
    let groups = vec![
        CaseGroup {
            extended: true,
            ..group("MDT", "queja", 12)
        },
        group("MDT", "queja", 2),
    ];
    let a = answer(&compute(groups, Vec::new(), &calendar), None);
    assert_eq!(a.extended.denominator, v(14));
    assert_eq!(a.extended.numerator, HIDDEN);
    assert_eq!(
        a.extended.percent,
        Some(Decimal::Suppressed { suppressed: true })
    );
    // 3 of 14 overdue? none: 0 of 14 is published.
    assert_eq!(a.overdue.numerator, v(0));
    assert_eq!(a.overdue.percent, Some(Decimal::Published { value: 0.0 }));
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn times(filed: &str, answered: Option<&str>, closed: Option<&str>) -> CaseTimes {
    CaseTimes {
        agency: Some("MDT".into()),
        month: filed[..7].into(),
        filed_on: date(filed),
        answered_on: answered.map(date),
        closed_on: closed.map(date),
    }
}

#[test]
fn durations_count_business_days_across_holidays_and_weekends() {
    // Monday 23 March 2026 is a holiday.
    let calendar = BusinessCalendar::new(&["2026-03-23".to_owned()]);
    // Filed Friday 20 March; answered 24 (1), 25 (2), 26 (3), 27 (4), 30 (5).
    let answered = [
        "2026-03-24",
        "2026-03-25",
        "2026-03-26",
        "2026-03-27",
        "2026-03-30",
    ];
    let t: Vec<CaseTimes> = answered
        .iter()
        .map(|d| times("2026-03-20", Some(d), Some(d)))
        .collect();
    let groups = vec![CaseGroup {
        status: CaseStatus::Closed,
        term: Term::OnTime,
        ..group("MDT", "queja", 5)
    }];
    let a = answer(&compute(groups.clone(), t.clone(), &calendar), None);
    assert_eq!(a.first_answer_days.median, Some(v(3)));
    assert_eq!(a.first_answer_days.p90, Some(v(5)));
    assert_eq!(a.close_days.median, Some(v(3)));
    assert_eq!(a.months[1].closed, v(5));
    assert_eq!(a.months[1].median_close_days, Some(v(3)));
    assert_eq!(a.months[0].median_close_days, None);
    // Four answers are too few to publish a median.
    let a = answer(&compute(groups, t[..4].to_vec(), &calendar), None);
    assert_eq!(a.first_answer_days.median, Some(HIDDEN));
    assert_eq!(a.first_answer_days.p90, Some(HIDDEN));
}

#[test]
fn satisfaction_average_is_hidden_with_any_hidden_star_count() {
    let calendar = BusinessCalendar::default();
    let rated = |stars, count| CaseGroup {
        stars: Some(stars),
        ..group("MDT", "queja", count)
    };
    let a = answer(
        &compute(vec![rated(5, 6), rated(4, 6)], Vec::new(), &calendar),
        None,
    );
    assert_eq!(a.satisfaction.rated, v(12));
    assert_eq!(
        a.satisfaction.average,
        Some(Decimal::Published { value: 4.5 })
    );
    assert_eq!(
        a.satisfaction.ratings[4],
        StarCount {
            stars: 5,
            count: v(6)
        }
    );
    assert_eq!(
        a.satisfaction.ratings[0],
        StarCount {
            stars: 1,
            count: v(0)
        }
    );
    let a = answer(
        &compute(
            vec![rated(5, 6), rated(1, 2), rated(4, 6)],
            Vec::new(),
            &calendar,
        ),
        None,
    );
    assert_eq!(a.satisfaction.ratings[0].count, HIDDEN);
    assert_eq!(
        a.satisfaction.average,
        Some(Decimal::Suppressed { suppressed: true })
    );
}

#[test]
fn self_service_counts_per_agency_of_the_procedure() {
    let calendar = BusinessCalendar::default();
    let agg = Aggregates::compute(&Inputs {
        months: vec!["2026-03".into()],
        agencies: agencies(),
        case_types: Vec::new(),
        groups: Vec::new(),
        times: Vec::new(),
        self_service: vec![
            SelfServiceGroup {
                agency: "MDT".into(),
                outcome: SelfServiceOutcome::Resolved,
                count: 7,
            },
            SelfServiceGroup {
                agency: "SAL".into(),
                outcome: SelfServiceOutcome::Resolved,
                count: 6,
            },
            SelfServiceGroup {
                agency: "SAL".into(),
                outcome: SelfServiceOutcome::Continued,
                count: 2,
            },
        ],
        calendar: &calendar,
    });
    let all = agg.answer(None, "2026-03", "2026-03", "").unwrap();
    assert_eq!(all.self_service.resolved, v(13));
    // 2 alone across agencies would be the deployment's total: both hidden.
    assert_eq!(all.self_service.continued, HIDDEN);
    let mdt = agg.answer(Some("MDT"), "2026-03", "2026-03", "").unwrap();
    assert_eq!(mdt.self_service.resolved, v(7));
    assert_eq!(mdt.self_service.continued, v(0));
}

#[test]
fn shares_cannot_be_worked_out_through_two_equations() {
    let calendar = BusinessCalendar::default();
    // 7 cases: 5 answered on time, 1 late, 1 still running. Decided 6 (= 7 − 1) and
    // on time 5 would give late = 1: the on-time count is suppressed too.
    let groups = vec![
        CaseGroup {
            term: Term::OnTime,
            ..group("MDT", "queja", 5)
        },
        CaseGroup {
            term: Term::Late,
            ..group("MDT", "queja", 1)
        },
        group("MDT", "queja", 1),
    ];
    let a = answer(&compute(groups, Vec::new(), &calendar), Some("MDT"));
    assert_eq!(a.cases, v(7));
    assert_eq!(a.within_due_date.numerator, HIDDEN);
    assert_eq!(a.within_due_date.denominator, HIDDEN);
}
