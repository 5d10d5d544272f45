//! The `stancemap` binary: parse the command line and hand over to the library.

fn main() -> std::process::ExitCode {
    // Rust ignores SIGPIPE, so printing into a closed pipe (`stancemap check FILE | head`)
    // would panic; a command-line tool should simply stop, as any Unix tool does.
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    stancemap::cli::main()
}
