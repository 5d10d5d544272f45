//! The analysis behind the analysis and chart views, and the charts' painted shapes, cached
//! by document revision, active scenario, theme and size: a frame where none of them changed
//! recomputes nothing and redraws no chart, it re-adds the shapes recorded last time.

use super::Shell;
use super::cached::{Cached, Same};
use super::document::Document;
use crate::analysis::{self, Analysis, Comparison, Explanation};
use crate::charts::{
    Chart, ChartError, ChartInput, ChartLayout, ChartOptions, Theme, egui_backend,
};
use crate::model::View;
use eframe::egui;
use egui::{Pos2, Rect, Shape, Vec2};
use plotters::prelude::IntoDrawingArea;
use std::collections::HashMap;
use std::sync::Arc;

/// More drawn charts than this (sizes while a window is resized) are dropped together.
const MAX_CHARTS: usize = 24;

/// The resolved project of the active scenario and its analysis.
#[derive(Clone)]
pub struct Snapshot {
    pub view: Arc<View>,
    pub analysis: Arc<Analysis>,
}

/// (before, after) scenario ids of a comparison; None = the base.
type ScenarioPair = (Option<String>, Option<String>);

/// What identifies one drawing of a chart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ChartKey {
    chart: Chart,
    theme: Theme,
    /// Width and height in points.
    size: (u32, u32),
    /// `ChartOptions` fields: trajectory issue, tornado length.
    issue: Option<String>,
    top: Option<usize>,
    /// The deal space's pair and whether it came computed (it is, once the worker is done).
    pair: Option<(String, String)>,
    deal_space: bool,
    /// Points to pixels, in thousandths: text is laid out for it.
    ppp: u32,
}

/// A chart as painted once: its shapes (relative to `origin`) and where its marks are.
struct Drawn {
    shapes: Vec<Shape>,
    origin: Pos2,
    layout: Arc<ChartLayout>,
    /// The font atlas' fill when drawn: a lower fill later means egui rebuilt the atlas and
    /// the recorded text points into glyphs that are gone.
    atlas_fill: f32,
}

/// The cache, kept in the `Shell`. Everything in it hangs off `current`: when the project,
/// its revision or the active scenario change, the rest is dropped with it.
#[derive(Default)]
pub struct AnalysisCache {
    /// By the resolved view, which `Shell::resolved` makes anew for every document,
    /// revision, scenario and date.
    current: Cached<Same<View>, Snapshot>,
    /// Analyses of other scenarios (None = base) for comparisons.
    others: Vec<(Option<String>, Option<Arc<Analysis>>)>,
    explanations: HashMap<String, Option<Arc<Explanation>>>,
    /// Comparisons of (before, after) scenarios (None = base).
    comparisons: Vec<(ScenarioPair, Arc<Comparison>)>,
    charts: HashMap<ChartKey, Drawn>,
    /// Where each chart was last shown on screen, and its layout.
    shown: HashMap<Chart, (Rect, Arc<ChartLayout>)>,
    analyses_computed: u64,
    charts_drawn: u64,
    /// Lookups the list views need, by the resolved view they were built from.
    index: Cached<Same<View>, Arc<ProjectIndex>>,
}

/// What the list views would otherwise find by scanning the whole project every frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectIndex {
    /// Positions of each party of the resolved view (by its place in the list).
    pub party_positions: Vec<usize>,
    /// Positions of each issue of the base project (by its place in the list).
    pub issue_positions: Vec<usize>,
    /// The resolved view's position of (issue `i`, party `p`) at `i * parties + p`.
    pub cells: Vec<Option<usize>>,
    /// The timeline's rows in date order: (hypothetical, index) of a base event, or of an
    /// event of the active scenario when hypothetical.
    pub timeline: Vec<(bool, usize)>,
}

impl ProjectIndex {
    fn build(doc: &Document, view: &View, scenario: Option<&str>) -> Self {
        let project = &view.project;
        let parties: HashMap<&str, usize> = project
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let issues: HashMap<&str, usize> = project
            .issues
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), i))
            .collect();
        let mut party_positions = vec![0; project.parties.len()];
        let mut cells = vec![None; project.parties.len() * project.issues.len()];
        for (k, p) in project.positions.iter().enumerate() {
            let party = parties.get(p.party.as_str()).copied();
            if let Some(n) = party.and_then(|i| party_positions.get_mut(i)) {
                *n += 1;
            }
            if let (Some(party), Some(&issue)) = (party, issues.get(p.issue.as_str()))
                && let Some(cell) = cells.get_mut(issue * project.parties.len() + party)
            {
                // The first wins, as `Project::position` finds it.
                cell.get_or_insert(k);
            }
        }
        let base = doc.project();
        let base_issues: HashMap<&str, usize> = base
            .issues
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), i))
            .collect();
        let mut issue_positions = vec![0; base.issues.len()];
        for p in &base.positions {
            if let Some(n) = base_issues
                .get(p.issue.as_str())
                .and_then(|&i| issue_positions.get_mut(i))
            {
                *n += 1;
            }
        }
        let hypothetical = scenario
            .and_then(|id| base.scenario(id))
            .map_or(&[][..], |s| s.events.as_slice());
        let date = |&(h, i): &(bool, usize)| {
            let list = if h { hypothetical } else { &base.events };
            list.get(i).map(|e| e.date.as_str())
        };
        let mut timeline: Vec<(bool, usize)> = (0..base.events.len())
            .map(|i| (false, i))
            .chain((0..hypothetical.len()).map(|i| (true, i)))
            .collect();
        timeline.sort_by(|a, b| date(a).cmp(&date(b)));
        Self {
            party_positions,
            issue_positions,
            cells,
            timeline,
        }
    }
}

/// The list views' lookups for the active scenario, rebuilt only when the resolved view
/// changes (a new revision, scenario or document).
pub fn index(shell: &mut Shell, doc: &Document) -> Arc<ProjectIndex> {
    let view = shell.resolved(doc);
    let scenario = shell.scenario.as_deref();
    shell
        .analysis
        .index
        .get_or_compute(Same(view.clone()), || {
            Arc::new(ProjectIndex::build(doc, &view, scenario))
        })
        .clone()
}

impl AnalysisCache {
    /// How many analyses have been computed (each counts once per change, not per frame).
    pub fn analyses_computed(&self) -> u64 {
        self.analyses_computed
    }

    /// How many times a chart was drawn rather than replayed.
    pub fn charts_drawn(&self) -> u64 {
        self.charts_drawn
    }

    /// Where `chart` was last shown (screen rectangle) and where its marks are within it.
    pub fn last_shown(&self, chart: Chart) -> Option<(Rect, Arc<ChartLayout>)> {
        self.shown.get(&chart).cloned()
    }

    /// The screen point at the centre of the region of `chart` for (`party`, `issue`).
    pub fn region_centre(
        &self,
        chart: Chart,
        party: Option<&str>,
        issue: Option<&str>,
    ) -> Option<Pos2> {
        let (rect, layout) = self.shown.get(&chart)?;
        let region = layout
            .regions
            .iter()
            .find(|r| r.party.as_deref() == party && r.issue.as_deref() == issue)?;
        let [x0, y0, x1, y1] = region.rect.map(|v| v as f32);
        Some(rect.min + Vec2::new((x0 + x1) / 2.0, (y0 + y1) / 2.0))
    }
}

/// The active scenario's view and analysis, recomputed only when the document's revision,
/// the scenario or the document itself changed.
pub fn current(shell: &mut Shell, doc: &Document) -> Snapshot {
    // The resolved view stands for the revision and the scenario: a new allocation for each
    // (and for a new document, whose revisions start again).
    let view = shell.resolved(doc);
    let cache = &mut shell.analysis;
    cache
        .current
        .get_or_compute(Same(view.clone()), || {
            cache.analyses_computed += 1;
            cache.others.clear();
            cache.explanations.clear();
            cache.comparisons.clear();
            cache.charts.clear();
            Snapshot {
                analysis: Arc::new(analysis::analyze(&view)),
                view,
            }
        })
        .clone()
}

/// The analysis of `scenario` (None = the base), for comparisons; `None` when that scenario
/// does not exist.
pub fn analysis_of(
    shell: &mut Shell,
    doc: &Document,
    scenario: Option<&str>,
) -> Option<Arc<Analysis>> {
    let snap = current(shell, doc);
    if shell.scenario.as_deref() == scenario {
        return Some(snap.analysis);
    }
    if let Some((_, found)) = shell
        .analysis
        .others
        .iter()
        .find(|(id, _)| id.as_deref() == scenario)
    {
        return found.clone();
    }
    let found = shell
        .view_of(doc, scenario)
        .ok()
        .map(|view| Arc::new(analysis::analyze(&view)));
    let cache = &mut shell.analysis;
    cache.analyses_computed += u64::from(found.is_some());
    cache
        .others
        .push((scenario.map(str::to_owned), found.clone()));
    found
}

/// How `after` differs from `before` (scenario ids, None = the base); `None` when either
/// scenario does not exist.
pub fn comparison(
    shell: &mut Shell,
    doc: &Document,
    before: Option<&str>,
    after: Option<&str>,
) -> Option<Arc<Comparison>> {
    let b = analysis_of(shell, doc, before)?;
    let a = analysis_of(shell, doc, after)?;
    let key = (before.map(str::to_owned), after.map(str::to_owned));
    let cache = &mut shell.analysis;
    if let Some((_, found)) = cache.comparisons.iter().find(|(k, _)| *k == key) {
        return Some(found.clone());
    }
    let found = Arc::new(analysis::compare(&b, &a));
    cache.comparisons.push((key, found.clone()));
    Some(found)
}

/// The terms behind the outcome of `issue` in the active scenario.
pub fn explanation(shell: &mut Shell, doc: &Document, issue: &str) -> Option<Arc<Explanation>> {
    let snap = current(shell, doc);
    shell
        .analysis
        .explanations
        .entry(issue.to_owned())
        .or_insert_with(|| analysis::explain(&snap.view, issue).map(Arc::new))
        .clone()
}

/// The theme of the on-screen charts: the app's own.
pub fn theme_of(ui: &egui::Ui) -> Theme {
    if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// A chart on screen: its response and where its marks are (in points from `rect.min`).
pub struct ChartShown {
    pub response: egui::Response,
    pub layout: Arc<ChartLayout>,
    /// Why it could not be drawn, if it could not.
    pub error: Option<String>,
}

impl ChartShown {
    /// The region under the pointer, in chart coordinates.
    pub fn hovered(&self) -> Option<&crate::charts::Region> {
        let pos = self.response.hover_pos()?;
        let at = pos - self.response.rect.min;
        self.layout.hit(f64::from(at.x), f64::from(at.y))
    }

    /// The region clicked this frame.
    pub fn clicked(&self) -> Option<&crate::charts::Region> {
        if !self.response.clicked() {
            return None;
        }
        let pos = self.response.interact_pointer_pos()?;
        let at = pos - self.response.rect.min;
        self.layout.hit(f64::from(at.x), f64::from(at.y))
    }
}

/// Allocate `size` and paint `chart` of the active scenario there: drawn through the egui
/// backend the first time, replayed from the recorded shapes while nothing changed.
pub fn chart_ui(
    ui: &mut egui::Ui,
    shell: &mut Shell,
    doc: &Document,
    chart: Chart,
    options: &ChartOptions,
    size: Vec2,
) -> ChartShown {
    chart_ui_drawn_by(ui, shell, doc, chart, options, size, &|area, input| {
        chart.draw(area, input)
    })
}

/// How a chart is drawn onto the app's canvas.
pub type DrawChart<'a> = dyn Fn(&EguiArea<'_>, &ChartInput) -> Result<ChartLayout, ChartError> + 'a;

/// The egui drawing area a chart paints into.
pub type EguiArea<'p> =
    plotters::prelude::DrawingArea<egui_backend::EguiBackend<'p>, plotters::coord::Shift>;

/// `chart_ui` with the drawing done by `draw`, for a chart drawn from more than the
/// analysis (the Simulation view hands in its simulation). The recorded shapes are
/// dropped with the analysis, so `draw` must depend only on the current snapshot.
pub fn chart_ui_drawn_by(
    ui: &mut egui::Ui,
    shell: &mut Shell,
    doc: &Document,
    chart: Chart,
    options: &ChartOptions,
    size: Vec2,
    draw: &DrawChart<'_>,
) -> ChartShown {
    let snap = current(shell, doc);
    let size = size.round();
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let painter = ui.painter_at(rect);
    let ctx = ui.ctx().clone();
    let atlas_fill = ctx.fonts(|f| f.font_atlas_fill_ratio());
    let theme = theme_of(ui);
    let key = ChartKey {
        chart,
        theme,
        size: (size.x as u32, size.y as u32),
        issue: options.issue.clone(),
        top: options.top,
        pair: options.pair.clone(),
        deal_space: options.deal_space.is_some(),
        ppp: (ctx.pixels_per_point() * 1000.0).round() as u32,
    };
    let cache = &mut shell.analysis;
    if let Some(drawn) = cache.charts.get(&key)
        && atlas_fill >= drawn.atlas_fill
    {
        let layout = drawn.layout.clone();
        cache.shown.insert(chart, (rect, layout.clone()));
        // Scrolled out of sight: thousands of shapes to copy for nothing.
        if ui.is_rect_visible(rect) {
            let delta = rect.min - drawn.origin;
            painter.extend(drawn.shapes.iter().cloned().map(|mut s| {
                s.translate(delta);
                s
            }));
        }
        return ChartShown {
            response,
            layout,
            error: None,
        };
    }
    let input = ChartInput {
        view: &snap.view,
        analysis: &snap.analysis,
        theme,
        options,
    };
    let (result, shapes) = draw_recorded(ui, &painter, rect, |area| draw(area, &input));
    cache.charts_drawn += 1;
    let (layout, error) = match result {
        Ok(layout) => (Arc::new(layout), None),
        Err(e) => (Arc::new(ChartLayout::default()), Some(e.to_string())),
    };
    if let Some(shapes) = shapes.filter(|_| error.is_none()) {
        if cache.charts.len() >= MAX_CHARTS {
            cache.charts.clear();
        }
        let drawn = Drawn {
            shapes,
            origin: rect.min,
            layout: layout.clone(),
            atlas_fill: ctx.fonts(|f| f.font_atlas_fill_ratio()),
        };
        cache.charts.insert(key, drawn);
    }
    cache.shown.insert(chart, (rect, layout.clone()));
    if let Some(e) = &error {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            format!("This chart could not be drawn: {e}"),
            egui::FontId::proportional(14.0),
            ui.visuals().error_fg_color,
        );
    }
    ChartShown {
        response,
        layout,
        error,
    }
}

/// Draw a chart into `rect` through the egui backend, and the shapes it painted, to replay
/// in later frames: none when the painter alters shapes (faded or invisible), which are
/// then drawn again next time instead.
fn draw_recorded<T>(
    ui: &egui::Ui,
    painter: &egui::Painter,
    rect: Rect,
    draw: impl FnOnce(&EguiArea<'_>) -> T,
) -> (T, Option<Vec<Shape>>) {
    let ctx = ui.ctx();
    let layer = painter.layer_id();
    let start = ctx.graphics(|g| g.get(layer).map_or(0, |l| l.next_idx().0));
    let result = {
        let area = egui_backend::EguiBackend::new(painter, rect).into_drawing_area();
        draw(&area)
    };
    let faithful = painter.opacity() >= 1.0 && ui.is_visible();
    let shapes = faithful.then(|| {
        ctx.graphics(|g| {
            g.get(layer).map_or_else(Vec::new, |l| {
                l.all_entries()
                    .skip(start)
                    .map(|c| c.shape.clone())
                    .collect()
            })
        })
    });
    (result, shapes)
}

/// The rectangle of a region in screen coordinates.
pub fn region_rect(shown: &ChartShown, region: &crate::charts::Region) -> Rect {
    let [x0, y0, x1, y1] = region.rect.map(|v| v as f32);
    Rect::from_min_max(
        shown.response.rect.min + Vec2::new(x0, y0),
        shown.response.rect.min + Vec2::new(x1, y1),
    )
}
