//! Reading an export into rows of cells, whatever the file type: CSV (text cells) or XLSX
//! (the first worksheet; numbers and Excel date serials kept as numbers).

use super::ImportError;
use std::path::Path;

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number, or an Excel date/time serial (days since 1899-12-30, fraction = time of day).
    Number(f64),
}

impl Cell {
    /// The cell as text for messages and text parsing.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => format!("{x}"),
        }
    }
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// A row and the line (CSV) or row number (XLSX) it came from, 1-based.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<Cell>,
}

/// The header (first row) and the data rows of a file.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// Read a CSV or XLSX file (by extension: `.xlsx`, `.xlsm`, `.xls`, `.ods` are workbooks).
pub fn read(path: &Path) -> Result<Table, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path),
        _ => read_csv(path),
    }
}

fn read_csv(path: &Path) -> Result<Table, ImportError> {
    let text = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES)
        .map_err(|e| ImportError::file(path, e.to_string()))?;
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .has_headers(false)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut header = None;
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            ImportError::at(path, line, e.to_string())
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        if header.is_none() {
            header = Some(rec.iter().map(|s| s.to_string()).collect());
            continue;
        }
        let cells = rec
            .iter()
            .map(|s| {
                if s.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(s.to_string())
                }
            })
            .collect();
        rows.push(Row { line, cells });
    }
    let header = header.ok_or_else(|| ImportError::file(path, "the file is empty"))?;
    Ok(Table { header, rows })
}

fn read_workbook(path: &Path) -> Result<Table, ImportError> {
    use calamine::{Data, Reader, open_workbook_auto_from_rs};
    let bytes = crate::files::read_input_bytes(path, crate::files::MAX_INPUT_BYTES)
        .map_err(|e| ImportError::file(path, e.to_string()))?;
    let mut wb = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::file(path, e.to_string()))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| ImportError::file(path, "the workbook has no worksheet"))?
        .map_err(|e| ImportError::file(path, e.to_string()))?;
    let first_row = range.start().map_or(0, |(r, _)| r as u64);
    let mut header = None;
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let line = first_row + i as u64 + 1;
        let cells: Vec<Cell> = r
            .iter()
            .map(|d| match d {
                Data::Empty => Cell::Empty,
                Data::Int(i) => Cell::Number(*i as f64),
                Data::Float(x) => Cell::Number(*x),
                Data::DateTime(t) => Cell::Number(t.as_f64()),
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                    Cell::Text(s.trim().to_string())
                }
                Data::Bool(b) => Cell::Text(b.to_string()),
                Data::Error(e) => Cell::Text(format!("#{e:?}")),
            })
            .collect();
        if header.is_none() {
            if cells.iter().all(Cell::is_empty) {
                continue;
            }
            header = Some(cells.iter().map(Cell::text).collect());
            continue;
        }
        rows.push(Row { line, cells });
    }
    let header = header.ok_or_else(|| ImportError::file(path, "the first worksheet is empty"))?;
    Ok(Table { header, rows })
}
