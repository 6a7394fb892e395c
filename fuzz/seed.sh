#!/usr/bin/env bash
# Seed each fuzz target's corpus from the files the repository ships (run from anywhere).
set -euo pipefail
cd "$(dirname "$0")"
root=..
seed() { mkdir -p "corpus/$1"; shift_target=$1; shift; for f in "$@"; do [ -f "$f" ] && cp "$f" "corpus/$shift_target/"; done; }
seed model $root/scenarios/planning/*.ron
seed sweep $root/scenarios/planning/sweeps/*.ron
seed live_state $root/scenarios/planning/states/*.ron
seed scenario $(ls $root/scenarios/training/*.ron | grep -v -e force -e guidance -e course)
seed action_log $root/scenarios/training/logs/rtc-999.*.ron
seed force_profile $root/scenarios/training/force*.ron
seed course $root/scenarios/training/course.ron
seed guidance $root/scenarios/training/guidance.ron
mkdir -p corpus/acd_import && head -c 200000 $root/scenarios/planning/history/calls-2023-2025.csv > corpus/acd_import/export.csv
# History CSV and shard/results seeds are generated: a small counts file, a real shard and
# results file written by the binary (see fuzz/README.md).
mkdir -p corpus/history_csv corpus/shard corpus/results
{
  echo "start,count"
  for h in $(seq 0 23); do printf '2025-01-06 %02d:00,%d\n2025-01-06 %02d:30,%d\n' "$h" $((h+3)) "$h" $((h+5)); done
} > corpus/history_csv/counts.csv
# A real shard and results file, written by the binary (built with `cargo build` at the root).
bin="${CARGO_TARGET_DIR:-$root/target}/debug/controlroom"
if [ -x "$bin" ]; then
  (cd $root && "$bin" sweep scenarios/planning/sweeps/what-ifs.ron --replications 1 --shard 1/1 \
      --out fuzz/corpus/shard >/dev/null 2>&1 || true)
  for log in rtc-999.model rtc-999.flawed; do
    (cd $root && "$bin" score rtc-999 --actions scenarios/training/logs/$log.ron \
        --results fuzz/corpus/results/results.csv >/dev/null 2>&1 || true)
  done
fi
true
