//! The state of the window around the document: the view shown, the selection, the active
//! scenario and time-travel date, the project as the views show it (resolved, cached by
//! revision), the views' own state and the queue of commands waiting for `logic`.

use crate::cached::Cached;
use crate::document::Document;
use crate::model::{Project, View};
use crate::views::{self, ViewKind};
use crate::{
    Command, analysis_cache, deals_cache, export, focus, simulation_cache, teams, writing,
};
use std::sync::Arc;

/// What the user has selected; the inspector edits it.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    Party(String),
    Issue(String),
    /// A (party, issue) cell of the positions grid, filled or empty.
    Cell {
        party: String,
        issue: String,
    },
    /// Leverage item `index` of the base list (`scenario` None) or of a scenario's list.
    Leverage {
        scenario: Option<String>,
        index: usize,
    },
    /// Event `index` of the base timeline or of a scenario's hypothetical events.
    Event {
        scenario: Option<String>,
        index: usize,
    },
    Source(usize),
    Scenario(String),
}

/// What the views' project is resolved for: the document's revision, the active scenario
/// and the time-travel date.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ViewKey {
    revision: u64,
    scenario: Option<String>,
    as_of: Option<String>,
}

/// The state of the window around the document: the view shown, the selection, the active
/// scenario and the queue of commands waiting for `logic`.
pub struct Shell {
    pub view: ViewKind,
    pub selection: Option<Selection>,
    /// The scenario every view shows (None = the base project).
    pub scenario: Option<String>,
    /// Time travel: every view shows the project as it stood on this date (None = as written).
    pub as_of: Option<String>,
    pub(crate) commands: Vec<Command>,
    pub leverage_sort: views::leverage::Sort,
    /// The resolved view, and what it was resolved for.
    resolved: Cached<ViewKey, Arc<View>>,
    /// The analysis and drawn charts of the active scenario (see `analysis_cache`).
    pub analysis: analysis_cache::AnalysisCache,
    /// The deal figures, computed off the UI thread (see `deals_cache`).
    pub deals: deals_cache::DealsCache,
    pub analysis_view: views::analysis::State,
    pub export: export::ExportState,
    /// The open "Compare with…" result; its changed cells are outlined in the grid.
    pub differences: Option<teams::Differences>,
    /// A stance being typed straight into the selected grid cell.
    pub typing: Option<views::grid_entry::Typing>,
    /// The simulation of the active scenario, computed off the UI thread.
    pub simulation: simulation_cache::SimulationCache,
    pub simulation_view: views::simulation::State,
    /// The export (briefing, role sheets, charts) being written on a worker thread.
    pub writing: writing::Writing,
    /// Keyboard focus between the view and the inspector (Tab, F6, Enter on a cell).
    pub pane: focus::PaneFocus,
    /// The page of party columns the positions grid shows.
    pub column_page: views::positions::ColumnPage,
}

impl Shell {
    pub(crate) fn new(view: ViewKind) -> Self {
        Self {
            view,
            selection: None,
            scenario: None,
            as_of: None,
            commands: Vec::new(),
            leverage_sort: views::leverage::Sort::default(),
            resolved: Cached::default(),
            analysis: analysis_cache::AnalysisCache::default(),
            deals: deals_cache::DealsCache::default(),
            analysis_view: views::analysis::State::default(),
            export: export::ExportState::default(),
            differences: None,
            typing: None,
            simulation: simulation_cache::SimulationCache::default(),
            simulation_view: views::simulation::State::default(),
            writing: writing::Writing::default(),
            pane: focus::PaneFocus::default(),
            column_page: views::positions::ColumnPage::default(),
        }
    }

    /// Ask `logic` to run `command` (at the start of the next frame).
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Another document replaced the open one: what referred to the old one goes.
    pub(crate) fn forget_document(&mut self) {
        self.selection = None;
        self.scenario = None;
        self.resolved = Cached::default();
        self.differences = None;
        self.typing = None;
        self.deals = deals_cache::DealsCache::default();
    }

    /// The project as every view shows it: the base, or the base with the active scenario
    /// applied, as of the time-travel date. Cached by document revision.
    pub fn resolved(&mut self, doc: &Document) -> Arc<View> {
        let key = ViewKey {
            revision: doc.revision(),
            scenario: self.scenario.clone(),
            as_of: self.as_of.clone(),
        };
        if let Some(view) = self.resolved.get(&key) {
            return view.clone();
        }
        let view = match self.view_of(doc, self.scenario.as_deref()) {
            Ok(view) => view,
            Err(_) => {
                // The scenario went away (deleted, or undone): fall back to the base.
                self.scenario = None;
                let mut base = doc.project().clone();
                base.scenarios.clear();
                View {
                    hypothetical: vec![false; base.events.len()],
                    project: base,
                    scenario: None,
                }
            }
        };
        let view = Arc::new(view);
        self.resolved.set(key, view.clone());
        view
    }

    /// `scenario` (None = the base) resolved and taken to the time-travel date.
    pub fn view_of(
        &self,
        doc: &Document,
        scenario: Option<&str>,
    ) -> Result<View, crate::model::ScenarioError> {
        let view = doc.project().resolve(scenario)?;
        Ok(match &self.as_of {
            Some(date) => view.as_of(date),
            None => view,
        })
    }

    /// Step the time-travel date to the previous or next event date of the active scenario
    /// (after the last event: the project as written).
    pub fn step_as_of(&mut self, doc: &Document, forward: bool) {
        let Ok(view) = doc.project().resolve(self.scenario.as_deref()) else {
            return;
        };
        let mut dates: Vec<&str> = view
            .project
            .events
            .iter()
            .map(|e| e.date.as_str())
            .collect();
        dates.sort_unstable();
        dates.dedup();
        let current = self.as_of.as_deref();
        let next = if forward {
            current.and_then(|c| dates.iter().find(|d| **d > c))
        } else {
            match current {
                None => dates.last(),
                Some(c) => dates.iter().rev().find(|d| **d < c).or(dates.first()),
            }
        };
        self.as_of = next.map(|d| (*d).to_owned());
    }

    /// Index of the active scenario in the project's list.
    pub fn scenario_index(&self, project: &Project) -> Option<usize> {
        let id = self.scenario.as_deref()?;
        project.scenarios.iter().position(|s| s.id == id)
    }

    pub fn select(&mut self, selection: Selection) {
        self.selection = Some(selection);
    }

    /// Select an item just added: its form's main field takes the cursor.
    pub fn select_new(&mut self, selection: Selection) {
        self.select(selection);
        self.pane.item_added();
    }
}
