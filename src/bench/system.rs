//! What the bench ran on: the machine's description and the process's peak memory.

/// `CPU model (N cores), OS`, e.g. `AMD EPYC (2 cores), Ubuntu 24.04.2 LTS, Linux 6.8.0, x86_64`.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| cpu_model(&text))
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut os = Vec::new();
    if let Some(name) = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| os_name(&text))
    {
        os.push(name);
    }
    match std::fs::read_to_string("/proc/sys/kernel/osrelease") {
        Ok(kernel) => os.push(format!("Linux {}", kernel.trim())),
        Err(_) if os.is_empty() => os.push(std::env::consts::OS.to_owned()),
        Err(_) => {}
    }
    os.push(std::env::consts::ARCH.to_owned());
    let cores = if cores == 1 {
        "1 core".to_owned()
    } else {
        format!("{cores} cores")
    };
    format!("{cpu} ({cores}), {}", os.join(", "))
}

/// The `model name` line of /proc/cpuinfo.
pub(crate) fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == "model name" && !value.trim().is_empty()).then(|| value.trim().to_owned())
    })
}

/// `PRETTY_NAME` of /etc/os-release, unquoted.
pub(crate) fn os_name(os_release: &str) -> Option<String> {
    os_release.lines().find_map(|line| {
        let value = line.strip_prefix("PRETTY_NAME=")?.trim().trim_matches('"');
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// The process's peak resident memory so far in KiB (`VmHWM` of /proc/self/status);
/// `None` where there is no such file (not Linux).
pub fn peak_memory_kb() -> Option<u64> {
    vm_hwm_kb(&std::fs::read_to_string("/proc/self/status").ok()?)
}

pub(crate) fn vm_hwm_kb(status: &str) -> Option<u64> {
    status.lines().find_map(|line| {
        let value = line.strip_prefix("VmHWM:")?.trim();
        value.strip_suffix("kB")?.trim().parse().ok()
    })
}
