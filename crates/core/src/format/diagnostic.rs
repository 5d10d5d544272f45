//! One problem found in a file: its severity, where it is, and what to do about it.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is: a text position from the parser, a field of the project, or an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole file (size, encoding, version).
    File,
    /// 1-based line and column, as the RON parser reports them.
    Text { line: usize, column: usize },
    /// A top-level field of the project: `format`, `title`, `as_of`, `summary`.
    Field(&'static str),
    /// An item of the project: where it sits, and how a person knows it.
    Item(ItemPath),
}

/// A list of the project file that holds items, named as its field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemList {
    Sources,
    Parties,
    Issues,
    /// The marks of an issue (only as an `ItemPath::part`).
    Marks,
    Positions,
    Leverage,
    Events,
    /// The shifts of an event (only as an `ItemPath::part`).
    Shifts,
    Scenarios,
    /// A scenario's power overrides.
    Power,
}

impl ItemList {
    /// The list's field name in the file.
    pub fn field(self) -> &'static str {
        match self {
            ItemList::Sources => "sources",
            ItemList::Parties => "parties",
            ItemList::Issues => "issues",
            ItemList::Marks => "marks",
            ItemList::Positions => "positions",
            ItemList::Leverage => "leverage",
            ItemList::Events => "events",
            ItemList::Shifts => "shifts",
            ItemList::Scenarios => "scenarios",
            ItemList::Power => "power",
        }
    }
}

/// An item of the project: which list holds it (the base's, or a scenario's), its index
/// there, and a part inside it (a mark of an issue, a shift of an event). The app navigates
/// by these fields; `label` and `Display` are only for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPath {
    /// The scenario (its index in `scenarios`) whose list holds the item; `None` for the
    /// base lists and for the scenarios themselves.
    pub scenario: Option<usize>,
    pub list: ItemList,
    pub index: usize,
    /// A part of the item: `(Marks, m)` of an issue, `(Shifts, j)` of an event.
    pub part: Option<(ItemList, usize)>,
    /// How a person knows the item: `Russia on Scope`, `Russia`, or `"eu"` (an id in quotes).
    pub label: String,
    /// Print the place before the label, `parties[2] ("eu")`, as for an item known only by
    /// its id; otherwise the label leads, `Russia (parties[0])`.
    pub place_first: bool,
}

impl ItemPath {
    /// Item `index` of a base list (or of `scenarios`), its label leading.
    pub fn new(list: ItemList, index: usize, label: impl Into<String>) -> Self {
        Self {
            scenario: None,
            list,
            index,
            part: None,
            label: label.into(),
            place_first: false,
        }
    }

    /// The same item in the lists of scenario `scenario` (`None`: the base).
    pub fn in_scenario(self, scenario: Option<usize>) -> Self {
        Self { scenario, ..self }
    }

    /// Part `index` of `list` inside the item: a mark of an issue, a shift of an event.
    pub fn with_part(self, list: ItemList, index: usize) -> Self {
        Self {
            part: Some((list, index)),
            ..self
        }
    }

    /// Print the place first, `parties[2] ("eu")`.
    pub fn place_first(self) -> Self {
        Self {
            place_first: true,
            ..self
        }
    }

    /// Where the item is in the file: `scenarios[0].events[3].shifts[1]`.
    pub fn place(&self) -> String {
        let mut out = String::new();
        if let Some(s) = self.scenario {
            out.push_str(&format!("scenarios[{s}]."));
        }
        out.push_str(&format!("{}[{}]", self.list.field(), self.index));
        if let Some((list, j)) = self.part {
            out.push_str(&format!(".{}[{j}]", list.field()));
        }
        out
    }
}

/// `Russia on Scope (positions[3])`, or `parties[2] ("eu")` when the place leads.
impl fmt::Display for ItemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place_first {
            write!(f, "{} ({})", self.place(), self.label)
        } else {
            write!(f, "{} ({})", self.label, self.place())
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
}

impl Diagnostic {
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            location,
            message: message.into(),
        }
    }

    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            location,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The `check` line: `FILE:LINE:COL: error: ...` or `FILE: ITEM: warning: ...`; the only
    /// place (with `Display`) where a location becomes text.
    pub fn with_file(&self, file: &str) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Location::File => format!("{file}: {severity}: {}", self.message),
            Location::Text { line, column } => {
                format!("{file}:{line}:{column}: {severity}: {}", self.message)
            }
            Location::Field(field) => format!("{file}: {field}: {severity}: {}", self.message),
            Location::Item(item) => format!("{file}: {item}: {severity}: {}", self.message),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.with_file("");
        f.write_str(
            line.strip_prefix(": ")
                .or_else(|| line.strip_prefix(':'))
                .unwrap_or(&line),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_prints_its_label_and_its_place() {
        let position = ItemPath::new(ItemList::Positions, 3, "Russia on Scope");
        assert_eq!(position.to_string(), "Russia on Scope (positions[3])");
        let party = ItemPath::new(ItemList::Parties, 2, "\"eu\"").place_first();
        assert_eq!(party.to_string(), "parties[2] (\"eu\")");
        let shift = ItemPath::new(ItemList::Events, 4, "Russia on Scope in event Talks")
            .in_scenario(Some(1))
            .with_part(ItemList::Shifts, 0);
        assert_eq!(shift.place(), "scenarios[1].events[4].shifts[0]");
        let mark =
            ItemPath::new(ItemList::Issues, 0, "Scope, mark \"Air\"").with_part(ItemList::Marks, 2);
        assert_eq!(mark.to_string(), "Scope, mark \"Air\" (issues[0].marks[2])");
    }

    #[test]
    fn every_location_makes_its_check_line() {
        let at = |location| Diagnostic::warning(location, "do this").with_file("f.ron");
        assert_eq!(at(Location::File), "f.ron: warning: do this");
        assert_eq!(
            at(Location::Text { line: 3, column: 7 }),
            "f.ron:3:7: warning: do this"
        );
        assert_eq!(
            at(Location::Field("as_of")),
            "f.ron: as_of: warning: do this"
        );
        let item = ItemPath::new(ItemList::Power, 0, "power of Russia, scenario Drag-out")
            .in_scenario(Some(2));
        assert_eq!(
            at(Location::Item(item.clone())),
            "f.ron: power of Russia, scenario Drag-out (scenarios[2].power[0]): warning: do this"
        );
        let d = Diagnostic::error(Location::Item(item), "fix it");
        assert_eq!(
            d.to_string(),
            "power of Russia, scenario Drag-out (scenarios[2].power[0]): error: fix it"
        );
    }
}
