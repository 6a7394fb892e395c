//! The shipped deployment files: the Slurm job writes its logs where Slurm can open them, and
//! the container builds and runs on the same Debian release.

use std::path::Path;

fn read(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn slurm_logs_go_to_a_folder_that_exists_when_the_job_starts() {
    let script = read("deploy/slurm/sweep.sbatch");
    let outputs: Vec<&str> = script
        .lines()
        .filter_map(|l| {
            l.strip_prefix("#SBATCH --output=")
                .or(l.strip_prefix("#SBATCH --error="))
        })
        .collect();
    assert!(!outputs.is_empty());
    for o in outputs {
        // Slurm opens the file before the script runs and creates no folder: only the submit
        // folder (a bare name) or an absolute path the cluster provides is safe.
        assert!(
            !o.contains('/'),
            "--output={o} needs a folder that may not exist"
        );
    }
}

#[test]
fn the_dockerfile_builds_and_runs_on_the_same_debian_release() {
    let file = read("deploy/k8s/Dockerfile");
    let releases: Vec<String> = file
        .lines()
        .filter_map(|l| l.strip_prefix("FROM "))
        .map(|l| {
            let image = l.split_whitespace().next().unwrap_or_default();
            let tag = image.rsplit(':').next().unwrap_or_default();
            ["bookworm", "bullseye", "trixie"]
                .into_iter()
                .find(|r| tag.contains(r))
                .unwrap_or_else(|| panic!("{image}: no Debian release in the tag"))
                .to_string()
        })
        .collect();
    assert_eq!(releases.len(), 2, "{releases:?}");
    assert_eq!(releases[0], releases[1], "{releases:?}");
}
