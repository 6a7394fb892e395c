//! What-if overrides change what they say: measured through a sweep's paired differences
//! under common random numbers.

use controlroom::model;
use controlroom::plan::sweep::{self, Plan, Results};
use std::path::Path;

/// A short version of the default model (3 days, the first not counted) beside a sweep file
/// with these variants; returns the resolved plan.
fn plan(dir: &Path, variants: &str, replications: u32) -> Plan {
    let base = model::DEFAULT_MODEL.replace("horizon_days: 8,", "horizon_days: 3,");
    assert_ne!(
        base,
        model::DEFAULT_MODEL,
        "the default model's horizon line moved"
    );
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    write("base.ron", &base);
    write(
        "sweep.ron",
        &format!("(base: \"base.ron\", replications: {replications}, variants: [{variants}])"),
    );
    sweep::load(&dir.join("sweep.ron"), None, None).unwrap_or_else(|e| panic!("{e}"))
}

fn results(plan: &Plan) -> Results {
    let items = plan.run(&plan.items(), &|| {});
    Results::assemble(plan.layout(), plan.replications, items).unwrap_or_else(|e| panic!("{e}"))
}

/// (variant index, key index) of a channel or group KPI.
fn find(r: &Results, variant: &str, name: &str, kpi: &str) -> (usize, usize) {
    let v = r
        .variants
        .iter()
        .position(|x| x.name == variant)
        .unwrap_or_else(|| panic!("no variant {variant}"));
    let k = r.variants[v]
        .keys
        .iter()
        .position(|k| k.name == name && k.kpi.name() == kpi)
        .unwrap_or_else(|| panic!("no {name} {kpi}"));
    (v, k)
}

#[test]
fn more_handlers_lower_the_999_wait_by_more_than_the_paired_interval() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = plan(
        dir.path(),
        r#"(name: "+2 on the 999 desk", overrides: [Set(path: "staff[999 desk].handlers", value: "6")]),
           (name: "same", overrides: [])"#,
        5,
    );
    let r = results(&p);
    let (v, k) = find(&r, "+2 on the 999 desk", "999", "wait_mean_s");
    let c = r.compare(v, k);
    let d = c.diff.unwrap_or_else(|| panic!("no paired difference"));
    assert!(d.high() < 0.0, "999 wait should fall: {d:?}");
    assert!(c.significant());
    // An unchanged variant is the base, replication by replication: differences exactly 0.
    let (v, k) = find(&r, "same", "999", "wait_mean_s");
    let d = r
        .compare(v, k)
        .diff
        .unwrap_or_else(|| panic!("no difference"));
    assert_eq!((d.mean, d.half_width), (0.0, 0.0));
    assert!(!r.compare(v, k).significant());
}

#[test]
fn demand_plus_ten_percent_raises_offered_by_about_ten_percent_on_every_profile() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = plan(
        dir.path(),
        r#"(name: "demand +10%", overrides: [Demand(factor: 1.1)]),
           (name: "digital +50%", overrides: [Demand(factor: 1.5, channel: "digital")])"#,
        4,
    );
    // Rates are scaled after validation, so every interval of every profile kind grows.
    for (b, v) in p.variants[0]
        .config
        .channels
        .iter()
        .zip(&p.variants[1].config.channels)
    {
        for (x, y) in b.rates_per_s.iter().zip(&v.rates_per_s) {
            assert!((y - 1.1 * x).abs() <= 1e-12 * x.abs().max(1.0));
        }
    }
    let r = results(&p);
    for ch in ["999", "101", "digital"] {
        let (v, k) = find(&r, "demand +10%", ch, "offered");
        let ratio = r.compare(v, k).estimate.mean / r.compare(0, k).estimate.mean;
        assert!((1.06..1.15).contains(&ratio), "{ch}: offered x{ratio}");
        // Common random numbers: the paired interval is tighter than the variant's own.
        let c = r.compare(v, k);
        let d = c.diff.unwrap_or_else(|| panic!("no difference"));
        assert!(c.significant() && d.mean > 0.0, "{ch}: {d:?}");
        assert!(
            d.half_width < c.estimate.half_width,
            "{ch}: {d:?} vs {:?}",
            c.estimate
        );
    }
    let (v, k) = find(&r, "digital +50%", "digital", "offered");
    let ratio = r.compare(v, k).estimate.mean / r.compare(0, k).estimate.mean;
    assert!((1.4..1.6).contains(&ratio), "digital x{ratio}");
    // The 999 callers are the same callers: the 999 arrival stream is untouched.
    assert_eq!(
        p.variants[0].config.channels[0].rates_per_s,
        p.variants[2].config.channels[0].rates_per_s
    );
}

#[test]
fn groups_added_and_removed_change_staffing_and_overrides_reach_newer_fields() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = plan(
        dir.path(),
        r#"(name: "+4 on nights", overrides: [AddGroup((name: "Night cover", skills: ["999", "101"],
              handlers: 4, teams: 2, rota: (shifts: [(code: "N", start: "22:00", hours: 10)], pattern: "NNNN----")))]),
           (name: "no pooled desk", overrides: [RemoveGroup("Pooled desk")]),
           (name: "decompression", overrides: [Set(path: "wellbeing.decompression_minutes", value: "10")])"#,
        3,
    );
    let names = |v: usize| -> Vec<String> {
        p.variants[v]
            .config
            .groups
            .iter()
            .map(|g| g.name.clone())
            .collect()
    };
    assert!(names(1).contains(&"Night cover".to_string()));
    assert_eq!(names(1).len(), names(0).len() + 1);
    assert!(!names(2).contains(&"Pooled desk".to_string()));
    assert_ne!(p.variants[3].config, p.variants[0].config);
    let r = results(&p);
    // The night cover adds night staffing (the only hours it works)...
    let (v, k) = find(&r, "+4 on nights", "Night cover", "staffed_hours");
    assert!(r.compare(v, k).estimate.mean > 0.0);
    assert!(
        r.compare(v, k).diff.is_none(),
        "not in the base, so no difference"
    );
    // ...and decompression takes handlers off the phones, so occupancy rises.
    let (v, k) = find(&r, "decompression", "Call handlers", "occupancy");
    assert!(r.compare(v, k).diff.is_some_and(|d| d.mean > 0.0));
}
