//! Writes the shipped example history `scenarios/planning/history/calls-2023-2025.csv`: two
//! years (1 December 2023 to 30 November 2025) of fictional 15-minute demand for 999, 101 and
//! digital, from `controlroom::plan::forecast::synthetic` with seed 2025. Run from the
//! repository root: `cargo run --release --example make_history`.

use controlroom::plan::forecast::synthetic;

fn main() -> std::io::Result<()> {
    let text = synthetic::csv(synthetic::origin(), 731, 2025);
    let path = std::path::Path::new("scenarios/planning/history/calls-2023-2025.csv");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    controlroom::files::write_atomic(path, text.as_bytes())?;
    println!("wrote {} ({} bytes)", path.display(), text.len());
    Ok(())
}
