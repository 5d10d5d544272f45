//! Concessions: how far each party must move from its stance to an issue's outcome, how
//! much that hurts it, how much of its negotiating room it uses, and whether it breaches
//! its walk-away.

use crate::model::Position;
use serde::Serialize;

/// One cell of the concession matrix: a party on an issue, against the issue's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concession {
    /// Party id.
    pub party: String,
    pub stance: f64,
    /// |outcome - stance| in scale points; `None` only when the outcome is.
    pub distance: Option<f64>,
    /// distance / 100 * salience; `None` only when the outcome is.
    pub pain: Option<f64>,
    /// |ideal - outcome| / |ideal - walk-away|; `None` without a walk-away, with the
    /// walk-away at the ideal, or without an outcome.
    pub share: Option<f64>,
    /// The outcome lies beyond the walk-away.
    pub breach: bool,
    /// The walk-away is a public red line (the position's flag, whether breached or not).
    pub red_line: bool,
}

impl Concession {
    /// The strongest warning: the outcome breaches a public red line.
    pub fn red_line_breached(&self) -> bool {
        self.breach && self.red_line
    }
}

/// The concession of `position` to `outcome`.
pub fn concession(position: &Position, outcome: Option<f64>) -> Concession {
    let distance = outcome.map(|o| (o - position.stance).abs());
    let ideal = position.ideal();
    let share = match (outcome, position.walk_away) {
        (Some(o), Some(w)) if ideal != w => Some((ideal - o).abs() / (ideal - w).abs()),
        _ => None,
    };
    Concession {
        party: position.party.clone(),
        stance: position.stance,
        distance,
        pain: distance.map(|d| d / 100.0 * position.salience),
        share,
        breach: outcome.is_some_and(|o| !position.accepts(o)),
        red_line: position.red_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(stance: f64, ideal: Option<f64>, walk_away: Option<f64>, salience: f64) -> Position {
        Position {
            party: "ru".into(),
            issue: "i".into(),
            stance,
            ideal,
            walk_away,
            salience,
            red_line: false,
            rationale: String::new(),
            sources: vec![],
        }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[test]
    fn a_concession_within_the_walk_away() {
        // Stance 80 = ideal, walk-away 40, salience 0.5, outcome 60.
        // distance |60-80| = 20; pain 20/100*0.5 = 0.1; share |80-60|/|80-40| = 20/40 = 0.5.
        let c = concession(&pos(80.0, None, Some(40.0), 0.5), Some(60.0));
        assert_eq!(c.party, "ru");
        assert_eq!(c.stance, 80.0);
        assert!(close(c.distance, 20.0));
        assert!(close(c.pain, 0.1));
        assert!(close(c.share, 0.5));
        assert!(!c.breach && !c.red_line_breached());
    }

    #[test]
    fn beyond_the_walk_away_is_a_breach() {
        // Ideal 90, stance 70, walk-away 50, salience 0.8, outcome 30 (below 50).
        // distance |30-70| = 40; pain 0.4*0.8 = 0.32; share |90-30|/|90-50| = 60/40 = 1.5.
        let mut p = pos(70.0, Some(90.0), Some(50.0), 0.8);
        p.red_line = true;
        let c = concession(&p, Some(30.0));
        assert!(close(c.distance, 40.0));
        assert!(close(c.pain, 0.32));
        assert!(close(c.share, 1.5));
        assert!(c.breach && c.red_line && c.red_line_breached());
    }

    #[test]
    fn exactly_at_the_walk_away_is_no_breach() {
        // Ideal 20, walk-away 60 (accepts 0..=60), outcome 60: share |20-60|/|20-60| = 1.
        let c = concession(&pos(20.0, None, Some(60.0), 1.0), Some(60.0));
        assert!(!c.breach);
        assert!(close(c.share, 1.0));
        // distance 40, pain 40/100*1 = 0.4.
        assert!(close(c.pain, 0.4));
    }

    #[test]
    fn share_needs_a_walk_away_apart_from_the_ideal() {
        let none = concession(&pos(50.0, None, None, 0.5), Some(10.0));
        assert_eq!(none.share, None);
        assert!(!none.breach);
        // Ideal = walk-away = 50: accepts 50..=100, so 10 is a breach, but no share.
        let same = concession(&pos(50.0, None, Some(50.0), 0.5), Some(10.0));
        assert_eq!(same.share, None);
        assert!(same.breach);
    }

    #[test]
    fn outcome_at_the_stance_costs_nothing() {
        let c = concession(&pos(35.0, None, Some(10.0), 0.9), Some(35.0));
        assert_eq!(c.distance, Some(0.0));
        assert_eq!(c.pain, Some(0.0));
        // Ideal = stance: share 0/25 = 0.
        assert_eq!(c.share, Some(0.0));
    }

    #[test]
    fn no_outcome_no_figures() {
        let c = concession(&pos(35.0, None, Some(10.0), 0.9), None);
        assert_eq!((c.distance, c.pain, c.share), (None, None, None));
        assert!(!c.breach);
    }
}
