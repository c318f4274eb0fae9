//! A small real filesystem (a tmpfs of a few hundred KB) for the "receipt
//! disk full" tests: writes past its size fail with ENOSPC, from the
//! kernel, exactly as on a full disk. Mounting needs root (as in CI's
//! containers and this project's sandboxes) or `sudo` without a password.

use std::{path::PathBuf, process::Command};

pub struct SmallDisk {
    pub path: PathBuf,
}

/// Runs `args` as root: directly when we are root, else through `sudo -n`.
fn as_root(args: &[&str]) -> bool {
    let direct = Command::new(args[0]).args(&args[1..]).output();
    if direct.is_ok_and(|out| out.status.success()) {
        return true;
    }
    Command::new("sudo")
        .arg("-n")
        .args(args)
        .output()
        .is_ok_and(|out| out.status.success())
}

impl SmallDisk {
    /// A fresh tmpfs of `kb` KB, mounted under the test's target folder.
    pub fn mount(kb: u32) -> Self {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("small-disks")
            .join(uuid::Uuid::new_v4().simple().to_string());
        std::fs::create_dir_all(&path).expect("a mount point");
        let shown = path.display().to_string();
        let size = format!("size={kb}k,mode=0777");
        assert!(
            as_root(&["mount", "-t", "tmpfs", "-o", &size, "tmpfs", &shown]),
            "could not mount a {kb} KB tmpfs at {shown}: the disk-full tests need root \
             (or sudo without a password) to make a real full filesystem"
        );
        Self { path }
    }

    /// Fills the disk until no more than about `left_kb` KB is free.
    pub fn fill_leaving(&self, left_kb: u64) {
        let filler = self.path.join("filler");
        let stat = |path: &std::path::Path| {
            let out = Command::new("df")
                .args(["--output=avail", "-k"])
                .arg(path)
                .output()
                .expect("df");
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .nth(1)
                .and_then(|line| line.trim().parse::<u64>().ok())
                .expect("df's figure")
        };
        let avail = stat(&self.path);
        let size = avail.saturating_sub(left_kb) * 1024;
        std::fs::write(&filler, vec![1u8; usize::try_from(size).expect("size")]).expect("filler");
    }

    /// Frees what [`Self::fill_leaving`] took.
    pub fn free(&self) {
        std::fs::remove_file(self.path.join("filler")).expect("filler removed");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let shown = self.path.display().to_string();
        as_root(&["umount", "-l", &shown]);
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
