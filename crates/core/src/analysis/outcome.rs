//! The predicted outcome of one issue: the weighted median and the weighted mean of the
//! stances, each party weighted by power * salience (shared/ANALYSIS.md), and the terms
//! behind them for "explain".

use crate::model::OutcomeMethod;
use serde::Serialize;

/// One party's stance on an issue and its weight there (power * salience).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Term {
    pub stance: f64,
    pub weight: f64,
}

impl Term {
    /// A term from a party's power and salience; a weight that is negative or not a
    /// number (only possible in an unvalidated project) counts as 0.
    pub fn new(stance: f64, power: f64, salience: f64) -> Self {
        Self {
            stance,
            weight: clean_weight(power * salience),
        }
    }
}

pub(crate) fn clean_weight(w: f64) -> f64 {
    if w.is_finite() && w > 0.0 { w } else { 0.0 }
}

/// Sum of the weights.
pub fn total_weight(terms: &[Term]) -> f64 {
    terms.iter().map(|t| t.weight).sum()
}

/// Cumulative sums of decimal weights (0.1 + 0.2 ...) carry rounding error; a cumulative
/// weight within this fraction of the total below the half-way mark counts as reaching it,
/// so an exact 50/50 split picks the lower stance however the sum was rounded.
pub(crate) const HALF_TOLERANCE: f64 = 1e-12;

/// The lowest stance x such that the parties with stance <= x hold at least half of the
/// total weight. `None` when the total weight is 0 (or there are no terms).
pub fn weighted_median(terms: &[Term]) -> Option<f64> {
    let mut sorted = terms.to_vec();
    sort_by_stance(&mut sorted);
    median_of_sorted(&sorted)
}

/// `sum(w * x) / sum(w)`. `None` when the total weight is 0 (or there are no terms).
pub fn weighted_mean(terms: &[Term]) -> Option<f64> {
    let total = total_weight(terms);
    if total > 0.0 {
        Some(terms.iter().map(|t| t.weight * t.stance).sum::<f64>() / total)
    } else {
        None
    }
}

/// The outcome by the project's chosen method.
pub fn outcome(terms: &[Term], method: OutcomeMethod) -> Option<f64> {
    match method {
        OutcomeMethod::Median => weighted_median(terms),
        OutcomeMethod::Mean => weighted_mean(terms),
    }
}

pub(crate) fn sort_by_stance(terms: &mut [Term]) {
    terms.sort_by(|a, b| a.stance.total_cmp(&b.stance));
}

/// The weighted median of terms already sorted by stance (the sensitivity loop keeps them so).
pub(crate) fn median_of_sorted(sorted: &[Term]) -> Option<f64> {
    median_index(sorted).map(|i| sorted[i].stance)
}

/// Index of the term where the cumulative weight first reaches half of the total.
fn median_index(sorted: &[Term]) -> Option<usize> {
    let total = total_weight(sorted);
    if total.is_nan() || total <= 0.0 {
        return None;
    }
    let mark = total / 2.0 - total * HALF_TOLERANCE;
    let mut cumulative = 0.0;
    for (i, term) in sorted.iter().enumerate() {
        cumulative += term.weight;
        if cumulative >= mark {
            return Some(i);
        }
    }
    // Unreachable with a positive total; the last term is the safe answer anyway.
    sorted.len().checked_sub(1)
}

/// The outcome of terms already sorted by stance.
pub(crate) fn outcome_of_sorted(sorted: &[Term], method: OutcomeMethod) -> Option<f64> {
    match method {
        OutcomeMethod::Median => median_of_sorted(sorted),
        OutcomeMethod::Mean => weighted_mean(sorted),
    }
}

/// Why an issue has no outcome, for `outcome_note`.
pub(crate) fn no_outcome_note(positions: usize) -> String {
    if positions == 0 {
        "no outcome: no party has a position on this issue".to_owned()
    } else {
        "no outcome: the parties with a position on this issue have a total weight \
         (power × salience) of 0"
            .to_owned()
    }
}

/// One party in the explanation of an outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainRow {
    /// Party id.
    pub party: String,
    /// Party name, for display.
    pub name: String,
    pub stance: f64,
    pub power: f64,
    pub salience: f64,
    /// power * salience.
    pub weight: f64,
    /// Sum of the weights of this row and every row above it (rows sorted by stance).
    pub cumulative_weight: f64,
    /// weight * stance: this party's term in the weighted mean.
    pub weighted_stance: f64,
    /// The row where the cumulative weight first reaches the half-way mark: the median.
    pub at_median: bool,
}

/// The terms behind an issue's outcome: everything needed to redo the sums by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Issue id.
    pub issue: String,
    pub issue_name: String,
    pub method: OutcomeMethod,
    /// The parties with a position, sorted by stance (ties in party order).
    pub rows: Vec<ExplainRow>,
    pub total_weight: f64,
    /// total_weight / 2: the mark the cumulative weight must reach for the median.
    pub half_weight: f64,
    pub weighted_median: Option<f64>,
    /// sum(weight * stance): the numerator of the weighted mean.
    pub weighted_stance_sum: f64,
    pub weighted_mean: Option<f64>,
    pub outcome: Option<f64>,
    pub outcome_note: Option<String>,
}

/// One party's inputs for [`explain_terms`].
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainInput {
    pub party: String,
    pub name: String,
    pub stance: f64,
    pub power: f64,
    pub salience: f64,
}

/// Build the explanation of an outcome from the parties' inputs (in party order).
pub fn explain_terms(
    issue: &str,
    issue_name: &str,
    method: OutcomeMethod,
    inputs: &[ExplainInput],
) -> Explanation {
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    // A stable sort keeps parties of equal stance in party order.
    order.sort_by(|&a, &b| inputs[a].stance.total_cmp(&inputs[b].stance));
    let sorted: Vec<Term> = order
        .iter()
        .map(|&i| Term::new(inputs[i].stance, inputs[i].power, inputs[i].salience))
        .collect();
    let median_at = median_index(&sorted);
    let mut cumulative = 0.0;
    let rows: Vec<ExplainRow> = order
        .iter()
        .zip(&sorted)
        .enumerate()
        .map(|(k, (&i, term))| {
            cumulative += term.weight;
            let input = &inputs[i];
            ExplainRow {
                party: input.party.clone(),
                name: input.name.clone(),
                stance: input.stance,
                power: input.power,
                salience: input.salience,
                weight: term.weight,
                cumulative_weight: cumulative,
                weighted_stance: term.weight * term.stance,
                at_median: median_at == Some(k),
            }
        })
        .collect();
    let total = total_weight(&sorted);
    let weighted_median = median_at.map(|k| sorted[k].stance);
    let weighted_mean = weighted_mean(&sorted);
    let outcome = match method {
        OutcomeMethod::Median => weighted_median,
        OutcomeMethod::Mean => weighted_mean,
    };
    Explanation {
        issue: issue.to_owned(),
        issue_name: issue_name.to_owned(),
        method,
        half_weight: total / 2.0,
        total_weight: total,
        weighted_median,
        weighted_stance_sum: rows.iter().map(|r| r.weighted_stance).sum(),
        weighted_mean,
        outcome_note: outcome.is_none().then(|| no_outcome_note(rows.len())),
        outcome,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(stance: f64, weight: f64) -> Term {
        Term { stance, weight }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn median_is_the_lowest_stance_reaching_half_the_weight() {
        // Sorted: 10 (0.2), 40 (0.3), 90 (0.5); total 1.0, half 0.5.
        // Cumulative: 0.2 at 10, 0.5 at 40 -> 40 reaches half first.
        let terms = [t(90.0, 0.5), t(10.0, 0.2), t(40.0, 0.3)];
        assert_eq!(weighted_median(&terms), Some(40.0));
        // Mean: (0.5*90 + 0.2*10 + 0.3*40) / 1.0 = 45 + 2 + 12 = 59.
        assert!(close(weighted_mean(&terms).unwrap(), 59.0));
    }

    #[test]
    fn an_exact_half_split_picks_the_lower_stance() {
        // 0.1 + 0.2 = 0.30000000000000004 in floating point; total 0.6, half 0.3.
        // Stances 20 (0.1), 20 (0.2), 80 (0.3): cumulative at 20 is "0.3" -> 20.
        let terms = [t(80.0, 0.3), t(20.0, 0.2), t(20.0, 0.1)];
        assert_eq!(weighted_median(&terms), Some(20.0));
        // Two equal weights: cumulative at 30 is 0.5 of 1.0 -> 30, not 70.
        assert_eq!(weighted_median(&[t(70.0, 0.5), t(30.0, 0.5)]), Some(30.0));
        // Mean of the same: (0.5*70 + 0.5*30) / 1 = 50.
        assert!(close(
            weighted_mean(&[t(70.0, 0.5), t(30.0, 0.5)]).unwrap(),
            50.0
        ));
    }

    #[test]
    fn zero_total_weight_has_no_outcome() {
        assert_eq!(weighted_median(&[]), None);
        assert_eq!(weighted_mean(&[]), None);
        let zero = [t(10.0, 0.0), t(60.0, 0.0)];
        assert_eq!(weighted_median(&zero), None);
        assert_eq!(weighted_mean(&zero), None);
        assert_eq!(outcome(&zero, OutcomeMethod::Mean), None);
    }

    #[test]
    fn a_single_party_decides_alone() {
        // One term: median and mean are its stance (0.3*25/0.3 = 25).
        assert_eq!(weighted_median(&[t(25.0, 0.3)]), Some(25.0));
        assert!(close(weighted_mean(&[t(25.0, 0.3)]).unwrap(), 25.0));
    }

    #[test]
    fn zero_weight_parties_do_not_move_the_median() {
        // 0-weight party at 5 sits below; cumulative there is 0 < 0.5 of 1.0.
        // Then 50 (0.6): cumulative 0.6 >= 0.5 -> 50.
        let terms = [t(5.0, 0.0), t(50.0, 0.6), t(95.0, 0.4)];
        assert_eq!(weighted_median(&terms), Some(50.0));
        // Mean ignores it too: (0.6*50 + 0.4*95) / 1.0 = 30 + 38 = 68.
        assert!(close(weighted_mean(&terms).unwrap(), 68.0));
    }

    #[test]
    fn bad_weights_count_as_zero() {
        assert_eq!(Term::new(10.0, -1.0, 0.5).weight, 0.0);
        assert_eq!(Term::new(10.0, f64::NAN, 0.5).weight, 0.0);
        // 0.8 * 0.5 = 0.4.
        assert!(close(Term::new(10.0, 0.8, 0.5).weight, 0.4));
    }

    #[test]
    fn method_picks_the_estimator() {
        // Median 40, mean 59 (see the first test).
        let terms = [t(90.0, 0.5), t(10.0, 0.2), t(40.0, 0.3)];
        assert_eq!(outcome(&terms, OutcomeMethod::Median), Some(40.0));
        assert!(close(outcome(&terms, OutcomeMethod::Mean).unwrap(), 59.0));
    }

    #[test]
    fn reproduces_the_published_ten_actor_check() {
        // Weights c*s: NL .064, BE .032, LU .006, DE .128, FR .096, IT .096, UK .144,
        // IE .005, DK .05, GR .056; sum = .677.
        // By position: 4 -> .064+.006+.128+.05 = .248; 7 -> .032+.005+.056 = .093;
        // 10 -> .096+.096+.144 = .336. Half = .3385: cumulative .248 at 4, .341 at 7 -> 7.
        // Mean = (4*.248 + 7*.093 + 10*.336) / .677 = (.992 + .651 + 3.36) / .677
        //      = 5.003 / .677 = 7.389955...
        let terms: Vec<Term> = crate::testing::SCHOLZ_EXAMPLE
            .iter()
            .map(|&(_, c, x, s)| Term::new(x, c, s))
            .collect();
        let round4 = |v: f64| (v * 1e4).round() / 1e4;
        assert_eq!(round4(total_weight(&terms)), 0.677);
        assert_eq!(weighted_median(&terms), Some(7.0));
        assert_eq!(round4(weighted_mean(&terms).unwrap()), 7.3900);
        assert!((weighted_mean(&terms).unwrap() - 7.38996).abs() < 5e-6);
    }

    #[test]
    fn explanation_shows_the_terms_of_both_sums() {
        // Same data as the first test, in party order a (90), b (10), c (40).
        let inputs = [
            ("a", 90.0, 1.0, 0.5),
            ("b", 10.0, 0.4, 0.5),
            ("c", 40.0, 0.6, 0.5),
        ]
        .map(|(id, stance, power, salience)| ExplainInput {
            party: id.into(),
            name: id.to_uppercase(),
            stance,
            power,
            salience,
        });
        let e = explain_terms("i", "Issue", OutcomeMethod::Median, &inputs);
        let parties: Vec<_> = e.rows.iter().map(|r| r.party.as_str()).collect();
        assert_eq!(parties, ["b", "c", "a"]);
        // Weights .2, .3, .5; cumulative .2, .5, 1.0; half .5 reached at c (40).
        let cumulative: Vec<_> = e.rows.iter().map(|r| r.cumulative_weight).collect();
        assert!(close(cumulative[0], 0.2) && close(cumulative[1], 0.5));
        assert!(close(cumulative[2], 1.0));
        assert!(close(e.total_weight, 1.0) && close(e.half_weight, 0.5));
        let at: Vec<_> = e.rows.iter().map(|r| r.at_median).collect();
        assert_eq!(at, [false, true, false]);
        assert_eq!(e.weighted_median, Some(40.0));
        assert_eq!(e.outcome, Some(40.0));
        // w*x: .2*10 = 2, .3*40 = 12, .5*90 = 45; sum 59; mean 59 / 1 = 59.
        assert!(close(e.rows[0].weighted_stance, 2.0));
        assert!(close(e.rows[1].weighted_stance, 12.0));
        assert!(close(e.rows[2].weighted_stance, 45.0));
        assert!(close(e.weighted_stance_sum, 59.0));
        assert!(close(e.weighted_mean.unwrap(), 59.0));
        assert_eq!(e.outcome_note, None);
    }

    #[test]
    fn explanation_of_an_issue_without_weight_says_why() {
        let e = explain_terms("i", "Issue", OutcomeMethod::Mean, &[]);
        assert_eq!(e.outcome, None);
        assert_eq!(
            e.outcome_note.as_deref(),
            Some("no outcome: no party has a position on this issue")
        );
        let zero = [ExplainInput {
            party: "a".into(),
            name: "A".into(),
            stance: 30.0,
            power: 0.0,
            salience: 0.9,
        }];
        let e = explain_terms("i", "Issue", OutcomeMethod::Median, &zero);
        assert_eq!(e.outcome, None);
        assert!(!e.rows[0].at_median);
        assert!(e.outcome_note.unwrap().contains("total weight"));
    }
}
