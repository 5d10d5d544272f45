//! The zone of possible agreement of one issue: where the acceptable sets of its
//! Principals overlap, or how far apart their closest walk-aways are when they do not.

use crate::model::Position;
use serde::Serialize;

/// A closed interval of the 0..100 scale that every Principal accepts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Zopa {
    pub low: f64,
    pub high: f64,
}

/// The ZOPA of the Principals' positions (`None` when the acceptable sets do not overlap)
/// and the gap (`Some` exactly when the ZOPA is empty): the highest lower bound minus the
/// lowest upper bound. With no Principal positions nothing constrains the outcome and the
/// ZOPA is the whole scale.
pub fn zopa<'a>(principals: impl IntoIterator<Item = &'a Position>) -> (Option<Zopa>, Option<f64>) {
    let mut low = f64::NEG_INFINITY;
    let mut high = f64::INFINITY;
    for position in principals {
        let (l, h) = position.acceptable_range();
        low = low.max(l);
        high = high.min(h);
    }
    if low > high {
        return (None, Some(low - high));
    }
    let (low, high) = (low.max(0.0), high.min(100.0));
    if low > high {
        // Only a walk-away outside the scale (an unvalidated file) gets here: the
        // overlap lies wholly off the scale.
        return (None, Some(low - high));
    }
    (Some(Zopa { low, high }), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(stance: f64, ideal: Option<f64>, walk_away: Option<f64>) -> Position {
        Position {
            party: "p".into(),
            issue: "i".into(),
            stance,
            ideal,
            walk_away,
            salience: 0.5,
            red_line: false,
            rationale: String::new(),
            sources: vec![],
        }
    }

    #[test]
    fn overlapping_sets_give_their_intersection() {
        // A: ideal 90, walk-away 40 -> 40..=100. B: ideal 10, walk-away 70 -> 0..=70.
        // Intersection 40..=70.
        let a = pos(90.0, None, Some(40.0));
        let b = pos(10.0, None, Some(70.0));
        assert_eq!(
            zopa([&a, &b]),
            (
                Some(Zopa {
                    low: 40.0,
                    high: 70.0
                }),
                None
            )
        );
    }

    #[test]
    fn disjoint_sets_give_the_gap() {
        // A accepts 60..=100, B accepts 0..=25: highest lower bound 60, lowest upper 25,
        // gap 60 - 25 = 35.
        let a = pos(90.0, None, Some(60.0));
        let b = pos(10.0, None, Some(25.0));
        assert_eq!(zopa([&a, &b]), (None, Some(35.0)));
    }

    #[test]
    fn touching_walk_aways_leave_a_single_point() {
        // A accepts 50..=100, B accepts 0..=50: the ZOPA is the point 50.
        let a = pos(80.0, None, Some(50.0));
        let b = pos(20.0, None, Some(50.0));
        assert_eq!(
            zopa([&a, &b]),
            (
                Some(Zopa {
                    low: 50.0,
                    high: 50.0
                }),
                None
            )
        );
    }

    #[test]
    fn no_walk_aways_accept_the_whole_scale() {
        let a = pos(80.0, None, None);
        let b = pos(20.0, None, None);
        assert_eq!(
            zopa([&a, &b]),
            (
                Some(Zopa {
                    low: 0.0,
                    high: 100.0
                }),
                None
            )
        );
        assert_eq!(
            zopa(std::iter::empty()),
            (
                Some(Zopa {
                    low: 0.0,
                    high: 100.0
                }),
                None
            )
        );
    }

    #[test]
    fn ideal_equal_to_walk_away_accepts_that_side() {
        // Ideal 30 = walk-away 30 counts as ideal >= walk-away: accepts 30..=100.
        let a = pos(30.0, Some(30.0), Some(30.0));
        assert_eq!(
            zopa([&a]),
            (
                Some(Zopa {
                    low: 30.0,
                    high: 100.0
                }),
                None
            )
        );
    }

    #[test]
    fn the_ideal_not_the_stance_decides_the_side() {
        // Stance 50 but ideal 10 below walk-away 60: accepts 0..=60.
        let a = pos(50.0, Some(10.0), Some(60.0));
        assert_eq!(
            zopa([&a]),
            (
                Some(Zopa {
                    low: 0.0,
                    high: 60.0
                }),
                None
            )
        );
    }

    #[test]
    fn walk_aways_off_the_scale_are_clipped() {
        // Only an unvalidated project has these. -20 -> 0..=100 side clipped to 0;
        // 130 as an upper bound clips to 100.
        let a = pos(50.0, Some(60.0), Some(-20.0));
        let b = pos(50.0, Some(40.0), Some(130.0));
        assert_eq!(
            zopa([&a, &b]),
            (
                Some(Zopa {
                    low: 0.0,
                    high: 100.0
                }),
                None
            )
        );
        // Lower bound 120 (ideal above it): the overlap 120..=100 is empty, gap 20.
        let c = pos(50.0, Some(150.0), Some(120.0));
        assert_eq!(zopa([&c]), (None, Some(20.0)));
    }
}
