//! The project's data types, field for field as in `shared/FORMAT.md` and in that order,
//! which is also the order the canonical writer emits them in.

use serde::{Deserialize, Serialize};

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A whole negotiation map: the content of one `.ron` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Project", deny_unknown_fields)]
pub struct Project {
    pub format: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// ISO date (`YYYY-MM-DD`) that the current stances describe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub outcome: OutcomeMethod,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    pub parties: Vec<Party>,
    pub issues: Vec<Issue>,
    pub positions: Vec<Position>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leverage: Vec<Leverage>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            format: super::FORMAT_VERSION,
            title: "Untitled negotiation".to_owned(),
            summary: String::new(),
            as_of: None,
            outcome: OutcomeMethod::default(),
            sources: Vec::new(),
            parties: Vec::new(),
            issues: Vec::new(),
            positions: Vec::new(),
            leverage: Vec::new(),
            events: Vec::new(),
            scenarios: Vec::new(),
        }
    }
}

/// Which estimator gives the predicted outcome of an issue (`shared/ANALYSIS.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum OutcomeMethod {
    #[default]
    Median,
    Mean,
}

/// A document the analyst cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An actor at the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Party", deny_unknown_fields)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// Overall capability to shape outcomes, 0..=1.
    pub power: f64,
    /// `#RRGGBB`; a palette colour is used when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Must consent to any deal; counts for the ZOPA.
    Principal,
    Mediator,
    Stakeholder,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Principal, Role::Mediator, Role::Stakeholder];
    pub fn label(self) -> &'static str {
        match self {
            Role::Principal => "Principal",
            Role::Mediator => "Mediator",
            Role::Stakeholder => "Stakeholder",
        }
    }
}

/// One dimension of the negotiation: a 0..100 scale with named ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Issue", deny_unknown_fields)]
pub struct Issue {
    pub id: String,
    pub name: String,
    /// What 0 on this issue's scale means.
    pub low: String,
    /// What 100 means.
    pub high: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A named point on an issue's scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Mark", deny_unknown_fields)]
pub struct Mark {
    pub at: f64,
    pub label: String,
}

/// Where one party stands on one issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Position", deny_unknown_fields)]
pub struct Position {
    pub party: String,
    pub issue: String,
    /// Declared position as of the project's `as_of`, 0..=100.
    pub stance: f64,
    /// The outcome it would most like; `stance` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ideal: Option<f64>,
    /// Reservation point: the least favourable outcome it still accepts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub walk_away: Option<f64>,
    /// How much this issue matters to this party, 0..=1.
    pub salience: f64,
    /// The walk-away is public and non-negotiable.
    #[serde(default, skip_serializing_if = "is_default")]
    pub red_line: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Position {
    /// The ideal point, defaulting to the stance.
    pub fn ideal(&self) -> f64 {
        self.ideal.unwrap_or(self.stance)
    }

    /// Whether this party accepts outcome `x`: on the ideal side of its walk-away, inclusive.
    pub fn accepts(&self, x: f64) -> bool {
        match self.walk_away {
            None => true,
            Some(w) if self.ideal() >= w => x >= w,
            Some(w) => x <= w,
        }
    }

    /// The acceptable set as a closed interval within 0..=100.
    pub fn acceptable_range(&self) -> (f64, f64) {
        match self.walk_away {
            None => (0.0, 100.0),
            Some(w) if self.ideal() >= w => (w, 100.0),
            Some(w) => (0.0, w),
        }
    }
}

/// Something a holder can do to a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Leverage", deny_unknown_fields)]
pub struct Leverage {
    pub holder: String,
    pub target: String,
    pub kind: LeverageKind,
    pub instrument: String,
    /// How much it would move the target if applied, 0..=1.
    pub strength: f64,
    /// How believable it is that the holder applies or keeps it, 0..=1.
    pub credibility: f64,
    /// Cost to the holder of using it, 0..=1.
    #[serde(default, skip_serializing_if = "is_default")]
    pub cost: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: LeverageStatus,
    /// Issue ids it bears on; empty means the whole negotiation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LeverageKind {
    /// An inducement.
    Carrot,
    /// A threat or penalty.
    Stick,
    /// The holder's BATNA: what it does without a deal.
    Alternative,
}

impl LeverageKind {
    pub const ALL: [LeverageKind; 3] = [Self::Carrot, Self::Stick, Self::Alternative];
    pub fn label(self) -> &'static str {
        match self {
            Self::Carrot => "Carrot",
            Self::Stick => "Stick",
            Self::Alternative => "Alternative",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum LeverageStatus {
    Threatened,
    Used,
    Withdrawn,
    #[default]
    Available,
}

impl LeverageStatus {
    pub const ALL: [LeverageStatus; 4] = [
        Self::Available,
        Self::Threatened,
        Self::Used,
        Self::Withdrawn,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::Threatened => "Threatened",
            Self::Used => "Used",
            Self::Withdrawn => "Withdrawn",
            Self::Available => "Available",
        }
    }
}

/// A dated happening on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Event", deny_unknown_fields)]
pub struct Event {
    /// ISO date `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    pub kind: EventKind,
    /// Who acted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// Stances this event changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shifts: Vec<Shift>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    Proposal,
    Concession,
    Agreement,
    Rejection,
    Escalation,
    Statement,
    Meeting,
    Deadline,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 9] = [
        Self::Proposal,
        Self::Concession,
        Self::Agreement,
        Self::Rejection,
        Self::Escalation,
        Self::Statement,
        Self::Meeting,
        Self::Deadline,
        Self::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::Proposal => "Proposal",
            Self::Concession => "Concession",
            Self::Agreement => "Agreement",
            Self::Rejection => "Rejection",
            Self::Escalation => "Escalation",
            Self::Statement => "Statement",
            Self::Meeting => "Meeting",
            Self::Deadline => "Deadline",
            Self::Other => "Other",
        }
    }
}

/// The stance a party took on an issue at an event's date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Shift", deny_unknown_fields)]
pub struct Shift {
    pub party: String,
    pub issue: String,
    pub stance: f64,
}

/// A named alternative future: overrides and hypothetical events over the base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Replace the base position of the same (party, issue), or add one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<Position>,
    /// Added to the base; an item with the same holder, target and instrument replaces it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leverage: Vec<Leverage>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub power: Vec<PowerOverride>,
    /// Hypothetical events, usually after `as_of`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PowerOverride", deny_unknown_fields)]
pub struct PowerOverride {
    pub party: String,
    pub power: f64,
}

impl Project {
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    pub fn issue(&self, id: &str) -> Option<&Issue> {
        self.issues.iter().find(|i| i.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The party with id `key`, or else the one named exactly `key` (what a user typing a
    /// name on the command line means).
    pub fn find_party(&self, key: &str) -> Option<&Party> {
        self.party(key)
            .or_else(|| self.parties.iter().find(|p| p.name == key))
    }

    /// The issue with id `key`, or else the one named exactly `key`.
    pub fn find_issue(&self, key: &str) -> Option<&Issue> {
        self.issue(key)
            .or_else(|| self.issues.iter().find(|i| i.name == key))
    }

    /// The scenario with id `key`, or else the one named exactly `key`.
    pub fn find_scenario(&self, key: &str) -> Option<&Scenario> {
        self.scenario(key)
            .or_else(|| self.scenarios.iter().find(|s| s.name == key))
    }

    pub fn position(&self, party: &str, issue: &str) -> Option<&Position> {
        self.positions
            .iter()
            .find(|p| p.party == party && p.issue == issue)
    }

    /// The party's colour as `#RRGGBB`: its own, or the palette's by party order.
    pub fn party_color(&self, id: &str) -> &str {
        let index = self.parties.iter().position(|p| p.id == id).unwrap_or(0);
        self.party_color_at(index)
    }

    /// The colour of the party at `index` of `parties` (a loop over every party uses this:
    /// no search by id).
    pub fn party_color_at(&self, index: usize) -> &str {
        match self.parties.get(index).and_then(|p| p.color.as_deref()) {
            Some(color) => color,
            None => super::PALETTE[index % super::PALETTE.len()],
        }
    }
}

/// Parse a `#RRGGBB` colour into its three bytes.
pub fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Parse a strict ISO calendar date `YYYY-MM-DD` (nothing shorter, longer or looser).
pub fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let year: i16 = text[0..4].parse().ok()?;
    let month: i8 = text[5..7].parse().ok()?;
    let day: i8 = text[8..10].parse().ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}
