//! Properties of the simulation over random actors: positions never leave the range they
//! started in, nothing is ever NaN, and every move goes towards (or onto) the other party.

use super::*;
use proptest::prelude::*;

fn actor() -> impl Strategy<Value = Actor> {
    // Stances on a coarse grid half the time, so that shared positions (and ties) occur.
    let stance = prop_oneof![0.0..=100.0f64, (0u8..=4).prop_map(|k| f64::from(k) * 25.0)];
    (0.0..=1.0f64, 0.0..=1.0f64, stance).prop_map(|(c, s, x)| Actor { c, s, x })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn positions_stay_in_the_initial_range(
        actors in prop::collection::vec(actor(), 0..12),
        rounds in 0usize..15,
    ) {
        let r = run(&actors, rounds);
        prop_assert_eq!(r.rounds.len(), rounds + 1);
        let lo = actors.iter().map(|a| a.x).fold(f64::INFINITY, f64::min);
        let hi = actors.iter().map(|a| a.x).fold(f64::NEG_INFINITY, f64::max);
        for state in &r.rounds {
            for &x in &state.positions {
                prop_assert!(x.is_finite() && lo <= x && x <= hi, "{} outside {}..{}", x, lo, hi);
            }
            if let Some(risk) = &state.risk {
                for &e in risk {
                    prop_assert!((0.5 - 1e-12..=2.0 + 1e-12).contains(&e), "exponent {}", e);
                }
            }
        }
        for pair in r.rounds.windows(2) {
            for m in &pair[1].moves {
                let before = &pair[0].positions;
                prop_assert_eq!(m.from, before[m.actor]);
                prop_assert!(m.a.is_finite() && m.b.is_finite());
                // Onto the other's position, or part of the way towards it.
                let (a, b) = (before[m.actor], before[m.with]);
                prop_assert!(a.min(b) <= m.to && m.to <= a.max(b));
                prop_assert_eq!(pair[1].positions[m.actor], m.to);
            }
        }
    }
}
