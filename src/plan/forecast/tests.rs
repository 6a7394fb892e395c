//! The forecast against known structure, the backtest against look-ahead, bad requests.

use super::synthetic::{self, ChannelSpec};
use super::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `days` days of one synthetic channel from `first`, 15-minute intervals.
fn history(spec: &ChannelSpec, first: NaiveDate, days: usize, seed: u64) -> Vec<Option<Vec<f64>>> {
    synthetic::generate(std::slice::from_ref(spec), first, days, 96, seed)
        .remove(0)
        .into_iter()
        .map(Some)
        .collect()
}

fn input(first: NaiveDate, days: &[Option<Vec<f64>>]) -> Input<'_> {
    Input {
        first_day: first,
        interval_minutes: 15,
        per_day: 96,
        days,
    }
}

#[test]
fn recovers_trend_seasonality_and_a_bank_holiday_dip_within_the_band() {
    // 101: office hours, quiet weekends, and a bank holiday that is like a Sunday (30% down on
    // a Monday). 26 weeks of history up to Sunday 17 August 2025 (Good Friday, Easter Monday
    // and both May bank holidays in it), then a forecast of the fortnight with the summer bank
    // holiday, Monday 25 August.
    let spec = synthetic::channels()[1].clone();
    let first = date("2025-02-17");
    let days = history(&spec, first, 182, 7);
    let inp = input(first, &days);
    assert_eq!(inp.last_day(), date("2025-08-17"));
    let start = date("2025-08-18");
    let p = predict(&inp, Method::MstlEts, start, 14, &[]).unwrap();
    let mut inside = 0;
    let mut n = 0;
    let mut day_totals = Vec::new();
    for d in 0..14 {
        let want = synthetic::expected(&spec, start + chrono::Duration::days(d as i64), 96);
        let got: f64 = p.point[d * 96..(d + 1) * 96].iter().sum();
        let true_total: f64 = want.iter().sum();
        // The day's total within 8% of the truth (daily noise alone is about 5%).
        assert!(
            (got - true_total).abs() / true_total < 0.08,
            "day {d}: forecast {got:.0}, truth {true_total:.0}"
        );
        day_totals.push((got, true_total));
        for (i, w) in want.iter().enumerate() {
            let k = d * 96 + i;
            inside += (p.lower[k] <= *w && *w <= p.upper[k]) as usize;
            n += 1;
        }
    }
    // The true mean lies in the 80% band of a count nearly always.
    assert!(inside as f64 / n as f64 > 0.97, "{inside} of {n}");
    // The bank holiday Monday (day 7) is forecast well below the ordinary Monday before it.
    let (holiday, truth) = day_totals[7];
    let (monday, _) = day_totals[0];
    assert!(
        holiday < 0.75 * monday,
        "holiday {holiday:.0} vs Monday {monday:.0}"
    );
    assert!((holiday - truth).abs() / truth < 0.08);
    assert!(p.effects.any_holiday.unwrap() < 0.75);
}

#[test]
fn the_backtest_never_sees_the_days_it_scores() {
    let spec = synthetic::channels()[0].clone();
    let first = date("2025-03-03");
    let days = history(&spec, first, 70, 3);
    let mut changed = days.clone();
    for d in changed.iter_mut().skip(70 - 14).flatten() {
        d.iter_mut().for_each(|x| *x *= 10.0);
    }
    let a = backtest::run("999", &input(first, &days), 14, &[]).unwrap();
    let b = backtest::run("999", &input(first, &changed), 14, &[]).unwrap();
    for ((m, sa, pa), (_, sb, pb)) in a.results.iter().zip(&b.results) {
        assert_eq!(
            pa.point, pb.point,
            "{m:?}: the forecast moved with the held-out data"
        );
        assert_eq!(pa.upper, pb.upper);
        assert!(
            sb.wape_pct > sa.wape_pct + 30.0,
            "{m:?}: scores use the held-out data"
        );
    }
    // The forecast made from the first 56 days alone is the backtest's forecast.
    let direct = predict(
        &input(first, &days[..56]),
        Method::MstlEts,
        date("2025-04-28"),
        14,
        &[],
    );
    assert_eq!(direct.unwrap().point, a.results[0].2.point);
}

#[test]
fn the_method_beats_both_baselines_on_a_growing_history() {
    // 1% a week growth over 20 weeks; the last 4 weeks held out.
    let mut spec = synthetic::channels()[0].clone();
    spec.growth = 1.01f64.powf(52.0) - 1.0;
    spec.annual = 0.0;
    let first = date("2024-01-01");
    let days = history(&spec, first, 140, 11);
    let b = backtest::run("999", &input(first, &days), 28, &[]).unwrap();
    let m = b.scores(Method::MstlEts).unwrap();
    for base in [Method::LastWeek, Method::WeekdayMean] {
        let s = b.scores(base).unwrap();
        assert!(m.wape_pct < s.wape_pct, "{base:?}: {s:?} vs method {m:?}");
    }
    assert_eq!(b.winner(), Method::MstlEts);
    assert!((70.0..90.0).contains(&m.coverage_pct), "{m:?}");
}

#[test]
fn the_method_beats_both_baselines_on_the_shipped_history() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios/planning/history/calls-2023-2025.csv");
    let h = crate::model::import::read(&path, &Default::default()).unwrap();
    let ev = events::read(&path.with_file_name("events.csv")).unwrap();
    assert_eq!(h.days(), 731);
    for s in &h.channels {
        let b = backtest::run(&s.channel, &Input::new(&h, s), 28, &ev).unwrap();
        assert_eq!(
            b.winner(),
            Method::MstlEts,
            "{}: {:?}",
            s.channel,
            b.results.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>()
        );
        let m = b.scores(Method::MstlEts).unwrap();
        assert!(
            (72.0..90.0).contains(&m.coverage_pct),
            "{}: {m:?}",
            s.channel
        );
    }
}

#[test]
fn bad_requests_say_why() {
    let spec = synthetic::channels()[2].clone();
    let first = date("2025-03-03");
    let short = history(&spec, first, 13, 1);
    let e = predict(
        &input(first, &short),
        Method::MstlEts,
        date("2025-03-20"),
        7,
        &[],
    )
    .unwrap_err();
    assert!(
        matches!(&e, ForecastError::Input(m) if m.contains("13 days with data") && m.contains("two weeks")),
        "{e}"
    );
    let ok = history(&spec, first, 28, 1);
    let e = predict(
        &input(first, &ok),
        Method::LastWeek,
        date("2025-03-30"),
        7,
        &[],
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("after the history's last day (2025-03-30)"),
        "{e}"
    );
}

#[test]
fn forecast_csv_has_one_row_per_channel_and_interval() {
    let spec = synthetic::channels()[2].clone();
    let first = date("2025-03-03");
    let days = history(&spec, first, 28, 1);
    let p = predict(
        &input(first, &days),
        Method::WeekdayMean,
        date("2025-04-01"),
        2,
        &[],
    )
    .unwrap();
    let set = ForecastSet {
        start: date("2025-04-01"),
        days: 2,
        interval_minutes: 15,
        method: Method::WeekdayMean,
        channels: vec![("digital".into(), p)],
    };
    let text = output::csv(&set);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "channel,start,forecast,lower_80,upper_80");
    assert_eq!(lines.len(), 1 + 2 * 96);
    assert!(lines[1].starts_with("digital,2025-04-01 00:00,"));
    assert!(lines[192].starts_with("digital,2025-04-02 23:45,"));
}
