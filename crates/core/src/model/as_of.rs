//! Time travel: the project as it stood on a date. A (party, issue) position takes the
//! stance of its last Shift dated on or before the date; a position whose trajectory has no
//! Shift at all keeps its `stance`; a position whose first Shift is later does not exist yet
//! (the party had not taken a position). Ideal, walk-away, salience, power and leverage are
//! as written (they have no history). Events after the date are left out.

use super::{View, parse_date};
use std::collections::HashMap;

/// Why a date cannot be travelled to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date; write a calendar date as YYYY-MM-DD, such as \"2025-03-11\"")]
pub struct DateError(pub String);

/// A checked ISO date (`YYYY-MM-DD`), which compares as its text does.
pub fn checked_date(text: &str) -> Result<String, DateError> {
    parse_date(text)
        .map(|_| text.to_owned())
        .ok_or_else(|| DateError(text.to_owned()))
}

/// What a trajectory says about one (party, issue) as of the date.
enum AsOf {
    /// Shifts exist, and the last one on or before the date set this stance.
    Stance(f64),
    /// Shifts exist, all of them after the date.
    NotYet,
}

impl View {
    /// This view as it stood on `date` (an ISO date, see [`checked_date`]). Work is
    /// proportional to the number of events, shifts and positions.
    pub fn as_of(mut self, date: &str) -> View {
        let mut order: Vec<usize> = (0..self.project.events.len()).collect();
        // Stable: shifts on the same date apply in list order, the later one winning.
        order.sort_by(|&a, &b| {
            self.project.events[a]
                .date
                .cmp(&self.project.events[b].date)
        });
        let mut trajectory: HashMap<(&str, &str), AsOf> = HashMap::new();
        for &i in &order {
            let event = &self.project.events[i];
            let before = event.date.as_str() <= date;
            for shift in &event.shifts {
                let key = (shift.party.as_str(), shift.issue.as_str());
                if before {
                    trajectory.insert(key, AsOf::Stance(shift.stance));
                } else {
                    trajectory.entry(key).or_insert(AsOf::NotYet);
                }
            }
        }
        let stances: HashMap<(String, String), Option<f64>> = trajectory
            .into_iter()
            .map(|((party, issue), as_of)| {
                let stance = match as_of {
                    AsOf::Stance(stance) => Some(stance),
                    AsOf::NotYet => None,
                };
                ((party.to_owned(), issue.to_owned()), stance)
            })
            .collect();
        self.project.positions.retain_mut(|position| {
            match stances.get(&(position.party.clone(), position.issue.clone())) {
                None => true,
                Some(None) => false,
                Some(Some(stance)) => {
                    position.stance = *stance;
                    true
                }
            }
        });
        let keep: Vec<bool> = self
            .project
            .events
            .iter()
            .map(|e| e.date.as_str() <= date)
            .collect();
        let mut flags = keep.iter();
        self.project
            .events
            .retain(|_| flags.next().copied().unwrap_or(false));
        let mut flags = keep.iter();
        self.hypothetical
            .retain(|_| flags.next().copied().unwrap_or(false));
        self.project.as_of = Some(date.to_owned());
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;

    /// The fixture the CLI test shares: `a` shifts 20 (03-02), 40 (03-05), 60 (03-09) and
    /// stands at 60; `b` has no shifts and stands at 80; `c` first shifts on 03-07 (to 30).
    fn project() -> Project {
        let text = include_str!("../../../../tests/fixtures/history.ron");
        crate::format::load_str(text).unwrap().project
    }

    fn stances(view: &View) -> Vec<(String, f64)> {
        view.project
            .positions
            .iter()
            .map(|p| (p.party.clone(), p.stance))
            .collect()
    }

    fn at(date: &str) -> View {
        project().resolve(None).unwrap().as_of(date)
    }

    #[test]
    fn before_the_first_shift_only_positions_without_shifts_exist() {
        // a's first shift is 03-02, c's 03-07: neither had a position on 03-01.
        let view = at("2025-03-01");
        assert_eq!(stances(&view), vec![("b".to_owned(), 80.0)]);
        assert!(view.project.events.is_empty());
        assert_eq!(view.project.as_of.as_deref(), Some("2025-03-01"));
    }

    #[test]
    fn on_a_shifts_date_that_shift_holds() {
        let view = at("2025-03-05");
        assert_eq!(
            stances(&view),
            vec![("a".to_owned(), 40.0), ("b".to_owned(), 80.0)]
        );
        let titles: Vec<&str> = view
            .project
            .events
            .iter()
            .map(|e| e.title.as_str())
            .collect();
        assert_eq!(
            titles,
            ["second", "first"],
            "file order kept, later events gone"
        );
        assert_eq!(view.hypothetical, [false, false]);
    }

    #[test]
    fn between_shifts_the_last_one_before_holds() {
        let view = at("2025-03-08");
        assert_eq!(
            stances(&view),
            vec![
                ("a".to_owned(), 40.0),
                ("b".to_owned(), 80.0),
                ("c".to_owned(), 30.0)
            ]
        );
    }

    #[test]
    fn after_the_last_shift_the_trajectory_ends_at_the_stance() {
        let view = at("2026-01-01");
        assert_eq!(
            stances(&view),
            vec![
                ("a".to_owned(), 60.0),
                ("b".to_owned(), 80.0),
                ("c".to_owned(), 30.0)
            ]
        );
        assert_eq!(view.project.events.len(), 4);
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(checked_date("2025-03-11").unwrap(), "2025-03-11");
        assert_eq!(
            checked_date("2025-3-11").unwrap_err().to_string(),
            "\"2025-3-11\" is not a date; write a calendar date as YYYY-MM-DD, such as \"2025-03-11\""
        );
        assert!(checked_date("2025-02-30").is_err());
    }
}
