//! Matching the items of two projects and comparing them field by field.

use super::layers;
use super::{Change, ChangeKind, FieldChange, ItemKey, Section, Value};
use crate::model::Project;
use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

/// Which old item goes with which new one.
pub(super) struct Pairing {
    pub(super) old_to_new: Vec<Option<usize>>,
    pub(super) new_to_old: Vec<Option<usize>>,
}

impl Pairing {
    pub(super) fn new(old: usize, new: usize) -> Self {
        Self {
            old_to_new: vec![None; old],
            new_to_old: vec![None; new],
        }
    }

    /// Pair the items not yet paired whose keys are equal; with repeated keys, the n-th old
    /// item goes with the n-th new one.
    pub(super) fn round<K: Eq + Hash>(&mut self, old: &[K], new: &[K]) {
        let mut waiting: HashMap<&K, VecDeque<usize>> = HashMap::new();
        for (j, key) in new.iter().enumerate() {
            if self.new_to_old[j].is_none() {
                waiting.entry(key).or_default().push_back(j);
            }
        }
        for (i, key) in old.iter().enumerate() {
            if self.old_to_new[i].is_some() {
                continue;
            }
            if let Some(j) = waiting.get_mut(key).and_then(VecDeque::pop_front) {
                self.old_to_new[i] = Some(j);
                self.new_to_old[j] = Some(i);
            }
        }
    }

    /// Items by id, then the rest by name.
    pub(super) fn by_id_then_name(old: &[(&str, &str)], new: &[(&str, &str)]) -> Self {
        let mut pairing = Self::new(old.len(), new.len());
        let ids = |list: &[(&str, &str)]| list.iter().map(|x| x.0.to_owned()).collect::<Vec<_>>();
        let names = |list: &[(&str, &str)]| list.iter().map(|x| x.1.to_owned()).collect::<Vec<_>>();
        pairing.round(&ids(old), &ids(new));
        pairing.round(&names(old), &names(new));
        pairing
    }

    pub(super) fn removed(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.old_to_new.len()).filter(|&i| self.old_to_new[i].is_none())
    }

    /// The old id each new id stands for (only where they differ).
    fn renamed(&self, old: &[(&str, &str)], new: &[(&str, &str)]) -> HashMap<String, String> {
        let mut map = HashMap::new();
        for (i, j) in self.old_to_new.iter().enumerate() {
            if let Some(j) = j
                && old[i].0 != new[*j].0
            {
                map.insert(old[i].0.to_owned(), new[*j].0.to_owned());
            }
        }
        map
    }
}

/// Old ids translated to the new project's ids, for items whose id changed.
pub(super) struct Ids {
    pub(super) parties: HashMap<String, String>,
    pub(super) issues: HashMap<String, String>,
    pub(super) sources: HashMap<String, String>,
}

impl Ids {
    pub(super) fn party<'a>(&'a self, id: &'a str) -> &'a str {
        self.parties.get(id).map_or(id, String::as_str)
    }

    pub(super) fn issue<'a>(&'a self, id: &'a str) -> &'a str {
        self.issues.get(id).map_or(id, String::as_str)
    }

    pub(super) fn sources(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|id| self.sources.get(id).unwrap_or(id).clone())
            .collect()
    }
}

/// The id translation between two projects: items matched by id, then by name.
pub(super) fn translation(old: &Project, new: &Project) -> Ids {
    let parties = |p: &Project| -> Vec<(String, String)> {
        p.parties
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect()
    };
    let issues = |p: &Project| -> Vec<(String, String)> {
        p.issues
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect()
    };
    let sources = |p: &Project| -> Vec<(String, String)> {
        p.sources
            .iter()
            .map(|x| (x.id.clone(), x.title.clone()))
            .collect()
    };
    let renamed = |a: Vec<(String, String)>, b: Vec<(String, String)>| {
        let a: Vec<(&str, &str)> = a.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        let b: Vec<(&str, &str)> = b.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        Pairing::by_id_then_name(&a, &b).renamed(&a, &b)
    };
    Ids {
        parties: renamed(parties(old), parties(new)),
        issues: renamed(issues(old), issues(new)),
        sources: renamed(sources(old), sources(new)),
    }
}

/// The two projects being compared, and how their ids correspond.
pub(super) struct Pair<'a> {
    pub(super) old: &'a Project,
    pub(super) new: &'a Project,
    pub(super) ids: Ids,
}

pub(super) fn party_name(project: &Project, id: &str) -> String {
    project
        .party(id)
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

pub(super) fn issue_name(project: &Project, id: &str) -> String {
    project
        .issue(id)
        .map_or_else(|| id.to_owned(), |i| i.name.clone())
}

/// The fields among `fields` whose values differ.
pub(super) fn differing(fields: Vec<(&str, Value, Value)>) -> Vec<FieldChange> {
    fields
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| FieldChange {
            field: field.to_owned(),
            old,
            new,
        })
        .collect()
}

/// The fields of a new item worth listing (those that are set).
pub(super) fn listed(fields: Vec<(&str, Value)>) -> Vec<FieldChange> {
    fields
        .into_iter()
        .filter(|(_, v)| !matches!(v, Value::None) && *v != Value::Text(String::new()))
        .filter(|(_, v)| *v != Value::Bool(false) && *v != Value::List(Vec::new()))
        .map(|(field, new)| FieldChange {
            field: field.to_owned(),
            old: Value::None,
            new,
        })
        .collect()
}

pub(super) fn change(section: Section, kind: ChangeKind, item: String, key: ItemKey) -> Change {
    Change {
        section,
        scenario: None,
        kind,
        item,
        key,
        fields: Vec::new(),
    }
}

pub(super) fn changes(old: &Project, new: &Project) -> Vec<Change> {
    let mut out = Vec::new();
    out.extend(project_fields(old, new));
    let pair = Pair {
        old,
        new,
        ids: translation(old, new),
    };
    out.extend(sources(&pair));
    out.extend(parties(&pair));
    out.extend(issues(&pair));
    out.extend(layers::positions(&pair, &old.positions, &new.positions));
    out.extend(layers::leverage(&pair, &old.leverage, &new.leverage));
    out.extend(layers::events(&pair, &old.events, &new.events));
    out.extend(layers::scenarios(&pair));
    out
}

fn project_fields(old: &Project, new: &Project) -> Option<Change> {
    let method = |p: &Project| Value::text(&format!("{:?}", p.outcome));
    let fields = differing(vec![
        ("title", Value::text(&old.title), Value::text(&new.title)),
        (
            "summary",
            Value::text(&old.summary),
            Value::text(&new.summary),
        ),
        (
            "as_of",
            Value::opt_text(old.as_of.as_deref()),
            Value::opt_text(new.as_of.as_deref()),
        ),
        ("outcome", method(old), method(new)),
    ]);
    (!fields.is_empty()).then(|| Change {
        fields,
        ..change(
            Section::Project,
            ChangeKind::Changed,
            "project".into(),
            ItemKey::Project,
        )
    })
}

/// Added, removed and changed items of an id-and-name list (sources, parties, issues).
/// `fields(old, new)` gives the compared fields of a pair; `summary(new)` those listed for
/// an added item.
fn named_list<T>(
    section: Section,
    old: &[T],
    new: &[T],
    key: fn(&T) -> (&str, &str),
    fields: impl Fn(&T, &T) -> Vec<(&'static str, Value, Value)>,
    summary: impl Fn(&T) -> Vec<(&'static str, Value)>,
    item_key: fn(&str) -> ItemKey,
) -> Vec<Change> {
    let old_keys: Vec<_> = old.iter().map(key).collect();
    let new_keys: Vec<_> = new.iter().map(key).collect();
    let pairing = Pairing::by_id_then_name(&old_keys, &new_keys);
    let mut out = Vec::new();
    for (j, item) in new.iter().enumerate() {
        let (id, name) = new_keys[j];
        let c = match pairing.new_to_old[j] {
            Some(i) => {
                let fields = differing(fields(&old[i], item));
                if fields.is_empty() {
                    continue;
                }
                Change {
                    fields,
                    ..change(section, ChangeKind::Changed, name.into(), item_key(id))
                }
            }
            None => Change {
                fields: listed(summary(item)),
                ..change(section, ChangeKind::Added, name.into(), item_key(id))
            },
        };
        out.push(c);
    }
    for i in pairing.removed() {
        let (id, name) = old_keys[i];
        out.push(change(
            section,
            ChangeKind::Removed,
            name.into(),
            item_key(id),
        ));
    }
    out.extend(order_change(section, &pairing, &old_keys, &new_keys));
    out
}

/// A change of order among the items present in both lists.
pub(super) fn order_change(
    section: Section,
    pairing: &Pairing,
    old: &[(&str, &str)],
    new: &[(&str, &str)],
) -> Option<Change> {
    let in_new_order: Vec<usize> = pairing.old_to_new.iter().flatten().copied().collect();
    if in_new_order.windows(2).all(|w| w[0] < w[1]) {
        return None;
    }
    let names = |list: &[(&str, &str)]| list.iter().map(|x| x.1.to_owned()).collect();
    Some(Change {
        fields: vec![FieldChange {
            field: "order".into(),
            old: Value::List(names(old)),
            new: Value::List(names(new)),
        }],
        ..change(section, ChangeKind::Changed, "order".into(), ItemKey::Order)
    })
}

fn sources(pair: &Pair) -> Vec<Change> {
    named_list(
        Section::Sources,
        &pair.old.sources,
        &pair.new.sources,
        |s| (s.id.as_str(), s.title.as_str()),
        |a, b| {
            vec![
                ("id", Value::text(&a.id), Value::text(&b.id)),
                ("title", Value::text(&a.title), Value::text(&b.title)),
                ("author", Value::text(&a.author), Value::text(&b.author)),
                (
                    "published",
                    Value::opt_text(a.published.as_deref()),
                    Value::opt_text(b.published.as_deref()),
                ),
                (
                    "url",
                    Value::opt_text(a.url.as_deref()),
                    Value::opt_text(b.url.as_deref()),
                ),
            ]
        },
        |s| {
            vec![
                ("id", Value::text(&s.id)),
                ("author", Value::text(&s.author)),
                ("published", Value::opt_text(s.published.as_deref())),
                ("url", Value::opt_text(s.url.as_deref())),
            ]
        },
        |id| ItemKey::Source { id: id.into() },
    )
}

fn parties(pair: &Pair) -> Vec<Change> {
    let role = |r: crate::model::Role| Value::text(r.label());
    named_list(
        Section::Parties,
        &pair.old.parties,
        &pair.new.parties,
        |p| (p.id.as_str(), p.name.as_str()),
        |a, b| {
            vec![
                ("id", Value::text(&a.id), Value::text(&b.id)),
                ("name", Value::text(&a.name), Value::text(&b.name)),
                ("role", role(a.role), role(b.role)),
                ("power", Value::Number(a.power), Value::Number(b.power)),
                (
                    "color",
                    Value::opt_text(a.color.as_deref()),
                    Value::opt_text(b.color.as_deref()),
                ),
                ("notes", Value::text(&a.notes), Value::text(&b.notes)),
            ]
        },
        |p| {
            vec![
                ("id", Value::text(&p.id)),
                ("role", role(p.role)),
                ("power", Value::Number(p.power)),
            ]
        },
        |id| ItemKey::Party { id: id.into() },
    )
}

fn issues(pair: &Pair) -> Vec<Change> {
    let marks = |i: &crate::model::Issue| {
        Value::List(
            i.marks
                .iter()
                .map(|m| format!("{}: {}", m.at, m.label))
                .collect(),
        )
    };
    named_list(
        Section::Issues,
        &pair.old.issues,
        &pair.new.issues,
        |i| (i.id.as_str(), i.name.as_str()),
        |a, b| {
            vec![
                ("id", Value::text(&a.id), Value::text(&b.id)),
                ("name", Value::text(&a.name), Value::text(&b.name)),
                ("low", Value::text(&a.low), Value::text(&b.low)),
                ("high", Value::text(&a.high), Value::text(&b.high)),
                ("marks", marks(a), marks(b)),
                ("notes", Value::text(&a.notes), Value::text(&b.notes)),
            ]
        },
        |i| {
            vec![
                ("id", Value::text(&i.id)),
                ("low", Value::text(&i.low)),
                ("high", Value::text(&i.high)),
            ]
        },
        |id| ItemKey::Issue { id: id.into() },
    )
}
