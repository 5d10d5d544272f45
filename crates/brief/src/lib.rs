//! The briefing pack: one PDF a policy team can circulate, built from a project in one
//! step: cover, key judgements in sentences, the charts as vector graphics with real text,
//! the scenario comparison, a section per issue with rationales and citations, and the
//! numbered sources. No egui: the CLI (`stancemap brief`) and the app share this.

mod flow;
mod judgements;
mod pdf;
mod roles;
mod sections;

pub use flow::Paper;
pub use roles::{MAX_ROLE_ISSUES, MAX_ROLE_SHEETS, Sheet, build_roles};
pub use sections::{MAX_ISSUE_SECTIONS, MAX_JUDGED_ISSUES};

use stancemap_charts::{ChartInput, ChartOptions, Theme};
use stancemap_core::analysis;
use stancemap_core::model::{Project, ScenarioError};
use std::sync::Arc;

/// What the pack is built for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub paper: Paper,
    /// The scenario (id or exact name); `None` for the base.
    pub scenario: Option<String>,
    /// Time travel: the project as it stood on this date (YYYY-MM-DD).
    pub as_of: Option<String>,
    /// The date the pack says it was produced on.
    pub produced: String,
}

impl Options {
    /// The base, as written, on A4, produced today.
    pub fn new() -> Self {
        Self {
            paper: Paper::A4,
            scenario: None,
            as_of: None,
            produced: today(),
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Self::new()
    }
}

/// Today's date (local time) as YYYY-MM-DD.
pub fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

#[derive(Debug, thiserror::Error)]
pub enum BriefError {
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    #[error("cannot draw the {chart} chart: {message}")]
    Chart {
        chart: &'static str,
        message: String,
    },
    #[error("{0}")]
    TooLarge(String),
    #[error("cannot make the PDF: {0}")]
    Pdf(String),
}

/// A finished pack.
#[derive(Debug, Clone)]
pub struct Pack {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// What the pack left out at this size (also said in the pack).
    pub omitted: Vec<String>,
}

/// Build the briefing pack of `project` (the whole project: the comparison table needs
/// every scenario) for the scenario and date of `options`.
pub fn build(project: &Project, options: &Options) -> Result<Pack, BriefError> {
    let view = project.resolve(options.scenario.as_deref())?;
    let view = match &options.as_of {
        Some(date) => view.as_of(date),
        None => view,
    };
    let analysis = analysis::analyze(&view);
    let deals = analysis::deals(&view);
    let deal_space =
        analysis::deal_space_for(project, &view, &deals, None, options.as_of.as_deref())
            .ok()
            .map(Arc::new);
    let chart_options = ChartOptions {
        deal_space,
        ..ChartOptions::default()
    };
    let inputs = sections::Inputs {
        project,
        view: &view,
        analysis: &analysis,
        deals: &deals,
        chart: ChartInput {
            view: &view,
            analysis: &analysis,
            theme: Theme::Light,
            options: &chart_options,
        },
        options,
    };
    let content = sections::build(&inputs)?;
    let pages = flow::layout(&content.blocks, options.paper);
    let trees = content
        .svgs
        .iter()
        .map(|svg| pdf::parse_svg(svg))
        .collect::<Result<Vec<_>, _>>()
        .map_err(BriefError::Pdf)?;
    let as_of = options
        .as_of
        .clone()
        .or_else(|| view.project.as_of.clone())
        .map_or_else(String::new, |d| format!(", as of {d}"));
    let header = pdf::Header {
        title: view.project.title.clone(),
        context: format!("{}{as_of}", view.scenario_label()),
        footer: format!("Briefing pack · produced {} by stancemap", options.produced),
    };
    let bytes = pdf::write(&pages, &trees, &header, options.paper).map_err(BriefError::Pdf)?;
    Ok(Pack {
        bytes,
        pages: pages.len(),
        omitted: content.omitted,
    })
}
