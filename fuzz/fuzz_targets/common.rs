// Shared by the fuzz targets: a private temp folder for loaders that take a path.
use std::path::PathBuf;
use std::sync::OnceLock;

/// A folder for this fuzz process, removed by the OS temp cleaner (fuzzing runs are short-lived).
pub fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("controlroom-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("fuzz temp folder");
        d
    })
}

/// Write `data` to `name` in [`dir`] and return its path.
pub fn file(name: &str, data: &[u8]) -> PathBuf {
    let p = dir().join(name);
    std::fs::write(&p, data).expect("write fuzz input");
    p
}
