//! What the core's unit tests share: the ceasefire sample, a project read from text, party
//! and issue builders, and the published ten-actor example of the bargaining literature.

use crate::model::{Issue, Party, Project, Role};

/// The built-in ceasefire sample.
pub fn ceasefire() -> Project {
    load(include_str!("../../../sample_projects/ceasefire-2025.ron"))
}

/// The project in `text`, which must load.
pub fn load(text: &str) -> Project {
    match crate::format::load_str(text) {
        Ok(loaded) => loaded.project,
        Err(e) => panic!("test fixture does not load: {e}"),
    }
}

pub fn party(id: &str, name: &str, role: Role, power: f64) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        role,
        power,
        color: None,
        notes: String::new(),
    }
}

/// An issue whose scale runs from "none" to "all".
pub fn issue(id: &str, name: &str) -> Issue {
    Issue {
        id: id.into(),
        name: name.into(),
        low: "none".into(),
        high: "all".into(),
        marks: vec![],
        notes: String::new(),
    }
}

/// The ten-actor example of Bueno de Mesquita's European Community case, as used in
/// Scholz, Calbert & Smith (2011), "Unravelling Bueno De Mesquita's group decision model",
/// J. Theoretical Politics 23(4); data as in the replication
/// jmckib/bdm-scholz-expected-utility-model, ExampleActors.csv (positions 0..10):
/// (actor, capability c, position x, salience s), in the published order.
pub const SCHOLZ_EXAMPLE: [(&str, f64, f64, f64); 10] = [
    ("Netherlands", 0.08, 4.0, 0.8),
    ("Belgium", 0.08, 7.0, 0.4),
    ("Luxembourg", 0.03, 4.0, 0.2),
    ("Germany", 0.16, 4.0, 0.8),
    ("France", 0.16, 10.0, 0.6),
    ("Italy", 0.16, 10.0, 0.6),
    ("UK", 0.16, 10.0, 0.9),
    ("Ireland", 0.05, 7.0, 0.1),
    ("Denmark", 0.05, 4.0, 1.0),
    ("Greece", 0.08, 7.0, 0.7),
];
