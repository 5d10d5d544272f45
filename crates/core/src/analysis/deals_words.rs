//! The deal figures in plain words, shared by `stancemap analyze` and the app: the verdict
//! sentence, the deal test of the predicted outcome and what each Principal would need.

use super::deals::{DealNote, DealParty, Deals, TOLERANCE};

/// How many red-line conflicts or Principals a sentence names before it counts the rest.
const LISTED: usize = 3;

/// "A", "A and B", "A, B and C".
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Deals {
    /// The Principal named `id`.
    pub fn principal(&self, id: &str) -> Option<&DealParty> {
        self.principals.iter().find(|p| p.id == id)
    }

    fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.principal(id).map_or(id, |p| p.name.as_str())
    }

    /// The red-line conflicts among the notes.
    pub fn conflicts(&self) -> Vec<&DealNote> {
        self.notes
            .iter()
            .filter(|n| matches!(n, DealNote::RedLinesConflict { .. }))
            .collect()
    }

    /// The answer in one sentence: is there a package every Principal accepts, and if
    /// not, who is furthest from one.
    pub fn verdict(&self) -> String {
        if self.principals.is_empty() {
            return "No deal to test: no Principal has a position with salience above 0."
                .to_owned();
        }
        let conflicts = self.conflicts();
        if !conflicts.is_empty() {
            let mut list: Vec<String> = conflicts
                .iter()
                .take(LISTED)
                .map(|n| n.to_string())
                .collect();
            if conflicts.len() > LISTED {
                list.push(format!("and on {} more issues", conflicts.len() - LISTED));
            }
            return format!(
                "No deal: these red lines cannot all hold: {}.",
                list.join("; ")
            );
        }
        let Some(maxmin) = self.maxmin else {
            let why = self
                .notes
                .iter()
                .find(|n| matches!(n, DealNote::SolverFailed { .. }))
                .map_or_else(|| "the solver gave no answer".to_owned(), |n| n.to_string());
            return format!("The deal figures could not be computed: {why}.");
        };
        let names: Vec<&str> = self.principals.iter().map(|p| p.name.as_str()).collect();
        if self.feasible {
            return match names.as_slice() {
                [one] => format!(
                    "A deal exists: {one} accepts a package that keeps every red line, \
                     {maxmin:.2} above its walk-aways on balance."
                ),
                _ => format!(
                    "A deal exists: some package leaves every Principal at least {maxmin:.2} \
                     above its walk-aways on balance."
                ),
            };
        }
        let who = match names.as_slice() {
            [one] => format!("No package that {one} accepts"),
            [a, b] => format!("No package that both {a} and {b} accept"),
            _ if names.len() <= LISTED => {
                format!("No package that {} all accept", and_list(&names))
            }
            _ => format!("No package that all {} Principals accept", names.len()),
        };
        format!("{who}: {}.", self.furthest())
    }

    /// Why no package is accepted, through the Principal whose best is furthest below 0.
    fn furthest(&self) -> String {
        let worst = self
            .best_for
            .iter()
            .filter_map(|(id, v)| v.map(|v| (id, v)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((id, best)) = worst else {
            return "even leaving out any one of them, the others cannot all accept one package"
                .to_owned();
        };
        let name = self.name(id);
        let short = -best;
        let others: Vec<&str> = self
            .principals
            .iter()
            .filter(|p| p.id != id)
            .map(|p| p.name.as_str())
            .collect();
        match others.as_slice() {
            [] => format!(
                "the best the red lines allow still leaves it {short:.2} short of its walk-aways"
            ),
            [other] => format!(
                "the best {other} can accept still leaves {name} {short:.2} short of its walk-aways"
            ),
            _ => format!(
                "the best the others can all accept still leaves {name} {short:.2} short of its \
                 walk-aways"
            ),
        }
    }

    /// The deal test of the predicted outcome in a few words: "no deal: Russia rejects" or
    /// "every Principal accepts"; `None` when there is no Principal to ask.
    pub fn outcome_verdict(&self) -> Option<String> {
        if self.principals.is_empty() {
            return None;
        }
        let rejecting: Vec<&str> = self
            .outcome_test
            .rejecting()
            .into_iter()
            .map(|id| self.name(id))
            .collect();
        Some(match rejecting.as_slice() {
            [] => "every Principal accepts it".to_owned(),
            [one] => format!("no deal: {one} rejects"),
            many => format!("no deal: {} reject", and_list(many)),
        })
    }

    /// The Principals that cannot sign even at their best (best_for below 0), each with
    /// how much it must get from outside the map, largest first.
    pub fn shortfalls(&self) -> Vec<(&DealParty, f64)> {
        let mut out: Vec<(&DealParty, f64)> = self
            .principals
            .iter()
            .zip(self.best_for.iter())
            .filter_map(|(p, (_, v))| v.filter(|v| *v < -TOLERANCE).map(|v| (p, -v)))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out
    }
}
