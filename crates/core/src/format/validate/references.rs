//! The checks of ids: each valid and unique within its list, and each reference to a
//! party, issue or source naming one that exists (with the nearest id as a suggestion).

use super::{Checker, Item};
use crate::format::item_names::named;
use crate::format::{ItemList, suggest::closest};
use crate::model::{is_valid_id, unique_id};
use std::collections::{HashMap, HashSet};

/// What kind of id a reference points to, for lookups and messages.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Party,
    Issue,
    Source,
}

impl Kind {
    fn noun(self) -> (&'static str, &'static str) {
        match self {
            Kind::Party => ("party", "parties"),
            Kind::Issue => ("issue", "issues"),
            Kind::Source => ("source", "sources"),
        }
    }
}

impl<'a> Checker<'a> {
    /// The ids of `kind` in file order, each once (a duplicate id is reported elsewhere).
    fn ids(&self, kind: Kind) -> Vec<&'a str> {
        let p = self.project;
        let mut ids: Vec<&'a str> = match kind {
            Kind::Party => p.parties.iter().map(|x| x.id.as_str()).collect(),
            Kind::Issue => p.issues.iter().map(|x| x.id.as_str()).collect(),
            Kind::Source => p.sources.iter().map(|x| x.id.as_str()).collect(),
        };
        let mut seen = HashSet::new();
        ids.retain(|id| seen.insert(*id));
        ids
    }

    /// Ids must be valid and unique within their list; `ids` holds each item's id and name.
    pub(super) fn unique_ids(&mut self, list: ItemList, noun: &str, ids: &[(&str, &str)]) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, &(id, name)) in ids.iter().enumerate() {
            let item = || named(name, list, i, id);
            if id.is_empty() {
                self.error(
                    &item,
                    format!(
                        "the {noun} has an empty id; give it an id of lowercase letters a-z, \
                         digits, \"-\" and \"_\""
                    ),
                );
            } else if !is_valid_id(id) {
                let suggestion = unique_id(id, std::iter::empty());
                self.error(
                    &item,
                    format!(
                        "id {id:?} is not valid; an id uses only lowercase letters a-z, \
                         digits 0-9, \"-\" and \"_\" (for example {suggestion:?})"
                    ),
                );
            }
            match first.get(id) {
                Some(&j) => self.error(
                    &item,
                    format!(
                        "duplicate {noun} id {id:?} (also {}[{j}]); give each {noun} its \
                         own id",
                        list.field()
                    ),
                ),
                None => {
                    first.insert(id, i);
                }
            }
        }
    }

    /// A reference (`field` holds `id`) to an id of `kind` that must exist.
    pub(super) fn reference(&mut self, item: Item, kind: Kind, field: &str, id: &str) {
        // Neighbouring items tend to name the same party or issue (a file lists the
        // positions issue by issue, say): remember the last id found of each kind.
        if self.last_found[kind as usize] == Some(id) {
            return;
        }
        let exists = match kind {
            Kind::Party => &self.party_ids,
            Kind::Issue => &self.issue_ids,
            Kind::Source => &self.source_ids,
        };
        if let Some(&found) = exists.get(id) {
            self.last_found[kind as usize] = Some(found);
            return;
        }
        let known = self.ids(kind);
        let (noun, plural) = kind.noun();
        let message = if known.is_empty() {
            format!(
                "{field} {id:?} does not exist (the project has no {plural}); add it under \
                 `{plural}`"
            )
        } else {
            let mut list: Vec<String> = known.iter().take(12).map(|k| format!("{k:?}")).collect();
            if known.len() > 12 {
                list.push("...".into());
            }
            let advice = match closest(id, known.iter().copied()) {
                Some(near) => format!("did you mean {near:?}?"),
                None => format!("use one of them or add the {noun} under `{plural}`"),
            };
            format!(
                "{field} {id:?} does not exist (known {plural}: {}); {advice}",
                list.join(", ")
            )
        };
        self.error(item, message);
    }

    pub(super) fn references(&mut self, item: Item, kind: Kind, field: &str, ids: &[String]) {
        for id in ids {
            self.reference(item, kind, field, id);
        }
    }
}
