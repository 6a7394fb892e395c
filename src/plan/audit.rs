//! The per-call audit file (`--calls`): one replication's contacts, one CSV row each.

use crate::sim::{CallRecord, CallSink, Config};
use std::io::Write;

/// Writes call records as CSV rows; remembers the first write error.
pub struct CsvCalls<'a, W: Write> {
    out: csv::Writer<W>,
    cfg: &'a Config,
    error: Option<csv::Error>,
}

const HEADER: [&str; 11] = [
    "call_id",
    "channel",
    "arrival_s",
    "outcome",
    "wait_s",
    "handler",
    "group",
    "talk_s",
    "wrap_s",
    "redial",
    "counted",
];

impl<'a, W: Write> CsvCalls<'a, W> {
    pub fn new(out: W, cfg: &'a Config) -> Self {
        let mut out = csv::Writer::from_writer(out);
        let error = out.write_record(HEADER).err();
        CsvCalls { out, cfg, error }
    }

    /// Flush and hand back the writer, or the first error.
    pub fn finish(mut self) -> Result<W, csv::Error> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush()?;
        self.out
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

impl<W: Write> CallSink for CsvCalls<'_, W> {
    fn record(&mut self, r: &CallRecord) {
        if self.error.is_some() {
            return;
        }
        let (handler, group) = match r.handler {
            Some((h, g)) => (h.to_string(), self.cfg.groups[g].name.as_str()),
            None => (String::new(), ""),
        };
        let res = self.out.write_record([
            r.id.to_string().as_str(),
            &self.cfg.channels[r.channel].name,
            &format!("{:.3}", r.arrival_s),
            r.outcome.as_str(),
            &format!("{:.3}", r.wait_s),
            &handler,
            group,
            &format!("{:.3}", r.talk_s),
            &format!("{:.3}", r.wrap_s),
            if r.redial { "true" } else { "false" },
            if r.counted { "true" } else { "false" },
        ]);
        if let Err(e) = res {
            self.error = Some(e);
        }
    }
}
