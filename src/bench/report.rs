//! The bench's results: a readable table, or JSON (`{"small": {...}, "large": {...},
//! "machine": "..."}`) with the sizes in the order they ran.

use super::STEP_LABELS;
use crate::model::generate::GenerateSpec;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Every size measured, and the machine it ran on.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub sizes: Vec<SizeReport>,
    pub machine: String,
}

/// The results for one project size.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeReport {
    pub name: &'static str,
    pub spec: GenerateSpec,
    pub positions: usize,
    pub file_bytes: u64,
    /// Timed runs per step.
    pub runs: usize,
    /// (step key, median milliseconds), in step order.
    pub timings: Vec<(&'static str, f64)>,
    /// Peak resident memory of the process after this size's steps; `None` off Linux.
    pub peak_memory_kb: Option<u64>,
}

impl SizeReport {
    pub fn timing(&self, key: &str) -> Option<f64> {
        self.timings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, ms)| ms)
    }

    fn peak_memory_mb(&self) -> Option<f64> {
        self.peak_memory_kb.map(|kb| round(kb as f64 / 1024.0, 1))
    }
}

/// `value` rounded to `digits` decimals (JSON readers need no nanoseconds).
fn round(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (value * scale).round() / scale
}

impl Serialize for SizeReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("parties", &self.spec.parties)?;
        map.serialize_entry("issues", &self.spec.issues)?;
        map.serialize_entry("events", &self.spec.events)?;
        map.serialize_entry("positions", &self.positions)?;
        map.serialize_entry("file_bytes", &self.file_bytes)?;
        map.serialize_entry("runs", &self.runs)?;
        for (key, ms) in &self.timings {
            map.serialize_entry(key, &round(*ms, 3))?;
        }
        map.serialize_entry("peak_memory_mb", &self.peak_memory_mb())?;
        map.end()
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.sizes.len() + 1))?;
        for size in &self.sizes {
            map.serialize_entry(size.name, size)?;
        }
        map.serialize_entry("machine", &self.machine)?;
        map.end()
    }
}

impl Report {
    /// The results as an aligned text table: one column per size, one row per figure.
    pub fn table(&self) -> String {
        let mut rows: Vec<(String, Vec<String>, String)> = Vec::new();
        let mut row = |label: &str, cells: Vec<String>, note: &str| {
            rows.push((label.to_owned(), cells, note.to_owned()));
        };
        let each = |f: &dyn Fn(&SizeReport) -> String| self.sizes.iter().map(f).collect();
        row("", each(&|s| s.name.to_owned()), "");
        row(
            "project",
            each(&|s| format!("{}x{}x{}", s.spec.parties, s.spec.issues, s.spec.events)),
            "parties x issues x events",
        );
        row("file", each(&|s| bytes(s.file_bytes)), "the .ron file");
        row("runs", each(&|s| s.runs.to_string()), "median of this many");
        let keys: Vec<&str> = self
            .sizes
            .iter()
            .flat_map(|s| s.timings.iter().map(|(k, _)| *k))
            .fold(Vec::new(), |mut keys, k| {
                if !keys.contains(&k) {
                    keys.push(k);
                }
                keys
            });
        for key in keys {
            let note = STEP_LABELS
                .iter()
                .find(|(k, _)| *k == key)
                .map_or("", |(_, label)| label);
            row(
                key,
                each(&|s| s.timing(key).map_or("-".to_owned(), millis)),
                note,
            );
        }
        row(
            "peak memory",
            each(&|s| {
                s.peak_memory_mb()
                    .map_or("n/a".to_owned(), |mb| format!("{mb:.1} MB"))
            }),
            "VmHWM: the process's peak so far",
        );

        let label_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        let cell_width = rows
            .iter()
            .flat_map(|r| r.1.iter().map(String::len))
            .max()
            .unwrap_or(0);
        let mut out = format!("machine: {}\n", self.machine);
        for (label, cells, note) in rows {
            let mut line = format!("{label:<label_width$}");
            for cell in cells {
                line.push_str(&format!("  {cell:>cell_width$}"));
            }
            if !note.is_empty() {
                line.push_str(&format!("  {note}"));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Milliseconds with three significant figures or more: 0.123, 1.23, 12.3, 123.
pub(crate) fn millis(ms: f64) -> String {
    if ms < 1.0 {
        format!("{ms:.3}")
    } else if ms < 10.0 {
        format!("{ms:.2}")
    } else if ms < 100.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.0}")
    }
}

/// A file size in B, KB or MB (powers of 1000, as file managers show them).
pub(crate) fn bytes(n: u64) -> String {
    if n < 1000 {
        format!("{n} B")
    } else if n < 1_000_000 {
        format!("{:.1} KB", n as f64 / 1e3)
    } else {
        format!("{:.1} MB", n as f64 / 1e6)
    }
}
