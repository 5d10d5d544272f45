//! The semantic diff of two projects: what was added, removed or changed, item by item and
//! field by field, named the way the user names things (parties and issues by name, a
//! position as "Party on Issue"), and what that does to the analysis.
//!
//! Items are matched by id; an item whose id changed but whose name did not is matched by
//! its name, and references to it are read through that match, so renaming an id shows as
//! one changed field rather than every position of a party removed and added again.
//! Pure functions of the two projects: no files, no output.

mod effect;
mod items;
mod layers;
mod text;
mod textconv;

#[cfg(test)]
mod tests;

pub use effect::{AnalysisEffect, BreachEffect, IssueEffect, effect};
pub use text::{describe_fields, render_effect, render_text, summary};
pub use textconv::facts;

use crate::model::Project;
use serde::Serialize;

/// Every difference between two projects, in the order the text report lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectDiff {
    pub changes: Vec<Change>,
}

impl ProjectDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Which part of the project a change is in (the headings of the text report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Project,
    Sources,
    Parties,
    Issues,
    Positions,
    Leverage,
    Events,
    Scenarios,
}

impl Section {
    pub fn heading(self) -> &'static str {
        match self {
            Section::Project => "Project",
            Section::Sources => "Sources",
            Section::Parties => "Parties",
            Section::Issues => "Issues",
            Section::Positions => "Positions",
            Section::Leverage => "Leverage",
            Section::Events => "Events",
            Section::Scenarios => "Scenarios",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// An item by id and by the name the user sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// Which item a change is about, by ids (those of the new project, or of the old one for a
/// removed item), so the app can find it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemKey {
    Project,
    /// The order of a list (parties, issues or scenarios).
    Order,
    Source {
        id: String,
    },
    Party {
        id: String,
    },
    Issue {
        id: String,
    },
    Position {
        party: String,
        issue: String,
    },
    Leverage {
        holder: String,
        target: String,
        instrument: String,
    },
    Event {
        date: String,
        title: String,
    },
    Scenario {
        id: String,
    },
}

/// One item added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub section: Section,
    /// The scenario the item belongs to; `None` for the base project.
    pub scenario: Option<Named>,
    pub kind: ChangeKind,
    /// The item as the user names it: "Fiscal conservatives on Bus fare".
    pub item: String,
    pub key: ItemKey,
    /// For a changed item, each field that differs; for an added one, its main fields (old
    /// values null); for a removed one, none.
    pub fields: Vec<FieldChange>,
}

/// One field of an item, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// A field's value as the report shows it (JSON: a number, string, boolean, list or null).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
    Bool(bool),
    List(Vec<String>),
    None,
}

impl Value {
    fn opt_number(value: Option<f64>) -> Self {
        value.map_or(Value::None, Value::Number)
    }

    fn opt_text(value: Option<&str>) -> Self {
        value.map_or(Value::None, |v| Value::Text(v.to_owned()))
    }

    fn text(value: &str) -> Self {
        Value::Text(value.to_owned())
    }
}

/// Every difference between `old` and `new`.
pub fn diff(old: &Project, new: &Project) -> ProjectDiff {
    ProjectDiff {
        changes: items::changes(old, new),
    }
}
