//! The sample projects, embedded in the binary so File ▸ Open sample works anywhere.

pub struct Sample {
    /// The label in File ▸ Open sample.
    pub title: &'static str,
    /// The file's name in `sample_projects/`, suggested when saving a copy.
    pub file_name: &'static str,
    pub text: &'static str,
}

pub const SAMPLES: [Sample; 3] = [
    Sample {
        title: "Ceasefire talks, March 2025 (seed case)",
        file_name: "ceasefire-2025.ron",
        text: include_str!("../../../sample_projects/ceasefire-2025.ron"),
    },
    Sample {
        title: "Dockworkers' contract talks (teaching case)",
        file_name: "labour-contract.ron",
        text: include_str!("../../../sample_projects/labour-contract.ron"),
    },
    Sample {
        title: "Sharing a river basin (teaching case)",
        file_name: "river-basin.ron",
        text: include_str!("../../../sample_projects/river-basin.ron"),
    },
];

/// The project of sample `index`, if it exists and loads.
pub fn project(index: usize) -> Option<crate::model::Project> {
    let sample = SAMPLES.get(index)?;
    crate::format::load_bytes(sample.text.as_bytes())
        .ok()
        .map(|loaded| loaded.project)
}

/// The built-in project shown on first run: the ceasefire case.
pub const DEFAULT_SAMPLE: usize = 0;

#[cfg(test)]
mod tests {
    #[test]
    fn every_sample_loads() {
        for sample in &super::SAMPLES {
            let loaded = crate::format::load_bytes(sample.text.as_bytes());
            assert!(loaded.is_ok(), "{}: {:?}", sample.file_name, loaded.err());
        }
    }
}
