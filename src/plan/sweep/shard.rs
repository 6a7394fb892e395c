//! Shard files: one machine's share of a sweep's work, with every KPI value written exactly
//! (Rust's shortest round-trip float format), so merging shards gives exactly the numbers an
//! unsharded run gives.
//!
//! A shard file is CSV preceded by `# key: value` lines:
//!
//! ```text
//! # controlroom sweep shard
//! # format: 1
//! # sweep: What-ifs for the default model
//! # fingerprint: 5a0c…(32 hex digits)
//! # shard: 2/3
//! # variants: 4
//! # replications: 10
//! # seed: 20261123
//! variant_index,variant,replication,scope,name,kpi,value
//! 0,base,2,channel,999,offered,4398.0
//! ```
//!
//! `replication` counts from 1; `value` is `NaN` where a KPI is undefined.

use super::{Item, Key, Plan, Results, Shard};
use crate::plan::kpi::{Kpi, Scope};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FORMAT: &str = "1";

/// What a shard file says about the sweep it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub name: String,
    pub fingerprint: String,
    pub shard: Shard,
    pub variants: usize,
    pub replications: u32,
    pub seed: u64,
}

/// A shard file as read.
#[derive(Debug, Clone)]
pub struct ShardFile {
    pub path: PathBuf,
    pub meta: Meta,
    /// Name and KPI rows of each variant this shard has items for.
    pub layout: BTreeMap<usize, (String, Vec<Key>)>,
    pub items: Vec<Item>,
}

/// The shard file's name for shard `K/N`.
pub fn file_name(shard: Shard) -> String {
    format!("shard-{}-of-{}.csv", shard.index, shard.count)
}

/// The text of a shard file holding `items` (this shard's work, run).
pub fn write(plan: &Plan, shard: Shard, items: &[Item]) -> Result<String, csv::Error> {
    let mut head = String::new();
    let one_line = plan.name.replace(['\n', '\r'], " ");
    for (k, v) in [
        ("format", FORMAT.to_string()),
        ("sweep", one_line),
        ("fingerprint", plan.fingerprint.clone()),
        ("shard", format!("{}/{}", shard.index, shard.count)),
        ("variants", plan.variants.len().to_string()),
        ("replications", plan.replications.to_string()),
        ("seed", plan.seed.to_string()),
    ] {
        head.push_str(&format!("# {k}: {v}\n"));
    }
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record([
        "variant_index",
        "variant",
        "replication",
        "scope",
        "name",
        "kpi",
        "value",
    ])?;
    let keys: Vec<Vec<Key>> = (0..plan.variants.len()).map(|v| plan.keys(v)).collect();
    for item in items {
        let name = &plan.variants[item.variant].name;
        for (key, x) in keys[item.variant].iter().zip(&item.values) {
            w.write_record([
                &item.variant.to_string(),
                name,
                &(item.replication + 1).to_string(),
                key.scope.as_str(),
                &key.name,
                key.kpi.name(),
                &format!("{x:?}"),
            ])?;
        }
    }
    let body = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(format!(
        "# controlroom sweep shard\n{head}{}",
        String::from_utf8_lossy(&body)
    ))
}

/// Read a shard file.
pub fn read(path: &Path) -> Result<ShardFile, String> {
    let at = |m: String| format!("{}: {m}", path.display());
    let text = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES)
        .map_err(|e| at(format!("cannot read: {e}")))?;
    // Accept a shard that passed through an editor or mail client with CRLF line endings.
    let text = text.replace("\r\n", "\n");
    if !text.starts_with("# controlroom sweep shard\n") {
        return Err(at("not a controlroom sweep shard file".into()));
    }
    let mut meta: BTreeMap<&str, &str> = BTreeMap::new();
    for line in text.lines().take_while(|l| l.starts_with('#')).skip(1) {
        if let Some((k, v)) = line.trim_start_matches('#').split_once(':') {
            meta.insert(k.trim(), v.trim());
        }
    }
    let get = |k: &str| {
        meta.get(k)
            .copied()
            .ok_or_else(|| at(format!("missing `# {k}:` line")))
    };
    let num = |k: &str| -> Result<u64, String> {
        get(k)?
            .parse()
            .map_err(|_| at(format!("`# {k}:` is not a whole number")))
    };
    if get("format")? != FORMAT {
        return Err(at(format!(
            "shard format {} is not supported",
            get("format")?
        )));
    }
    let meta = Meta {
        name: get("sweep")?.to_string(),
        fingerprint: get("fingerprint")?.to_string(),
        shard: Shard::parse(get("shard")?).map_err(at)?,
        variants: num("variants")? as usize,
        replications: num("replications")? as u32,
        seed: num("seed")?,
    };
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut layout: BTreeMap<usize, (String, Vec<Key>)> = BTreeMap::new();
    let mut items: Vec<Item> = vec![];
    let mut keys: Vec<Key> = vec![];
    for (n, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| at(e.to_string()))?;
        let bad = |what: &str| at(format!("data row {}: {what}", n + 1));
        if rec.len() != 7 {
            return Err(bad("expected 7 columns"));
        }
        let v: usize = rec[0].parse().map_err(|_| bad("bad variant_index"))?;
        let r: u32 = rec[2].parse().map_err(|_| bad("bad replication"))?;
        let x: f64 = rec[6].parse().map_err(|_| bad("bad value"))?;
        if v >= meta.variants || r == 0 || r > meta.replications {
            return Err(bad("variant or replication out of range"));
        }
        let key = Key {
            scope: Scope::from_name(&rec[3])
                .ok_or_else(|| bad(&format!("scope `{}` is not channel or group", &rec[3])))?,
            name: rec[4].into(),
            kpi: Kpi::from_name(&rec[5])
                .ok_or_else(|| bad(&format!("unknown KPI `{}`", &rec[5])))?,
        };
        let same = items
            .last()
            .is_some_and(|it| it.variant == v && it.replication == r - 1);
        if !same {
            finish(&mut layout, &mut items, &mut keys, at)?;
            items.push(Item {
                variant: v,
                replication: r - 1,
                values: vec![],
            });
            layout
                .entry(v)
                .or_insert_with(|| (rec[1].to_string(), vec![]));
        }
        if layout.get(&v).is_some_and(|(name, _)| name != &rec[1]) {
            return Err(bad("variant name differs from earlier rows"));
        }
        keys.push(key);
        if let Some(it) = items.last_mut() {
            it.values.push(x);
        }
    }
    finish(&mut layout, &mut items, &mut keys, at)?;
    Ok(ShardFile {
        path: path.to_path_buf(),
        meta,
        layout,
        items,
    })
}

/// Close the last item read: record its variant's KPI rows, or check they match.
fn finish(
    layout: &mut BTreeMap<usize, (String, Vec<Key>)>,
    items: &mut [Item],
    keys: &mut Vec<Key>,
    at: impl Fn(String) -> String,
) -> Result<(), String> {
    let Some(it) = items.last() else {
        return Ok(());
    };
    let got = std::mem::take(keys);
    if let Some((name, known)) = layout.get_mut(&it.variant) {
        if known.is_empty() {
            *known = got;
        } else if *known != got {
            return Err(at(format!(
                "`{name}` replication {} has different KPI rows from earlier ones",
                it.replication + 1
            )));
        }
    }
    Ok(())
}

/// Merge shard files of one sweep into its results. Refuses shards of different sweeps, a
/// shard given twice, and an incomplete set.
pub fn merge(shards: Vec<ShardFile>) -> Result<(Meta, Results), String> {
    let Some(first) = shards.first() else {
        return Err("no shard files given".into());
    };
    let meta = first.meta.clone();
    let mut by_index: BTreeMap<usize, &Path> = BTreeMap::new();
    for s in &shards {
        let m = &s.meta;
        if m.fingerprint != meta.fingerprint
            || m.variants != meta.variants
            || m.replications != meta.replications
            || m.seed != meta.seed
        {
            return Err(format!(
                "{} and {} come from different sweeps (fingerprints {} and {})",
                first.path.display(),
                s.path.display(),
                meta.fingerprint,
                m.fingerprint
            ));
        }
        if m.shard.count != meta.shard.count {
            return Err(format!(
                "{} is shard {}/{} but {} is shard {}/{}: shards of one run must share N",
                s.path.display(),
                m.shard.index,
                m.shard.count,
                first.path.display(),
                meta.shard.index,
                meta.shard.count
            ));
        }
        if let Some(other) = by_index.insert(m.shard.index, &s.path) {
            return Err(format!(
                "shard {}/{} given twice: {} and {}",
                m.shard.index,
                m.shard.count,
                other.display(),
                s.path.display()
            ));
        }
    }
    let missing: Vec<String> = (1..=meta.shard.count)
        .filter(|k| !by_index.contains_key(k))
        .map(|k| k.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "incomplete set: missing shard {} of {}",
            missing.join(", "),
            meta.shard.count
        ));
    }
    let total: usize = shards.iter().map(|s| s.items.len()).sum();
    let expected = meta.variants.checked_mul(meta.replications as usize);
    if expected != Some(total) {
        return Err(format!(
            "the shards hold {total} work items but the sweep has {} variants x {} replications",
            meta.variants, meta.replications
        ));
    }
    let mut layout: Vec<Option<(String, Vec<Key>)>> = vec![None; meta.variants];
    for s in &shards {
        for (v, entry) in &s.layout {
            match &layout[*v] {
                None => layout[*v] = Some(entry.clone()),
                Some(known) if known != entry => {
                    return Err(format!(
                        "{}: variant {} differs from the other shards",
                        s.path.display(),
                        entry.0
                    ));
                }
                Some(_) => {}
            }
        }
    }
    let layout: Vec<(String, Vec<Key>)> = layout
        .into_iter()
        .enumerate()
        .map(|(v, l)| l.ok_or_else(|| format!("no shard has any work for variant {}", v + 1)))
        .collect::<Result<_, _>>()?;
    let items = shards.into_iter().flat_map(|s| s.items);
    let results = Results::assemble(layout, meta.replications, items)?;
    Ok((meta, results))
}
