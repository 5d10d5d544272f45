//! Where file paths come from: the system's file dialogs (rfd), or a script in tests, behind
//! one trait. Every request says what it asks for (a `PathRequest`), so that when the
//! system's dialog cannot be shown (no xdg-desktop-portal and no zenity: rfd then answers
//! as if the user had cancelled) the app can ask the same thing in its own dialog
//! (`path_dialog`) instead of silently doing nothing.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What kind of path a request wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    /// An existing file to read.
    OpenFile,
    /// A file to write (it may exist).
    SaveFile,
    /// A folder to write into (it may be made).
    Folder,
}

/// One request for a path, as both the system's dialog and the app's own show it.
#[derive(Debug, Clone, PartialEq)]
pub struct PathRequest {
    pub kind: PathKind,
    pub title: &'static str,
    /// (filter name, extensions without the dot); the first extension is the default.
    pub filters: Vec<(&'static str, &'static [&'static str])>,
    /// The file name suggested for a `SaveFile`.
    pub file_name: Option<String>,
    /// The folder to start in: the open project's, when it has one.
    pub folder: Option<PathBuf>,
}

impl PathRequest {
    fn new(kind: PathKind, title: &'static str) -> Self {
        Self {
            kind,
            title,
            filters: Vec::new(),
            file_name: None,
            folder: None,
        }
    }

    fn filter(mut self, name: &'static str, extensions: &'static [&'static str]) -> Self {
        self.filters.push((name, extensions));
        self
    }

    fn named(mut self, file_name: &str) -> Self {
        self.file_name = Some(file_name.to_owned());
        self
    }

    /// The extension a typed name without one gets.
    pub fn default_extension(&self) -> Option<&'static str> {
        self.filters.first().and_then(|(_, e)| e.first().copied())
    }
}

/// The source of paths. Implementors answer `ask`; the other methods build the requests.
pub trait FileDialogs {
    /// The answer to `request`, or `None` when cancelled (or when no dialog could be
    /// shown: then `take_unavailable` returns the request).
    fn ask(&mut self, request: PathRequest) -> Option<PathBuf>;

    /// The request the last `ask` could not show, once: the app asks it in its own dialog.
    fn take_unavailable(&mut self) -> Option<PathRequest>;

    /// Answer the next request with `path` (chosen in the app's own dialog).
    fn provide(&mut self, path: PathBuf);

    /// The folder requests start in (the open project's).
    fn start_in(&mut self, folder: Option<&Path>);

    /// A project file to open.
    fn open_path(&mut self) -> Option<PathBuf> {
        self.ask(
            PathRequest::new(PathKind::OpenFile, "Open a stancemap project")
                .filter("stancemap project", &["ron"]),
        )
    }
    /// Where to save the project, suggesting `file_name`.
    fn save_path(&mut self, file_name: &str) -> Option<PathBuf> {
        self.ask(
            PathRequest::new(PathKind::SaveFile, "Save the stancemap project")
                .filter("stancemap project", &["ron"])
                .named(file_name),
        )
    }
    /// A folder to export charts into.
    fn folder_path(&mut self) -> Option<PathBuf> {
        self.ask(PathRequest::new(
            PathKind::Folder,
            "Export the charts into this folder",
        ))
    }
    /// Where to save one chart (SVG or PNG by its extension), suggesting `file_name`.
    fn chart_path(&mut self, file_name: &str) -> Option<PathBuf> {
        self.ask(
            PathRequest::new(PathKind::SaveFile, "Export the chart")
                .filter("SVG image", &["svg"])
                .filter("PNG image", &["png"])
                .named(file_name),
        )
    }
    /// A CSV table of positions to import.
    fn csv_open_path(&mut self) -> Option<PathBuf> {
        self.ask(
            PathRequest::new(PathKind::OpenFile, "Import positions from a CSV table")
                .filter("CSV table", &["csv"]),
        )
    }
    /// Where to write a CSV table of positions, suggesting `file_name`.
    fn csv_save_path(&mut self, file_name: &str) -> Option<PathBuf> {
        self.ask(
            PathRequest::new(PathKind::SaveFile, "Export the positions as a CSV table")
                .filter("CSV table", &["csv"])
                .named(file_name),
        )
    }
    /// Where to write the briefing pack (PDF), suggesting `file_name`.
    fn pdf_path(&mut self, file_name: &str) -> Option<PathBuf> {
        self.ask(
            PathRequest::new(PathKind::SaveFile, "Export the briefing pack")
                .filter("PDF document", &["pdf"])
                .named(file_name),
        )
    }
    /// A folder to write the role sheets into.
    fn roles_folder(&mut self) -> Option<PathBuf> {
        self.ask(PathRequest::new(
            PathKind::Folder,
            "Write the role sheets (one PDF per party) into this folder",
        ))
    }
}

/// Set when rfd reports (through the `log` crate) that it could show no dialog at all.
static NO_DIALOG: AtomicBool = AtomicBool::new(false);

/// A logger that only listens for rfd's "failed with zenity" errors: the one sign that no
/// dialog could be shown (rfd answers `None`, as for a cancel). It prints nothing.
struct RfdWatch;

impl log::Log for RfdWatch {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= log::Level::Error && metadata.target().starts_with("rfd")
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            NO_DIALOG.store(true, Ordering::SeqCst);
        }
    }

    fn flush(&self) {}
}

/// The operating system's file dialogs (rfd: xdg-desktop-portal, else zenity, on Linux).
#[derive(Default)]
pub struct NativeDialogs {
    provided: Option<PathBuf>,
    unavailable: Option<PathRequest>,
    folder: Option<PathBuf>,
}

impl NativeDialogs {
    pub fn new() -> Self {
        // Another logger may be installed already (then rfd's errors are its business,
        // and a dialog that cannot be shown reads as a cancel, as before).
        if log::set_boxed_logger(Box::new(RfdWatch)).is_ok() {
            log::set_max_level(log::LevelFilter::Error);
        }
        Self::default()
    }
}

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, mut request: PathRequest) -> Option<PathBuf> {
        if let Some(path) = self.provided.take() {
            return Some(path);
        }
        request.folder = request.folder.or_else(|| self.folder.clone());
        let mut dialog = rfd::FileDialog::new().set_title(request.title);
        for (name, extensions) in &request.filters {
            dialog = dialog.add_filter(*name, extensions);
        }
        if let Some(name) = &request.file_name {
            dialog = dialog.set_file_name(name);
        }
        if let Some(folder) = &request.folder {
            dialog = dialog.set_directory(folder);
        }
        NO_DIALOG.store(false, Ordering::SeqCst);
        let answer = match request.kind {
            PathKind::OpenFile => dialog.pick_file(),
            PathKind::SaveFile => dialog.save_file(),
            PathKind::Folder => dialog.pick_folder(),
        };
        if answer.is_none() && NO_DIALOG.swap(false, Ordering::SeqCst) {
            self.unavailable = Some(request);
        }
        answer
    }

    fn take_unavailable(&mut self) -> Option<PathRequest> {
        self.unavailable.take()
    }

    fn provide(&mut self, path: PathBuf) {
        self.provided = Some(path);
    }

    fn start_in(&mut self, folder: Option<&Path>) {
        self.folder = folder.map(Path::to_path_buf);
    }
}

/// Answers dialogs from a queue the test fills; an empty queue means "cancelled", and
/// `without_dialogs` makes every request act as on a machine with no dialog helper.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    pub answers: Arc<Mutex<VecDeque<PathBuf>>>,
    no_dialog: Arc<AtomicBool>,
    unavailable: Arc<Mutex<Option<PathRequest>>>,
    /// Every request asked, for tests that check what was asked.
    pub asked: Arc<Mutex<Vec<PathRequest>>>,
    folder: Arc<Mutex<Option<PathBuf>>>,
}

impl ScriptedDialogs {
    pub fn push(&self, path: PathBuf) {
        if let Ok(mut queue) = self.answers.lock() {
            queue.push_back(path);
        }
    }

    /// From now on no dialog can be shown (until an answer is provided in the app).
    pub fn without_dialogs(&self) {
        self.no_dialog.store(true, Ordering::SeqCst);
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, mut request: PathRequest) -> Option<PathBuf> {
        request.folder = request
            .folder
            .or_else(|| self.folder.lock().ok().and_then(|f| f.clone()));
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(request.clone());
        }
        let queued = self.answers.lock().ok()?.pop_front();
        if queued.is_none()
            && self.no_dialog.load(Ordering::SeqCst)
            && let Ok(mut slot) = self.unavailable.lock()
        {
            *slot = Some(request);
        }
        queued
    }

    fn take_unavailable(&mut self) -> Option<PathRequest> {
        self.unavailable.lock().ok()?.take()
    }

    fn provide(&mut self, path: PathBuf) {
        self.push(path);
    }

    fn start_in(&mut self, folder: Option<&Path>) {
        if let Ok(mut slot) = self.folder.lock() {
            *slot = folder.map(Path::to_path_buf);
        }
    }
}
