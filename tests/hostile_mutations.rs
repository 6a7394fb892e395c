//! Mutated copies of the shipped files, fed to every parser: parsing and validation must return
//! an error or a value, never panic. A short, seeded run of what the fuzz targets in `fuzz/` do
//! at length (proptest; its failure files pin any case it finds).

use controlroom::model;
use controlroom::training::{Scenario, check};
use proptest::prelude::*;
use std::path::Path;

/// One edit: overwrite, insert or delete at a position (taken modulo the length).
#[derive(Debug, Clone)]
enum Edit {
    Put(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

/// Bytes that matter to RON and CSV, plus digits and letters that make big or odd values.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        prop::sample::select(b"()[]{},:;\"'\\/\n\r-+.e0123456789 aZ_".to_vec()),
        any::<u8>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), byte()).prop_map(|(i, b)| Edit::Put(i, b)),
        (any::<usize>(), prop::collection::vec(byte(), 1..12))
            .prop_map(|(i, v)| Edit::Insert(i, v)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
    ]
}

fn mutate(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut b = text.as_bytes().to_vec();
    for e in edits {
        let n = b.len().max(1);
        match e {
            Edit::Put(i, x) if !b.is_empty() => b[i % n] = *x,
            Edit::Put(..) => {}
            Edit::Insert(i, v) => {
                let at = i % (b.len() + 1);
                b.splice(at..at, v.iter().copied());
            }
            Edit::Delete(i, k) if !b.is_empty() => {
                let at = i % n;
                b.drain(at..(at + k).min(b.len()));
            }
            Edit::Delete(..) => {}
        }
    }
    b
}

fn shipped(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

fn config() -> ProptestConfig {
    // A fixed seed: the same mutations on every run and in CI.
    ProptestConfig {
        cases: 48,
        rng_seed: proptest::test_runner::RngSeed::Fixed(13),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_models_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let bytes = mutate(&shipped("scenarios/planning/default.ron"), &edits);
        let path = Path::new("/nonexistent/mutated.ron");
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Ok(m) = model::parse(text, path)
        {
            let _ = model::validate(&m, path);
        }
    }

    #[test]
    fn mutated_sweeps_and_states_never_panic(
        edits in prop::collection::vec(edit(), 1..6),
        which in 0usize..4,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            "scenarios/planning/sweeps/what-ifs.ron",
            "scenarios/planning/sweeps/grid.ron",
            "scenarios/planning/sweeps/rotation.ron",
            "scenarios/planning/states/friday-evening.ron",
        ];
        let p = dir.path().join("file.ron");
        std::fs::write(&p, mutate(&shipped(files[which]), &edits)).unwrap();
        if which < 3 {
            let _ = controlroom::plan::sweep::load(&p, Some(1), None);
        } else {
            let mut loaded = model::load(None).unwrap();
            let _ = model::state::load_state(&p, &loaded.model, &mut loaded.config);
        }
    }

    #[test]
    fn mutated_scenarios_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let bytes = mutate(&shipped("scenarios/training/rtc-999.ron"), &edits);
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Ok(sc) = Scenario::parse(Path::new("mutated.ron"), text)
        {
            let _ = check::check(&sc, None);
        }
    }
}
