//! `controlroom sweep` and `controlroom merge` as a user runs them: outputs, grids, sharding
//! merged back byte for byte, and bad input (exit 2, never a panic).

use controlroom::model;
use controlroom::plan::{kpi, sweep};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn controlroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

/// A temp folder with `base.ron` (the default model cut to 2 days) and `sweep.ron` with this
/// body after the base and replications.
fn setup(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let base = model::DEFAULT_MODEL.replace("horizon_days: 8,", "horizon_days: 2,");
    assert_ne!(
        base,
        model::DEFAULT_MODEL,
        "the default model's horizon line moved"
    );
    let write = |name: &str, t: &str| {
        std::fs::write(dir.path().join(name), t).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    write("base.ron", &base);
    write(
        "sweep.ron",
        &format!("(name: \"test sweep\", base: \"base.ron\", replications: 4, {body})"),
    );
    let sweep = dir.path().join("sweep.ron");
    (dir, sweep)
}

const WHAT_IFS: &str = r#"variants: [
    (name: "call-back off", overrides: [Set(path: "channels[101].callback", value: "None")]),
    (name: "demand +10%", overrides: [Demand(factor: 1.1)]),
    (name: "+2, 999 desk", overrides: [Scale(path: "staff[999 desk].handlers", factor: 1.5)]),
]"#;

#[test]
fn sweep_writes_the_documented_csv_and_table() {
    let (dir, sweep) = setup(WHAT_IFS);
    let out = dir.path().join("out");
    let o = controlroom(&["sweep", s(&sweep), "--out", s(&out)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    for v in [
        "base",
        "call-back off",
        "demand +10%",
        "+2, 999 desk",
        "significant",
    ] {
        assert!(stdout.contains(v), "{v} missing from:\n{stdout}");
    }
    assert!(stdout.contains("999 service level") && stdout.contains("101 abandonment rate"));
    let csv = read(&out.join("sweep.csv"));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "variant,scope,name,kpi,mean,ci95_low,ci95_high,diff_mean,diff_ci95_low,\
             diff_ci95_high,replications"
        )
    );
    let rows: Vec<&str> = lines.collect();
    // Every channel KPI of 3 channels, overall and in the default model's 2 report windows,
    // and every group KPI of 4 groups, for 4 variants.
    let per_variant = 3 * 3 * kpi::CHANNEL_KPIS.len() + 4 * kpi::GROUP_KPIS.len();
    assert_eq!(rows.len(), 4 * per_variant);
    let base_sl = rows
        .iter()
        .find(|l| l.starts_with("base,channel,999,service_level,"))
        .unwrap_or_else(|| panic!("no base 999 service level"));
    assert!(
        base_sl.ends_with(",,,,4"),
        "the base has no difference: {base_sl}"
    );
    let offered = rows
        .iter()
        .find(|l| l.starts_with("demand +10%,channel,101,offered,"))
        .unwrap_or_else(|| panic!("no demand row"));
    let f: Vec<f64> = offered
        .split(',')
        .skip(4)
        .filter_map(|x| x.parse().ok())
        .collect();
    assert_eq!(f.len(), 7, "{offered}");
    assert!(
        f[3] > 0.0 && f[4] > 0.0,
        "more 101 calls, significantly: {offered}"
    );
    assert!(
        rows.iter().any(|l| l.starts_with("\"+2, 999 desk\",")),
        "quoted name"
    );
}

#[test]
fn a_grid_is_the_cartesian_product() {
    let (dir, sweep) = setup(
        r#"grid: [(path: "staff[Call handlers].handlers", values: ["9", "10", "11"]),
                  (path: "channels[101].callback.take_up", values: ["0.2", "0.4"])]"#,
    );
    let plan = sweep::load(&sweep, Some(1), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.variants.len(), 1 + 6);
    assert_eq!(plan.variants[1].name, "handlers=9, take_up=0.2");
    assert_eq!(plan.variants[6].name, "handlers=11, take_up=0.4");
    assert_eq!(plan.variants[6].config.groups[1].handlers, 11);
    let out = dir.path().join("out");
    let o = controlroom(&["sweep", s(&sweep), "--replications", "2", "--out", s(&out)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let csv = read(&out.join("sweep.csv"));
    let mut variants: Vec<String> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .filter_map(|r| r.ok().and_then(|r| r.get(0).map(String::from)))
        .collect();
    variants.dedup();
    assert_eq!(variants[1], "handlers=9, take_up=0.2");
    assert_eq!(variants.len(), 7, "{variants:?}");
}

#[test]
fn more_shards_than_work_items_warn_loudly_and_still_merge() {
    // 4 variants x 4 replications = 16 work items over 20 shards: shards 17 to 20 are empty.
    let (dir, sweep) = setup(WHAT_IFS);
    let whole = dir.path().join("whole");
    let o = controlroom(&["sweep", s(&sweep), "--out", s(&whole)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let shards = dir.path().join("shards");
    let mut files = vec![];
    for k in 1..=20 {
        let spec = format!("{k}/20");
        let o = controlroom(&["sweep", s(&sweep), "--shard", &spec, "--out", s(&shards)]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let warned = text(&o.stderr).contains(&format!("warning: shard {k}/20 has NO work"));
        assert_eq!(warned, k > 16, "shard {k}: {}", text(&o.stderr));
        files.push(shards.join(format!("shard-{k}-of-20.csv")));
    }
    let merged = dir.path().join("merged");
    let mut args = vec!["merge"];
    args.extend(files.iter().map(|f| s(f)));
    args.extend(["--out", s(&merged)]);
    let o = controlroom(&args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        read(&merged.join("sweep.csv")),
        read(&whole.join("sweep.csv"))
    );
}

#[test]
fn three_shards_merge_into_exactly_the_unsharded_result() {
    let (dir, sweep) = setup(WHAT_IFS);
    let whole = dir.path().join("whole");
    let o = controlroom(&["sweep", s(&sweep), "--out", s(&whole), "--threads", "2"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let shards = dir.path().join("shards");
    for k in 1..=3 {
        let spec = format!("{k}/3");
        let o = controlroom(&["sweep", s(&sweep), "--shard", &spec, "--out", s(&shards)]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let file = |k: usize| shards.join(format!("shard-{k}-of-3.csv"));
    let shard1 = read(&file(1));
    assert!(shard1.starts_with("# controlroom sweep shard\n# format: 1\n"));
    assert!(shard1.contains("variant_index,variant,replication,scope,name,kpi,value\n"));
    let merged = dir.path().join("merged");
    // Order of the files does not matter; the HTML report is the unsharded run's.
    let o = controlroom(&[
        "merge",
        s(&file(3)),
        s(&file(1)),
        s(&file(2)),
        "--out",
        s(&merged),
        "--report",
        s(&merged.join("sweep.html")),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        read(&merged.join("sweep.csv")),
        read(&whole.join("sweep.csv"))
    );
    let o = controlroom(&[
        "sweep",
        s(&sweep),
        "--out",
        s(&whole),
        "--report",
        s(&whole.join("sweep.html")),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        read(&merged.join("sweep.html")),
        read(&whole.join("sweep.html"))
    );
    assert!(text(&o.stdout).contains("call-back off"));

    // A missing shard, a shard given twice, and a shard of another sweep are refused.
    let o = controlroom(&["merge", s(&file(1)), s(&file(3)), "--out", s(&merged)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("missing shard 2 of 3"),
        "{}",
        text(&o.stderr)
    );
    let o = controlroom(&["merge", s(&file(1)), s(&file(1)), s(&file(2)), s(&file(3))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("given twice"),
        "{}",
        text(&o.stderr)
    );
    let other = dir.path().join("other");
    let o = controlroom(&[
        "sweep",
        s(&sweep),
        "--shard",
        "2/3",
        "--seed",
        "9",
        "--out",
        s(&other),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = controlroom(&[
        "merge",
        s(&file(1)),
        s(&other.join("shard-2-of-3.csv")),
        s(&file(3)),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("different sweeps"),
        "{}",
        text(&o.stderr)
    );
    // A damaged shard (its last line lost) is refused too.
    let cut = dir.path().join("cut.csv");
    let two = read(&file(2));
    let lines: Vec<&str> = two.lines().collect();
    std::fs::write(&cut, lines[..lines.len() - 1].join("\n")).unwrap_or_else(|e| panic!("{e}"));
    let o = controlroom(&["merge", s(&file(1)), s(&cut), s(&file(3))]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let o = controlroom(&["merge", s(&sweep)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("not a controlroom sweep shard"));
}

/// Run a sweep that should be refused; return its error message.
fn refused(body: &str, extra: &[&str]) -> String {
    let (dir, sweep) = setup(body);
    let out = dir.path().join("out");
    let mut args = vec!["sweep", s(&sweep), "--out", s(&out)];
    args.extend_from_slice(extra);
    let o = controlroom(&args);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.join("sweep.csv").exists());
    err
}

#[test]
fn bad_input_is_named_and_exits_2() {
    let err = refused(
        r#"variants: [(name: "more staff", overrides: [Set(path: "staff[Call handlers].handler", value: "12")])]"#,
        &[],
    );
    assert!(
        err.contains("more staff") && err.contains("`handler`"),
        "{err}"
    );
    assert!(
        err.contains("handlers") && err.contains("shrinkage"),
        "valid names: {err}"
    );
    let err = refused(
        r#"variants: [(name: "v", overrides: [Set(path: "staff[Night crew].handlers", value: "12")])]"#,
        &[],
    );
    assert!(
        err.contains("Night crew") && err.contains("Call handlers"),
        "{err}"
    );
    let err = refused(
        r#"variants: [(name: "too much", overrides: [Set(path: "staff[0].shrinkage", value: "1.5")])]"#,
        &[],
    );
    assert!(
        err.contains("too much") && err.contains("shrinkage"),
        "{err}"
    );
    let err = refused(
        r#"variants: [(name: "v", overrides: [Demand(factor: 1.1, channel: "102")])]"#,
        &[],
    );
    assert!(err.contains("102") && err.contains("101"), "{err}");
    let err = refused(r#"variants: [(name: "base", overrides: [])]"#, &[]);
    assert!(err.contains("two variants are named `base`"), "{err}");
    let err = refused(r#"grid: [(path: "staff[0].handlers", values: [])]"#, &[]);
    assert!(err.contains("no values"), "{err}");
    let err = refused(r#"variants: [(name: "v", overrides: [Frobnicate])]"#, &[]);
    assert!(err.contains("sweep.ron:"), "{err}");
    let err = refused("", &["--shard", "0/3"]);
    assert!(err.contains("K/N"), "{err}");
}

#[test]
fn the_example_sweeps_resolve() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/planning/sweeps");
    let what_ifs = sweep::load(&dir.join("what-ifs.ron"), None, None);
    let what_ifs = what_ifs.unwrap_or_else(|e| panic!("{e}"));
    assert!(what_ifs.variants.iter().any(|v| v.name == "+4 on nights"));
    assert!(what_ifs.variants.iter().any(|v| v.name == "demand +10%"));
    let grid = sweep::load(&dir.join("grid.ron"), None, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(grid.variants.len(), 1 + 9);
    assert_ne!(what_ifs.fingerprint, grid.fingerprint);
}
