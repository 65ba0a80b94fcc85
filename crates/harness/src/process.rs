//! Child processes that never outlive their owner. Each one is started as the leader of a
//! process group of its own, so everything it starts in turn (Trunk's cargo and rustc,
//! ChromeDriver's Chromium) is in that group; dropping the guard ends the whole group.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// How long the group gets to stop after SIGTERM before it is killed outright.
const GRACE: Duration = Duration::from_secs(2);

/// Ends its process group when dropped, however the owner ends (error, panic, Ctrl-C handled).
pub struct ProcessGuard {
    name: String,
    child: Child,
    /// Whether to say so on stdout when the guard stops a process that was still running.
    announce: bool,
}

impl ProcessGuard {
    /// Starts `command` as the leader of a new process group.
    pub fn spawn(name: &str, command: &mut Command) -> Result<ProcessGuard, String> {
        let child = command.process_group(0).spawn().map_err(|error| {
            format!("cannot start {name} ({:?}): {error}", command.get_program())
        })?;
        Ok(ProcessGuard {
            name: name.to_string(),
            child,
            announce: false,
        })
    }

    /// Prints "stopped NAME" when the guard stops the process (for commands people run).
    pub fn announced(mut self) -> ProcessGuard {
        self.announce = true;
        self
    }

    pub fn child_mut(&mut self) -> &mut Child {
        &mut self.child
    }

    pub fn id(&self) -> u32 {
        self.child.id()
    }

    fn signal_group(&self, signal: libc::c_int) {
        let Ok(group) = libc::pid_t::try_from(self.child.id()) else {
            return;
        };
        // SAFETY: kill(2) with a negative pid signals a process group; it touches no memory.
        unsafe {
            libc::kill(-group, signal);
        }
    }
}

impl Drop for ProcessGuard {
    fn drop(&mut self) {
        let was_running = matches!(self.child.try_wait(), Ok(None));
        // SIGTERM first, so Trunk and ChromeDriver can stop their own children cleanly; then
        // SIGKILL for whatever is left in the group, including children of a leader that
        // already exited (the group outlives its leader while it has members).
        self.signal_group(libc::SIGTERM);
        let deadline = Instant::now() + GRACE;
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        self.signal_group(libc::SIGKILL);
        let _ = self.child.kill();
        let _ = self.child.wait();
        if was_running && self.announce {
            println!("stopped {}", self.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Running or sleeping: a killed process may linger as a zombie until it is reaped.
    fn alive(pid: i32) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
            let state = stat.rsplit(')').next().unwrap_or("").trim_start();
            !state.starts_with('Z') && !state.starts_with('X')
        })
    }

    #[test]
    fn dropping_the_guard_ends_the_grandchildren_too() {
        // A shell that starts a long sleep in the background and prints its pid: the sleep is
        // a grandchild, as rustc is under Trunk.
        let mut command = Command::new("sh");
        command
            .args(["-c", "sleep 60 & echo $!; wait"])
            .stdout(std::process::Stdio::piped());
        let mut guard = ProcessGuard::spawn("test shell", &mut command).unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(guard.child_mut().stdout.take().unwrap()),
            &mut line,
        )
        .unwrap();
        let grandchild: i32 = line.trim().parse().unwrap();
        assert!(alive(grandchild));
        drop(guard);
        let deadline = Instant::now() + Duration::from_secs(5);
        while alive(grandchild) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            !alive(grandchild),
            "the background sleep outlived the guard"
        );
    }
}
