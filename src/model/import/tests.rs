//! Import cases with exact expected counts.

use super::*;
use std::fmt::Write as _;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn map(pairs: &[(&str, &str)]) -> Options {
    Options {
        map: pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        ..Options::default()
    }
}

/// An ACD-style export: for each day and 15-minute interval, a 999 row (2 calls), a 101 row
/// (1 call) and an Admin row (5 calls); then a totals row.
fn acd(days: u32) -> String {
    let mut s = String::from(
        "Date,Interval Start,Interval End,Queue,Calls Offered,Calls Answered,Calls Abandoned,AHT\n",
    );
    for d in 0..days {
        for i in 0..96u32 {
            let (h, m) = (i / 4, i % 4 * 15);
            let (eh, em) = ((i + 1) / 4 % 24, (i + 1) % 4 * 15);
            for (q, n) in [("999 Emergency", 2), ("101 Non-Emergency", 1), ("Admin", 5)] {
                writeln!(
                    s,
                    "{:02}/09/2025,{h:02}:{m:02},{eh:02}:{em:02},{q},{n},{n},0,300",
                    d + 1
                )
                .unwrap();
            }
        }
    }
    s.push_str("Total,,,,2304,2304,0,300\n");
    s
}

#[test]
fn queues_in_one_file_are_kept_apart_and_unmapped_ones_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "acd.csv", &acd(7));
    let h = read(
        &p,
        &map(&[("999 Emergency", "999"), ("101 Non-Emergency", "101")]),
    )
    .unwrap();
    assert_eq!(h.interval_minutes, 15);
    assert_eq!(h.days(), 7);
    assert_eq!(h.channel("999").unwrap().total(), 7.0 * 96.0 * 2.0);
    assert_eq!(h.channel("101").unwrap().total(), 7.0 * 96.0);
    assert_eq!(h.rows, 7 * 96 * 2);
    assert_eq!(h.skipped.unmapped, vec![("Admin".to_string(), 7 * 96)]);
    assert_eq!(h.skipped.totals, vec![7 * 96 * 3 + 2]);
    assert_eq!(h.zero_filled, 0);
    let text = h.summary().to_string();
    assert!(
        text.contains("999        1344 calls; 7 days with data, 0 without"),
        "{text}"
    );
    assert!(text.contains("672 row(s) of queue `Admin`"), "{text}");
}

#[test]
fn without_a_map_each_queue_is_a_channel() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "acd.csv", &acd(2));
    let h = read(&p, &Options::default()).unwrap();
    let names: Vec<&str> = h.channels.iter().map(|s| s.channel.as_str()).collect();
    assert_eq!(names, ["999 Emergency", "101 Non-Emergency", "Admin"]);
    assert_eq!(h.channel("Admin").unwrap().total(), 2.0 * 96.0 * 5.0);
}

#[test]
fn a_map_naming_no_queue_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "acd.csv", &acd(1));
    let e = read(&p, &map(&[("Emergency", "999")])).unwrap_err();
    assert!(e.message.contains("names no queue"), "{e}");
    assert!(e.message.contains("999 Emergency"), "{e}");
}

#[test]
fn missing_intervals_in_a_day_with_data_are_zero() {
    // Two days; on the first, only 08:00-17:00 have rows (calls 3 each).
    let mut s = String::from("start,calls\n");
    for i in 32..68 {
        writeln!(s, "2025-09-01 {:02}:{:02},3", i / 4, i % 4 * 15).unwrap();
    }
    for i in 0..96 {
        writeln!(s, "2025-09-02 {:02}:{:02},1", i / 4, i % 4 * 15).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "gaps.csv", &s);
    let h = read(&p, &Options::default()).unwrap();
    let day = h.channels[0].days[0].as_ref().unwrap();
    assert_eq!(day.len(), 96);
    assert_eq!(day.iter().filter(|x| **x == 0.0).count(), 96 - 36);
    assert_eq!(day[32], 3.0);
    assert_eq!(h.zero_filled, 60);
    assert_eq!(h.channels[0].total(), 36.0 * 3.0 + 96.0);
}

#[test]
fn a_whole_missing_day_is_no_data_and_listed() {
    let mut s = String::from("start,calls\n");
    for d in [1, 2, 4, 5, 6, 8] {
        for i in 0..24 {
            writeln!(s, "2025-09-{d:02} {i:02}:00,2").unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "days.csv", &s);
    let h = read(&p, &Options::default()).unwrap();
    assert_eq!(h.interval_minutes, 60);
    assert_eq!(h.days(), 8);
    let c = &h.channels[0];
    assert_eq!(c.days_with_data(), 6);
    assert!(c.days[2].is_none() && c.days[6].is_none());
    let text = h.summary().to_string();
    assert!(
        text.contains("6 days with data, 2 without (no data: 2025-09-03, 2025-09-07)"),
        "{text}"
    );
}

#[test]
fn a_repeated_timestamp_names_both_lines() {
    let s = "start,queue,calls\n2025-09-01 00:00,999,1\n2025-09-01 00:15,999,1\n\
             2025-09-01 00:00,101,1\n2025-09-01 00:15,999,4\n";
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "dup.csv", s);
    let e = read(&p, &Options::default()).unwrap_err();
    assert_eq!(e.line, Some(5));
    assert!(e.message.contains("lines 3 and 5"), "{e}");
    assert!(e.message.contains("999 at 2025-09-01 00:15"), "{e}");
}

#[test]
fn timestamp_forms_all_read_the_same() {
    let forms = [
        "start,calls\n01/09/2025 07:00:00,4\n01/09/2025 07:15:00,6\n",
        "start,calls\n01/09/2025 07:00,4\n01/09/2025 07:15,6\n",
        "start,calls\n2025-09-01T06:00:00Z,4\n2025-09-01T06:15:00Z,6\n",
        "start,calls\n2025-09-01T07:00:00+01:00,4\n2025-09-01T07:15:00+01:00,6\n",
        "Date,Interval Start,calls\n01/09/2025,07:00,4\n01/09/2025,07:15:00,6\n",
        "Date,Time,calls\n2025-09-01,07:00,4\n2025-09-01,07:15,6\n",
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, f) in forms.iter().enumerate() {
        let p = write(&dir, &format!("f{i}.csv"), f);
        let h = read(&p, &Options::default()).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(h.interval_minutes, 15, "{f}");
        let day = h.channels[0].days[0].as_ref().unwrap();
        assert_eq!((day[28], day[29]), (4.0, 6.0), "{f}");
    }
}

#[test]
fn utc_rows_across_the_autumn_change_add_up_in_local_time() {
    // 26 Oct 2025: 00:00-01:00 UTC is 01:00-02:00 BST, 01:00-02:00 UTC is 01:00-02:00 GMT.
    let s = "start,calls\n2025-10-26T00:00:00Z,3\n2025-10-26T01:00:00Z,5\n";
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "z.csv", s);
    let h = read(&p, &Options::default()).unwrap();
    assert_eq!(h.channels[0].days[0].as_ref().unwrap()[1], 8.0);
}

#[test]
fn five_minute_data_is_combined_into_the_interval_wanted() {
    let mut s = String::from("start,calls\n");
    for i in 0..288 {
        writeln!(s, "2025-09-01 {:02}:{:02},{}", i / 12, i % 12 * 5, i % 3).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "five.csv", &s);
    let opts = Options {
        interval_minutes: Some(15),
        ..Options::default()
    };
    let h = read(&p, &opts).unwrap();
    assert_eq!((h.source_interval_minutes, h.interval_minutes), (5, 15));
    let day = h.channels[0].days[0].as_ref().unwrap();
    assert_eq!(day.len(), 96);
    assert!(day.iter().all(|x| *x == 3.0));
    let bad = Options {
        interval_minutes: Some(7),
        ..Options::default()
    };
    assert!(
        read(&p, &bad)
            .unwrap_err()
            .message
            .contains("cannot be combined")
    );
}

#[test]
fn coarser_data_cannot_be_split() {
    let s = "start,calls\n2025-09-01 00:00,1\n2025-09-01 00:30,1\n";
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "half.csv", s);
    let opts = Options {
        interval_minutes: Some(15),
        ..Options::default()
    };
    let e = read(&p, &opts).unwrap_err();
    assert!(e.message.contains("30-minute"), "{e}");
}

#[test]
fn blank_and_total_rows_are_skipped_and_reported() {
    let s = "start,calls\n2025-09-01 00:00,1\n,\n2025-09-01 00:15,2\nGrand Total,3\n,\n";
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "t.csv", s);
    let h = read(&p, &Options::default()).unwrap();
    assert_eq!(h.skipped.blank, vec![3, 6]);
    assert_eq!(h.skipped.totals, vec![5]);
    assert_eq!(h.rows, 2);
    let text = h.summary().to_string();
    assert!(text.contains("2 blank row(s): line 3, 6"), "{text}");
    assert!(text.contains("1 total row(s): line 5"), "{text}");
}

#[test]
fn bad_values_name_the_line_and_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        &dir,
        "b.csv",
        "start,calls\n2025-09-01 00:00,1\n2025-31-09 00:15,2\n",
    );
    let e = read(&p, &Options::default()).unwrap_err();
    assert_eq!(e.line, Some(3));
    assert!(
        e.message
            .contains("`2025-31-09 00:15` is not a date and time"),
        "{e}"
    );
    let p = write(&dir, "c.csv", "start,calls\n2025-09-01 00:00,-1\n");
    let e = read(&p, &Options::default()).unwrap_err();
    assert!(e.to_string().contains("line 2: calls `-1`"), "{e}");
    let p = write(&dir, "d.csv", "when,calls\n2025-09-01 00:00,1\n");
    assert!(
        read(&p, &Options::default())
            .unwrap_err()
            .message
            .contains("no timestamp column")
    );
}

/// `tests/data/acd.xlsx` (made by `tests/data/make_xlsx.py`): Date (Excel date serials),
/// Interval Start (time fractions), Queue, Calls Offered; 2 days x 96 intervals x queues 999
/// Emergency (calls = interval index % 4) and 101 (1 call), a blank row and a totals row.
#[test]
fn xlsx_reads_like_csv() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/acd.xlsx");
    let h = read(&p, &map(&[("999 Emergency", "999"), ("101", "101")])).unwrap();
    assert_eq!(h.interval_minutes, 15);
    assert_eq!(h.first_day, NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
    assert_eq!(h.days(), 2);
    assert_eq!(h.channel("999").unwrap().total(), 2.0 * 24.0 * 6.0);
    assert_eq!(h.channel("101").unwrap().total(), 192.0);
    assert_eq!(h.skipped.totals.len(), 1);
    assert_eq!(h.skipped.blank.len(), 1);
    let day = h.channel("999").unwrap().days[1].as_ref().unwrap();
    assert_eq!(&day[..4], &[0.0, 1.0, 2.0, 3.0]);
}

#[test]
fn a_model_profile_takes_one_queue_of_a_dated_export() {
    // 7 days from Monday 1 September 2025; 999 Emergency has 2 calls a quarter-hour = 8 an hour.
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "acd.csv", &acd(7));
    let rates =
        crate::model::tables::interval_profile(&p, 60, None, Some("999 Emergency")).unwrap();
    assert_eq!(rates.len(), 168);
    assert!(rates.iter().all(|r| *r == 8.0), "{rates:?}");
    let e = crate::model::tables::interval_profile(&p, 60, None, None).unwrap_err();
    assert!(e.to_string().contains("several queues"), "{e}");
}

#[test]
fn a_spreadsheet_byte_order_mark_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        &dir,
        "bom.csv",
        "\u{feff}Start,Calls\n2025-09-01 00:00,1\n2025-09-01 00:15,2\n",
    );
    let h = read(&p, &Options::default()).unwrap();
    assert_eq!(h.channels[0].total(), 3.0);
}
