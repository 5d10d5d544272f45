//! `stancemap roles FILE --out DIR`: the workshop's role sheets, one PDF per party
//! (`<party id>.pdf`: its confidential brief and the public picture) and `facilitator.pdf`
//! with everything, written as a set: all of them or none.

use super::brief::{PackArgs, failed, load, options};
use crate::brief;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// The folder to write the sheets into (made if missing; sheets there are replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub pack: PackArgs,
}

pub fn run(args: &Args) -> ExitCode {
    let Some(project) = load(&args.file) else {
        return ExitCode::FAILURE;
    };
    let options = options(&args.pack);
    let sheets = match brief::build_roles(&project, &options) {
        Ok(sheets) => sheets,
        Err(e) => return failed("roles", &args.file, &e),
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!(
            "stancemap roles: cannot make the folder {}: {e}",
            args.out.display()
        );
        return ExitCode::FAILURE;
    }
    let files: Vec<(PathBuf, Vec<u8>)> = sheets
        .iter()
        .map(|s| (args.out.join(&s.file_name), s.pack.bytes.clone()))
        .collect();
    if let Err(e) = crate::format::write_export_set(&files) {
        eprintln!("stancemap roles: {e} (no sheet was written)");
        return ExitCode::FAILURE;
    }
    for s in &sheets {
        println!(
            "wrote {} ({} pages)",
            args.out.join(&s.file_name).display(),
            s.pack.pages
        );
        for line in &s.pack.omitted {
            println!("  left out at this size: {line}");
        }
    }
    ExitCode::SUCCESS
}
