//! stancemap's core: the domain and every computation, with no user interface. The app, the
//! charts and the command line are layers over it; nothing here knows egui or a window.

pub mod analysis; // the figures of the analysis: outcome, ZOPA, concession, leverage, sensitivity
pub mod diff; // the semantic diff of two projects and its effect on the analysis
pub mod edits; // edits touching several lists: add with fresh ids, delete with dependents
pub mod files; // open, save, restore, disk check and autosave as outcomes, for the editor
pub mod format; // the .ron file: read, validate, write canonically, save atomically
pub mod import; // actor tables of the expected-utility literature (BDM, KTAB CSV) into a project
pub mod model; // the domain types, scenario resolution and the synthetic project generator
pub mod simulation; // round-by-round expected-utility bargaining (Scholz et al. replication)
#[cfg(test)]
mod testing;
pub mod words; // counts with nouns in agreement, for the sentences we write // what the unit tests share: the sample, builders, the published example
