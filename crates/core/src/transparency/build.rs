//! From the backend's grouped counts to the published answer: the table of every
//! agency × every dimension, suppressed once as a whole (so the deployment's answer and
//! each agency's agree, and no agency's figure can be worked out from the others and
//! the total), then read per agency or for the deployment.

use std::collections::HashMap;

use super::inputs::{AgencyRow, Inputs, Term};
use super::stats::{business_days_taken, nearest_rank};
use super::suppress::{suppress, Equation, THRESHOLD};
use super::{
    AgencyCases, AgencyName, Cell, Decimal, Durations, Figure, MonthFigures, Satisfaction,
    SelfService, Share, StarCount, Transparency,
};
use crate::tracking::CaseStatus;

const CASES: &str = "cases";
const ALL: &str = "";
const YES: &str = "yes";
const NO: &str = "no";
const WEB: &str = "web";

/// One dimension of the table: its keys and the cell (of the same row) they add up
/// to, if any.
struct Dimension {
    name: &'static str,
    keys: Vec<String>,
    total: Option<(&'static str, String)>,
}

fn yes_no(name: &'static str, total: (&'static str, &str)) -> Dimension {
    Dimension {
        name,
        keys: vec![YES.into(), NO.into()],
        total: Some((total.0, total.1.into())),
    }
}

fn flag(b: bool) -> &'static str {
    if b {
        YES
    } else {
        NO
    }
}

/// The suppressed table, ready to be read for the deployment or any agency.
pub struct Aggregates {
    agencies: Vec<AgencyRow>,
    months: Vec<String>,
    dims: Vec<Dimension>,
    index: HashMap<(usize, &'static str, String), usize>,
    values: Vec<u64>,
    hidden: Vec<bool>,
    /// Per row: business days to the first answer, sorted.
    first_answer: Vec<Vec<u64>>,
    /// Per row: business days to closing, sorted.
    close: Vec<Vec<u64>>,
    /// Per row and month: business days to closing, sorted.
    close_by_month: Vec<HashMap<String, Vec<u64>>>,
}

impl Aggregates {
    /// Rows: 0 the deployment, 1..=n the agencies, n + 1 the cases of no agency (and of
    /// agencies no longer in the catalog, so the rows still add up to the total).
    pub fn compute(inputs: &Inputs<'_>) -> Aggregates {
        let n = inputs.agencies.len();
        let rows = n + 2;
        let unassigned = n + 1;
        let row_of = |agency: Option<&str>| -> usize {
            agency
                .and_then(|a| inputs.agencies.iter().position(|r| r.acronym == a))
                .map_or(unassigned, |i| i + 1)
        };
        let mut types = inputs.case_types.clone();
        let mut channels = vec![WEB.to_owned()];
        for g in &inputs.groups {
            if !types.contains(&g.case_type) {
                types.push(g.case_type.clone());
            }
            if !channels.contains(&g.channel) {
                channels.push(g.channel.clone());
            }
        }
        let months = inputs.months.clone();
        let dims = vec![
            Dimension {
                name: CASES,
                keys: vec![ALL.into()],
                total: None,
            },
            Dimension {
                name: "type",
                keys: types,
                total: Some((CASES, ALL.into())),
            },
            Dimension {
                name: "status",
                keys: CaseStatus::ALL.iter().map(|s| s.as_str().into()).collect(),
                total: Some((CASES, ALL.into())),
            },
            Dimension {
                name: "channel",
                keys: channels,
                total: Some((CASES, ALL.into())),
            },
            Dimension {
                name: "month",
                keys: months.clone(),
                total: Some((CASES, ALL.into())),
            },
            Dimension {
                name: "closed_month",
                keys: months.clone(),
                total: Some(("status", CaseStatus::Closed.as_str().into())),
            },
            yes_no("extended", (CASES, ALL)),
            yes_no("transferred", (CASES, ALL)),
            yes_no("overdue", (CASES, ALL)),
            yes_no("decided", (CASES, ALL)),
            yes_no("on_time", ("decided", YES)),
            yes_no("rated", (CASES, ALL)),
            Dimension {
                name: "stars",
                keys: (1..=5).map(|s: u8| s.to_string()).collect(),
                total: Some(("rated", YES.into())),
            },
            Dimension {
                name: "self_service",
                keys: vec!["resolved".into(), "continued".into()],
                total: None,
            },
        ];
        let mut index = HashMap::new();
        for dim in &dims {
            for key in &dim.keys {
                for row in 0..rows {
                    let next = index.len();
                    index.insert((row, dim.name, key.clone()), next);
                }
            }
        }
        let mut values = vec![0u64; index.len()];
        let mut add = |row: usize, dim: &'static str, key: &str, count: u64| {
            for r in [0, row] {
                if let Some(&i) = index.get(&(r, dim, key.to_owned())) {
                    values[i] += count;
                }
            }
        };
        for g in &inputs.groups {
            let row = row_of(g.agency.as_deref());
            let c = g.count;
            add(row, CASES, ALL, c);
            add(row, "type", &g.case_type, c);
            add(row, "status", g.status.as_str(), c);
            add(row, "channel", &g.channel, c);
            add(row, "month", &g.month, c);
            if g.status == CaseStatus::Closed {
                add(row, "closed_month", &g.month, c);
            }
            add(row, "extended", flag(g.extended), c);
            add(row, "transferred", flag(g.transferred), c);
            add(row, "overdue", flag(g.term == Term::Overdue), c);
            let decided = g.term != Term::Running;
            add(row, "decided", flag(decided), c);
            if decided {
                add(row, "on_time", flag(g.term == Term::OnTime), c);
            }
            add(row, "rated", flag(g.stars.is_some()), c);
            if let Some(s) = g.stars {
                add(row, "stars", &s.to_string(), c);
            }
        }
        for s in &inputs.self_service {
            add(
                row_of(Some(&s.agency)),
                "self_service",
                s.outcome.as_str(),
                s.count,
            );
        }
        let mut equations = Vec::new();
        for dim in &dims {
            for row in 0..rows {
                if let Some((total_dim, total_key)) = &dim.total {
                    equations.push(Equation {
                        total: index[&(row, *total_dim, total_key.clone())],
                        parts: dim
                            .keys
                            .iter()
                            .map(|k| index[&(row, dim.name, k.clone())])
                            .collect(),
                    });
                }
            }
            for key in &dim.keys {
                equations.push(Equation {
                    total: index[&(0, dim.name, key.clone())],
                    parts: (1..rows)
                        .map(|r| index[&(r, dim.name, key.clone())])
                        .collect(),
                });
            }
        }
        let hidden = suppress(&values, &equations);

        let mut first_answer = vec![Vec::new(); rows];
        let mut close = vec![Vec::new(); rows];
        let mut close_by_month: Vec<HashMap<String, Vec<u64>>> = vec![HashMap::new(); rows];
        for t in &inputs.times {
            let row = row_of(t.agency.as_deref());
            for r in [0, row] {
                if let Some(done) = t.answered_on {
                    first_answer[r].push(business_days_taken(inputs.calendar, t.filed_on, done));
                }
                if let Some(done) = t.closed_on {
                    let days = business_days_taken(inputs.calendar, t.filed_on, done);
                    close[r].push(days);
                    close_by_month[r]
                        .entry(t.month.clone())
                        .or_default()
                        .push(days);
                }
            }
        }
        for list in first_answer.iter_mut().chain(close.iter_mut()) {
            list.sort_unstable();
        }
        for by_month in &mut close_by_month {
            for list in by_month.values_mut() {
                list.sort_unstable();
            }
        }
        Aggregates {
            agencies: inputs.agencies.clone(),
            months,
            dims,
            index,
            values,
            hidden,
            first_answer,
            close,
            close_by_month,
        }
    }

    fn cell(&self, row: usize, dim: &'static str, key: &str) -> Option<usize> {
        self.index.get(&(row, dim, key.to_owned())).copied()
    }

    fn figure(&self, row: usize, dim: &'static str, key: &str) -> Figure {
        match self.cell(row, dim, key) {
            Some(i) => Figure::of(self.values[i], self.hidden[i]),
            None => Figure::Published { value: 0 },
        }
    }

    fn cells(&self, row: usize, dim: &'static str) -> Vec<Cell> {
        let keys = self
            .dims
            .iter()
            .find(|d| d.name == dim)
            .map(|d| d.keys.clone())
            .unwrap_or_default();
        keys.into_iter()
            .map(|key| Cell {
                count: self.figure(row, dim, &key),
                key,
            })
            .collect()
    }

    fn share(&self, row: usize, part: (&'static str, &str), whole: (&'static str, &str)) -> Share {
        let numerator = self.figure(row, part.0, part.1);
        let denominator = self.figure(row, whole.0, whole.1);
        // A suppressed whole is never zero (only 1 or more is suppressed), so the
        // first arm is every "nothing to divide".
        let percent = match (numerator.value(), denominator.value()) {
            (_, Some(0)) => None,
            (Some(n), Some(d)) => Some(Decimal::Published {
                value: one_decimal(100.0 * n as f64 / d as f64),
            }),
            _ => Some(Decimal::Suppressed { suppressed: true }),
        };
        Share {
            numerator,
            denominator,
            percent,
        }
    }

    fn is_zero(&self, row: usize, (dim, key): (&'static str, &str)) -> bool {
        self.cell(row, dim, key).is_none_or(|i| self.values[i] == 0)
    }

    fn satisfaction(&self, row: usize) -> Satisfaction {
        let ratings: Vec<StarCount> = (1..=5u8)
            .map(|stars| StarCount {
                stars,
                count: self.figure(row, "stars", &stars.to_string()),
            })
            .collect();
        let rated = self.figure(row, "rated", YES);
        let average = if self.is_zero(row, ("rated", YES)) {
            None
        } else {
            let counts: Option<Vec<u64>> = ratings.iter().map(|r| r.count.value()).collect();
            Some(match (rated.value(), counts) {
                (Some(n), Some(counts)) => {
                    let sum: u64 = counts.iter().zip(1u64..).map(|(c, s)| c * s).sum();
                    Decimal::Published {
                        value: one_decimal(sum as f64 / n as f64),
                    }
                }
                _ => Decimal::Suppressed { suppressed: true },
            })
        };
        Satisfaction {
            rated,
            ratings,
            average,
        }
    }

    /// The answer for the deployment (`agency` `None`) or one agency (its acronym);
    /// `None` for an acronym not in the catalog.
    pub fn answer(
        &self,
        agency: Option<&str>,
        from: &str,
        to: &str,
        generated_at: &str,
    ) -> Option<Transparency> {
        let (row, name) = match agency {
            None => (0, None),
            Some(acronym) => {
                let i = self.agencies.iter().position(|a| a.acronym == acronym)?;
                let a = &self.agencies[i];
                (
                    i + 1,
                    Some(AgencyName {
                        slug: a.slug.clone(),
                        name: a.name.clone(),
                    }),
                )
            }
        };
        let closed = (row, "status", CaseStatus::Closed.as_str());
        let months = self
            .months
            .iter()
            .map(|m| MonthFigures {
                month: m.clone(),
                filed: self.figure(row, "month", m),
                closed: self.figure(row, "closed_month", m),
                median_close_days: self.median(
                    self.close_by_month[row]
                        .get(m)
                        .map_or(&[][..], Vec::as_slice),
                    Some((row, "closed_month", m)),
                    50,
                ),
            })
            .collect();
        Some(Transparency {
            from: from.to_owned(),
            to: to.to_owned(),
            agency: name,
            generated_at: generated_at.to_owned(),
            threshold: THRESHOLD,
            cases: self.figure(row, CASES, ALL),
            by_type: self.cells(row, "type"),
            by_status: self.cells(row, "status"),
            by_channel: self.cells(row, "channel"),
            first_answer_days: Durations {
                median: self.median(&self.first_answer[row], None, 50),
                p90: self.median(&self.first_answer[row], None, 90),
            },
            close_days: Durations {
                median: self.median(&self.close[row], Some(closed), 50),
                p90: self.median(&self.close[row], Some(closed), 90),
            },
            within_due_date: self.share(row, ("on_time", YES), ("decided", YES)),
            extended: self.share(row, ("extended", YES), (CASES, ALL)),
            transferred: self.share(row, ("transferred", YES), (CASES, ALL)),
            overdue: self.share(row, ("overdue", YES), (CASES, ALL)),
            satisfaction: self.satisfaction(row),
            self_service: SelfService {
                resolved: self.figure(row, "self_service", "resolved"),
                continued: self.figure(row, "self_service", "continued"),
            },
            months,
            agencies: self
                .agencies
                .iter()
                .enumerate()
                .map(|(i, a)| AgencyCases {
                    slug: a.slug.clone(),
                    name: a.name.clone(),
                    cases: self.figure(i + 1, CASES, ALL),
                })
                .collect(),
            unassigned: self.figure(self.agencies.len() + 1, CASES, ALL),
        })
    }

    /// A percentile of `sorted`: `None` without values; suppressed under
    /// [`THRESHOLD`] values or when the count it is about (`base`) is suppressed.
    fn median(
        &self,
        sorted: &[u64],
        base: Option<(usize, &'static str, &str)>,
        p: u32,
    ) -> Option<Figure> {
        let value = nearest_rank(sorted, p)?;
        let base_hidden = base
            .and_then(|(r, d, k)| self.cell(r, d, k))
            .is_some_and(|i| self.hidden[i]);
        Some(Figure::of(
            value,
            (sorted.len() as u64) < THRESHOLD || base_hidden,
        ))
    }
}

fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "build_row_tests.rs"]
mod row_tests;
