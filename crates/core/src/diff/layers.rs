//! The lists that the base and every scenario have (positions, leverage, events, power
//! overrides), matched by what identifies each item, and the scenarios themselves.

use super::items::{
    Pair, Pairing, change, differing, issue_name, listed, order_change, party_name,
};
use super::{Change, ChangeKind, FieldChange, ItemKey, Named, Section, Value};
use crate::model::{Event, Leverage, Position, PowerOverride, Project, Scenario};
use std::collections::HashMap;

/// How to compare the items of one kind of list.
struct Keyed<'f, T> {
    section: Section,
    /// Rounds of keys, each a fallback for the items the rounds before left unpaired: the
    /// old items' keys (already in the new project's ids), then the new items'.
    rounds: Vec<(Vec<String>, Vec<String>)>,
    /// The item as the user names it, in the project it belongs to.
    label: &'f dyn Fn(&Project, &T) -> String,
    key: fn(&T) -> ItemKey,
    /// The compared fields of an (old, new) pair.
    fields: &'f dyn Fn(&T, &T) -> Vec<FieldChange>,
    /// The fields listed for an added item.
    summary: &'f dyn Fn(&T) -> Vec<FieldChange>,
}

fn keyed<T>(pair: &Pair, old: &[T], new: &[T], kind: &Keyed<T>) -> Vec<Change> {
    let mut pairing = Pairing::new(old.len(), new.len());
    for (a, b) in &kind.rounds {
        pairing.round(a, b);
    }
    let mut out = Vec::new();
    for (j, b) in new.iter().enumerate() {
        let label = (kind.label)(pair.new, b);
        let (change_kind, fields) = match pairing.new_to_old[j] {
            Some(i) => (ChangeKind::Changed, (kind.fields)(&old[i], b)),
            None => (ChangeKind::Added, (kind.summary)(b)),
        };
        if change_kind == ChangeKind::Changed && fields.is_empty() {
            continue;
        }
        out.push(Change {
            fields,
            ..change(kind.section, change_kind, label, (kind.key)(b))
        });
    }
    for i in pairing.removed() {
        let a = &old[i];
        let label = (kind.label)(pair.old, a);
        out.push(change(
            kind.section,
            ChangeKind::Removed,
            label,
            (kind.key)(a),
        ));
    }
    out
}

pub(super) fn positions(pair: &Pair, old: &[Position], new: &[Position]) -> Vec<Change> {
    let ids = &pair.ids;
    let old_keys = old
        .iter()
        .map(|p| format!("{}\n{}", ids.party(&p.party), ids.issue(&p.issue)))
        .collect();
    let new_keys = new
        .iter()
        .map(|p| format!("{}\n{}", p.party, p.issue))
        .collect();
    let fields = |a: &Position, b: &Position| {
        differing(vec![
            ("stance", Value::Number(a.stance), Value::Number(b.stance)),
            (
                "ideal",
                Value::opt_number(a.ideal),
                Value::opt_number(b.ideal),
            ),
            (
                "walk_away",
                Value::opt_number(a.walk_away),
                Value::opt_number(b.walk_away),
            ),
            (
                "salience",
                Value::Number(a.salience),
                Value::Number(b.salience),
            ),
            ("red_line", Value::Bool(a.red_line), Value::Bool(b.red_line)),
            (
                "rationale",
                Value::text(&a.rationale),
                Value::text(&b.rationale),
            ),
            (
                "sources",
                Value::List(ids.sources(&a.sources)),
                Value::List(b.sources.clone()),
            ),
        ])
    };
    let summary = |b: &Position| {
        listed(vec![
            ("stance", Value::Number(b.stance)),
            ("ideal", Value::opt_number(b.ideal)),
            ("walk_away", Value::opt_number(b.walk_away)),
            ("salience", Value::Number(b.salience)),
            ("red_line", Value::Bool(b.red_line)),
            ("rationale", Value::text(&b.rationale)),
        ])
    };
    let label = |project: &Project, p: &Position| {
        format!(
            "{} on {}",
            party_name(project, &p.party),
            issue_name(project, &p.issue)
        )
    };
    let kind = Keyed {
        section: Section::Positions,
        rounds: vec![(old_keys, new_keys)],
        label: &label,
        key: |p| ItemKey::Position {
            party: p.party.clone(),
            issue: p.issue.clone(),
        },
        fields: &fields,
        summary: &summary,
    };
    keyed(pair, old, new, &kind)
}

pub(super) fn leverage(pair: &Pair, old: &[Leverage], new: &[Leverage]) -> Vec<Change> {
    let (ids, n) = (&pair.ids, pair.new);
    // Holder, target and instrument identify an item, as they do for scenario overrides.
    let old_keys = old
        .iter()
        .map(|l| {
            let (h, t) = (ids.party(&l.holder), ids.party(&l.target));
            format!("{h}\n{t}\n{}", l.instrument)
        })
        .collect();
    let new_keys = new
        .iter()
        .map(|l| format!("{}\n{}\n{}", l.holder, l.target, l.instrument))
        .collect();
    let issues = |ids: Vec<&str>| Value::List(ids.iter().map(|i| issue_name(n, i)).collect());
    let fields = |a: &Leverage, b: &Leverage| {
        let old_issues = a.issues.iter().map(|x| ids.issue(x)).collect();
        let new_issues = b.issues.iter().map(String::as_str).collect();
        differing(vec![
            (
                "kind",
                Value::text(a.kind.label()),
                Value::text(b.kind.label()),
            ),
            (
                "strength",
                Value::Number(a.strength),
                Value::Number(b.strength),
            ),
            (
                "credibility",
                Value::Number(a.credibility),
                Value::Number(b.credibility),
            ),
            ("cost", Value::Number(a.cost), Value::Number(b.cost)),
            (
                "status",
                Value::text(a.status.label()),
                Value::text(b.status.label()),
            ),
            ("issues", issues(old_issues), issues(new_issues)),
            (
                "sources",
                Value::List(ids.sources(&a.sources)),
                Value::List(b.sources.clone()),
            ),
        ])
    };
    let summary = |b: &Leverage| {
        listed(vec![
            ("kind", Value::text(b.kind.label())),
            ("strength", Value::Number(b.strength)),
            ("credibility", Value::Number(b.credibility)),
            ("status", Value::text(b.status.label())),
        ])
    };
    let label = |project: &Project, l: &Leverage| {
        format!(
            "{} ({} over {})",
            l.instrument,
            party_name(project, &l.holder),
            party_name(project, &l.target)
        )
    };
    let kind = Keyed {
        section: Section::Leverage,
        rounds: vec![(old_keys, new_keys)],
        label: &label,
        key: |l| ItemKey::Leverage {
            holder: l.holder.clone(),
            target: l.target.clone(),
            instrument: l.instrument.clone(),
        },
        fields: &fields,
        summary: &summary,
    };
    keyed(pair, old, new, &kind)
}

pub(super) fn events(pair: &Pair, old: &[Event], new: &[Event]) -> Vec<Change> {
    let (ids, n) = (&pair.ids, pair.new);
    // By date and title; then an event whose date or title alone changed, by the other.
    let keys = |list: &[Event], f: fn(&Event) -> String| list.iter().map(f).collect::<Vec<_>>();
    let rounds = [
        (|e: &Event| format!("{}\n{}", e.date, e.title)) as fn(&Event) -> String,
        |e| e.title.clone(),
        |e| e.date.clone(),
    ]
    .into_iter()
    .map(|f| (keys(old, f), keys(new, f)))
    .collect();
    let names = |ids: Vec<&str>| Value::List(ids.iter().map(|p| party_name(n, p)).collect());
    let fields = |a: &Event, b: &Event| {
        let old_parties = a.parties.iter().map(|x| ids.party(x)).collect();
        let new_parties = b.parties.iter().map(String::as_str).collect();
        let mut fields = differing(vec![
            ("date", Value::text(&a.date), Value::text(&b.date)),
            ("title", Value::text(&a.title), Value::text(&b.title)),
            (
                "kind",
                Value::text(a.kind.label()),
                Value::text(b.kind.label()),
            ),
            ("parties", names(old_parties), names(new_parties)),
            ("notes", Value::text(&a.notes), Value::text(&b.notes)),
            (
                "sources",
                Value::List(ids.sources(&a.sources)),
                Value::List(b.sources.clone()),
            ),
        ]);
        fields.extend(shifts(pair, Some(a), b));
        fields
    };
    let summary = |b: &Event| {
        let mut fields = listed(vec![
            ("kind", Value::text(b.kind.label())),
            (
                "parties",
                names(b.parties.iter().map(String::as_str).collect()),
            ),
        ]);
        fields.extend(shifts(pair, None, b));
        fields
    };
    let label = |_: &Project, e: &Event| format!("{} ({})", e.title, e.date);
    let kind = Keyed {
        section: Section::Events,
        rounds,
        label: &label,
        key: |e| ItemKey::Event {
            date: e.date.clone(),
            title: e.title.clone(),
        },
        fields: &fields,
        summary: &summary,
    };
    keyed(pair, old, new, &kind)
}

/// Values by key, in first-seen order over both lists, changed where they differ.
fn by_key(
    keys_and_values: impl Iterator<Item = (bool, String, f64)>,
) -> Vec<(String, Option<f64>, Option<f64>)> {
    let mut order: Vec<String> = Vec::new();
    let mut values: HashMap<String, (Option<f64>, Option<f64>)> = HashMap::new();
    for (is_new, key, value) in keys_and_values {
        let slot = values.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (None, None)
        });
        if is_new {
            slot.1 = Some(value);
        } else {
            slot.0 = Some(value);
        }
    }
    order
        .into_iter()
        .filter_map(|key| {
            let (a, b) = values.get(&key).copied().unwrap_or_default();
            (a != b).then_some((key, a, b))
        })
        .collect()
}

/// The shifts of an event, one field per (party, issue): "shift Ukraine on Scope".
fn shifts(pair: &Pair, old: Option<&Event>, new: &Event) -> Vec<FieldChange> {
    let ids = &pair.ids;
    let old_shifts = old.map_or(&[][..], |e| &e.shifts).iter().map(|s| {
        let key = format!("{}\n{}", ids.party(&s.party), ids.issue(&s.issue));
        (false, key, s.stance)
    });
    let new_shifts = new
        .shifts
        .iter()
        .map(|s| (true, format!("{}\n{}", s.party, s.issue), s.stance));
    by_key(old_shifts.chain(new_shifts))
        .into_iter()
        .map(|(key, a, b)| {
            let (party, issue) = key.split_once('\n').unwrap_or((&key, ""));
            FieldChange {
                field: format!(
                    "shift {} on {}",
                    party_name(pair.new, party),
                    issue_name(pair.new, issue)
                ),
                old: Value::opt_number(a),
                new: Value::opt_number(b),
            }
        })
        .collect()
}

/// A scenario's power overrides, as changes of the party's "power" field.
fn power(pair: &Pair, old: &[PowerOverride], new: &[PowerOverride]) -> Vec<Change> {
    let old_values = old
        .iter()
        .map(|o| (false, pair.ids.party(&o.party).to_owned(), o.power));
    let new_values = new.iter().map(|o| (true, o.party.clone(), o.power));
    by_key(old_values.chain(new_values))
        .into_iter()
        .map(|(id, a, b)| {
            let kind = match (a, b) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            };
            let name = party_name(pair.new, &id);
            Change {
                fields: vec![FieldChange {
                    field: "power".into(),
                    old: Value::opt_number(a),
                    new: Value::opt_number(b),
                }],
                ..change(Section::Parties, kind, name, ItemKey::Party { id })
            }
        })
        .collect()
}

fn count(n: usize) -> Value {
    if n == 0 {
        Value::None
    } else {
        Value::Number(n as f64)
    }
}

pub(super) fn scenarios(pair: &Pair) -> Vec<Change> {
    let (o, n) = (pair.old, pair.new);
    fn key(s: &Scenario) -> (&str, &str) {
        (s.id.as_str(), s.name.as_str())
    }
    let old_keys: Vec<_> = o.scenarios.iter().map(key).collect();
    let new_keys: Vec<_> = n.scenarios.iter().map(key).collect();
    let pairing = Pairing::by_id_then_name(&old_keys, &new_keys);
    let item = |kind, s: &Scenario| {
        change(
            Section::Scenarios,
            kind,
            s.name.clone(),
            ItemKey::Scenario { id: s.id.clone() },
        )
    };
    let mut out = Vec::new();
    for (j, b) in n.scenarios.iter().enumerate() {
        let Some(i) = pairing.new_to_old[j] else {
            out.push(Change {
                fields: listed(vec![
                    ("id", Value::text(&b.id)),
                    ("description", Value::text(&b.description)),
                    ("positions", count(b.positions.len())),
                    ("leverage", count(b.leverage.len())),
                    ("power", count(b.power.len())),
                    ("events", count(b.events.len())),
                ]),
                ..item(ChangeKind::Added, b)
            });
            continue;
        };
        let a = &o.scenarios[i];
        let fields = differing(vec![
            ("id", Value::text(&a.id), Value::text(&b.id)),
            ("name", Value::text(&a.name), Value::text(&b.name)),
            (
                "description",
                Value::text(&a.description),
                Value::text(&b.description),
            ),
        ]);
        if !fields.is_empty() {
            out.push(Change {
                fields,
                ..item(ChangeKind::Changed, b)
            });
        }
        let within = Named {
            id: b.id.clone(),
            name: b.name.clone(),
        };
        let mut nested = positions(pair, &a.positions, &b.positions);
        nested.extend(leverage(pair, &a.leverage, &b.leverage));
        nested.extend(power(pair, &a.power, &b.power));
        nested.extend(events(pair, &a.events, &b.events));
        for mut c in nested {
            c.scenario = Some(within.clone());
            out.push(c);
        }
    }
    for i in pairing.removed() {
        out.push(item(ChangeKind::Removed, &o.scenarios[i]));
    }
    out.extend(order_change(
        Section::Scenarios,
        &pairing,
        &old_keys,
        &new_keys,
    ));
    out
}
