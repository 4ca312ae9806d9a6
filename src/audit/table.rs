//! Reading an export as a table, a slice of bytes at a time: CSV (UTF-8
//! with or without BOM, `,` or `;` decided from the header line, quoted
//! fields with embedded line breaks and `""` escapes, duplicate column
//! names kept by position), a JSON array of objects, or JSON lines.
//!
//! The kind is decided from the first byte that is not a BOM or
//! whitespace: `[` is a JSON array, `{` JSON lines, anything else CSV.
//! JSON objects are flattened into columns named by their dotted path
//! (`metric_set.reply_time_in_minutes.calendar`); the header is the first
//! object's paths, and later objects are read in those columns (a missing
//! key or `null` is an empty cell). An object with a `"tickets"` array
//! (Zendesk's API answer) stands for its tickets, each with the line it
//! starts on.
//!
//! Rows are handed to a sink as they complete, with the line they start
//! on; the reader keeps one row at a time.
//!
//! ```
//! use sla::audit::table::Reader;
//!
//! let mut reader = Reader::new();
//! let mut ids = Vec::new();
//! let mut sink = |row: Result<sla::audit::table::Row<'_>, sla::audit::RowError>| {
//!     let row = row.unwrap();
//!     ids.push((row.line, row.get(0).unwrap().to_string()));
//! };
//! // A quoted line break, split across two slices.
//! reader.push(b"\xEF\xBB\xBFid;note\n1;\"two\n", &mut sink).unwrap();
//! reader.push(b"lines\"\n2;x\n", &mut sink).unwrap();
//! reader.finish(&mut sink).unwrap();
//! assert_eq!(reader.header().unwrap(), ["id", "note"]);
//! assert_eq!(ids, [(2, "1".to_string()), (4, "2".to_string())]);
//! ```

use serde_json::Value;

use super::error::{AuditError, RowError};

/// What the input turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Csv { delimiter: u8 },
    JsonArray,
    JsonLines,
}

impl Kind {
    pub fn is_json(self) -> bool {
        !matches!(self, Kind::Csv { .. })
    }
}

/// One data row: its cells by position, the line it starts on, and its
/// ordinal among data rows (0-based; the JSON array index).
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub line: u64,
    pub index: u64,
    header: &'a [String],
    kind: Kind,
    text: &'a str,
    ends: &'a [usize],
}

impl<'a> Row<'a> {
    /// The cell at a column position, `None` past the end.
    pub fn get(&self, column: usize) -> Option<&'a str> {
        let end = *self.ends.get(column)?;
        let start = if column == 0 {
            0
        } else {
            self.ends[column - 1]
        };
        self.text.get(start..end)
    }
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    /// What the file is.
    pub fn kind(&self) -> Kind {
        self.kind
    }
    /// The file's column names.
    pub fn header(&self) -> &'a [String] {
        self.header
    }
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Where a row's cells go as they complete.
pub type Sink<'s> = dyn FnMut(Result<Row<'_>, RowError>) + 's;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Csv {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: `""` or the field's end.
    QuoteInQuoted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Json {
    /// Between elements (after `[`, a `,`, or at the top of JSON lines).
    Between,
    /// Inside an object element.
    Element {
        depth: u32,
        string: bool,
        escape: bool,
    },
    /// After the array's `]`.
    Done,
}

/// A push reader: give it slices with [`Reader::push`], then call
/// [`Reader::finish`].
#[derive(Debug, Default)]
pub struct Reader {
    kind: Option<Kind>,
    /// Bytes before the kind and the header line are known.
    pending: Vec<u8>,
    header: Option<Vec<String>>,
    /// JSON: the header's paths split at dots.
    paths: Vec<Vec<String>>,
    /// The current line (1-based) at the reading position.
    line: u64,
    bytes: u64,
    rows: u64,
    csv: Option<Csv>,
    json: Option<Json>,
    /// The record or element being read.
    record: Vec<u8>,
    ends: Vec<usize>,
    record_line: u64,
    /// The current row's cells, as text.
    text: String,
    cells: Vec<usize>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// Enough bytes to decide the kind and the delimiter even when a header
/// line is very long; past this, what is pending is read as it is.
const HEADER_LIMIT: usize = 1 << 20;

impl Reader {
    pub fn new() -> Reader {
        Reader {
            line: 1,
            ..Reader::default()
        }
    }

    /// The kind, once the first line has been seen.
    pub fn kind(&self) -> Option<Kind> {
        self.kind
    }

    /// The column names by position (duplicates kept), once read.
    pub fn header(&self) -> Option<&[String]> {
        self.header.as_deref()
    }

    /// Bytes given so far (for a progress bar).
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// Data rows completed so far (good and bad).
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Reads a slice; complete rows go to `sink` in order.
    pub fn push(&mut self, chunk: &[u8], sink: &mut Sink<'_>) -> Result<(), AuditError> {
        self.bytes += chunk.len() as u64;
        if self.kind.is_none() {
            self.pending.extend_from_slice(chunk);
            let body = self.pending.strip_prefix(BOM).unwrap_or(&self.pending);
            let Some(first) = body.iter().position(|b| !b.is_ascii_whitespace()) else {
                return Ok(());
            };
            let kind = match body[first] {
                b'[' => Kind::JsonArray,
                b'{' => Kind::JsonLines,
                _ => {
                    let Some(end) = body[first..].iter().position(|&b| b == b'\n') else {
                        if body.len() < HEADER_LIMIT {
                            return Ok(());
                        }
                        return Err(AuditError::Binary);
                    };
                    Kind::Csv {
                        delimiter: delimiter(&body[first..first + end]),
                    }
                }
            };
            if looks_binary(body) {
                return Err(AuditError::Binary);
            }
            self.kind = Some(kind);
            let pending = std::mem::take(&mut self.pending);
            let skip = if pending.starts_with(BOM) { 3 } else { 0 };
            return self.read(&pending[skip..], sink);
        }
        self.read(chunk, sink)
    }

    /// Ends the input: completes a last row without a line break.
    pub fn finish(&mut self, sink: &mut Sink<'_>) -> Result<(), AuditError> {
        if self.kind.is_none() {
            let pending = std::mem::take(&mut self.pending);
            let body = pending.strip_prefix(BOM).unwrap_or(&pending);
            if body.iter().all(u8::is_ascii_whitespace) {
                return Err(AuditError::Empty);
            }
            // A header line without a line break.
            let mut with_break = pending.clone();
            with_break.push(b'\n');
            let bytes = self.bytes;
            self.push(&with_break, sink)?;
            self.bytes = bytes;
        }
        match self.kind {
            Some(Kind::Csv { delimiter })
                if self.csv.is_some_and(|s| s != Csv::FieldStart) || !self.ends.is_empty() =>
            {
                self.end_field();
                self.end_record(delimiter, sink)?;
            }
            Some(Kind::Csv { .. }) => {}
            Some(kind) => match self.json {
                Some(Json::Element { .. }) => {
                    return Err(AuditError::Json {
                        line: self.record_line,
                        message: "the JSON ends inside an object: expected a closing }".into(),
                    })
                }
                Some(Json::Between) if kind == Kind::JsonArray => {
                    return Err(AuditError::Json {
                        line: self.line,
                        message: "the JSON array is not closed: expected ] at the end".into(),
                    })
                }
                _ => {}
            },
            None => {}
        }
        if self.header.is_none() {
            return Err(AuditError::Empty);
        }
        Ok(())
    }

    fn read(&mut self, bytes: &[u8], sink: &mut Sink<'_>) -> Result<(), AuditError> {
        match self.kind {
            Some(Kind::Csv { delimiter }) => {
                self.read_csv(bytes, delimiter, sink);
                Ok(())
            }
            Some(kind) => self.read_json(bytes, kind, sink),
            None => Ok(()),
        }
    }

    fn end_field(&mut self) {
        self.ends.push(self.record.len());
    }

    fn read_csv(&mut self, bytes: &[u8], delimiter: u8, sink: &mut Sink<'_>) {
        let mut state = self.csv.unwrap_or(Csv::FieldStart);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if state == Csv::FieldStart && self.ends.is_empty() && self.record.is_empty() {
                self.record_line = self.line;
            }
            // Plain text runs are copied whole (the byte loop below is for
            // the bytes that change state).
            let plain = match state {
                Csv::FieldStart | Csv::Unquoted => bytes[i..]
                    .iter()
                    .position(|&c| c == delimiter || matches!(c, b'"' | b'\n' | b'\r'))
                    .unwrap_or(bytes.len() - i),
                Csv::Quoted => bytes[i..]
                    .iter()
                    .position(|&c| matches!(c, b'"' | b'\n'))
                    .unwrap_or(bytes.len() - i),
                Csv::QuoteInQuoted => 0,
            };
            if plain > 0 {
                self.record.extend_from_slice(&bytes[i..i + plain]);
                if state == Csv::FieldStart {
                    state = Csv::Unquoted;
                }
                i += plain;
                continue;
            }
            i += 1;
            if b == b'\n' {
                self.line += 1;
            }
            state = match (state, b) {
                (Csv::Quoted, b'"') => Csv::QuoteInQuoted,
                (Csv::Quoted, _) => {
                    self.record.push(b);
                    Csv::Quoted
                }
                (Csv::QuoteInQuoted, b'"') => {
                    self.record.push(b'"');
                    Csv::Quoted
                }
                (Csv::FieldStart, b'"') => Csv::Quoted,
                (_, b'\r') => state,
                (_, b'\n') => {
                    self.end_field();
                    // Whatever the sink does, the reader goes on.
                    let _ = self.end_record(delimiter, sink);
                    Csv::FieldStart
                }
                (_, _) if b == delimiter => {
                    self.end_field();
                    Csv::FieldStart
                }
                // Text after a closing quote, or a quote inside an
                // unquoted field, is kept as it is.
                _ => {
                    self.record.push(b);
                    Csv::Unquoted
                }
            };
        }
        self.csv = Some(state);
    }

    fn end_record(&mut self, delimiter: u8, sink: &mut Sink<'_>) -> Result<(), AuditError> {
        let line = self.record_line;
        let blank = self.ends.len() == 1 && self.record.is_empty();
        let result = if blank {
            Ok(())
        } else if self.header.is_none() {
            let text = String::from_utf8_lossy(&self.record);
            let mut names = Vec::with_capacity(self.ends.len());
            let mut start = 0;
            for &end in &self.ends {
                names.push(text.get(start..end).unwrap_or("").trim().to_string());
                start = end;
            }
            self.header = Some(names);
            Ok(())
        } else {
            self.rows += 1;
            let expected = self.header.as_ref().map_or(0, Vec::len);
            if self.ends.len() != expected {
                sink(Err(RowError {
                    line,
                    reason: format!(
                        "the row has {} fields but the header has {expected}: a field holding \
                         the delimiter or a line break must be in double quotes, e.g. \"a, b\"",
                        self.ends.len()
                    ),
                }));
            } else {
                match std::str::from_utf8(&self.record) {
                    Ok(text) => sink(Ok(Row {
                        line,
                        index: self.rows - 1,
                        header: self.header.as_deref().unwrap_or_default(),
                        kind: Kind::Csv { delimiter },
                        text,
                        ends: &self.ends,
                    })),
                    Err(_) => sink(Err(RowError {
                        line,
                        reason: "the row is not valid UTF-8: save the export as UTF-8".into(),
                    })),
                }
            }
            Ok(())
        };
        self.record.clear();
        self.ends.clear();
        result
    }

    fn read_json(
        &mut self,
        bytes: &[u8],
        kind: Kind,
        sink: &mut Sink<'_>,
    ) -> Result<(), AuditError> {
        let mut state = self.json.unwrap_or(if kind == Kind::JsonArray {
            // The `[` is read as the first byte below.
            Json::Done
        } else {
            Json::Between
        });
        let mut opened = self.json.is_some() || kind == Kind::JsonLines;
        for &b in bytes {
            match state {
                Json::Element {
                    depth,
                    string,
                    escape,
                } => {
                    self.record.push(b);
                    state = if string {
                        Json::Element {
                            depth,
                            string: b != b'"' || escape,
                            escape: b == b'\\' && !escape,
                        }
                    } else {
                        match b {
                            b'"' => Json::Element {
                                depth,
                                string: true,
                                escape: false,
                            },
                            b'{' | b'[' => Json::Element {
                                depth: depth + 1,
                                string: false,
                                escape: false,
                            },
                            b'}' | b']' if depth == 1 => {
                                self.json_element(sink);
                                Json::Between
                            }
                            b'}' | b']' => Json::Element {
                                depth: depth - 1,
                                string: false,
                                escape: false,
                            },
                            _ => state,
                        }
                    };
                }
                Json::Between => match b {
                    b'{' => {
                        self.record.clear();
                        self.record.push(b);
                        self.record_line = self.line;
                        state = Json::Element {
                            depth: 1,
                            string: false,
                            escape: false,
                        };
                    }
                    b',' if kind == Kind::JsonArray => {}
                    b']' if kind == Kind::JsonArray => state = Json::Done,
                    _ if b.is_ascii_whitespace() => {}
                    _ => {
                        return Err(AuditError::Json {
                            line: self.line,
                            message: format!(
                                "unexpected {:?}: expected one object per ticket, e.g. \
                                 {{\"id\": 1, \"priority\": \"high\", \"created_at\": \"2026-03-02T09:00:00Z\"}}",
                                char::from(b)
                            ),
                        })
                    }
                },
                Json::Done => match b {
                    b'[' if !opened => {
                        opened = true;
                        state = Json::Between;
                    }
                    _ if b.is_ascii_whitespace() => {}
                    _ => {
                        return Err(AuditError::Json {
                            line: self.line,
                            message: format!(
                                "unexpected {:?} after the array: expected one JSON array",
                                char::from(b)
                            ),
                        })
                    }
                },
            }
            if b == b'\n' {
                self.line += 1;
            }
        }
        self.json = Some(state);
        Ok(())
    }

    /// A complete object in `record`: the header from the first, a row
    /// from each.
    fn json_element(&mut self, sink: &mut Sink<'_>) {
        let line = self.record_line;
        let value: Value = match serde_json::from_slice(&self.record) {
            Ok(value) => value,
            Err(e) => {
                if self.header.is_some() {
                    self.rows += 1;
                }
                sink(Err(RowError {
                    line,
                    reason: format!(
                        "[{}]: not valid JSON ({e}): expected an object such as {{\"id\": 1}}",
                        self.rows.saturating_sub(1)
                    ),
                }));
                return;
            }
        };
        // Zendesk's API answers `{"tickets": [...], ...}`: its tickets are the rows.
        if let Some(Value::Array(tickets)) = value.get("tickets") {
            let lines = ticket_lines(&self.record, line);
            for (i, ticket) in tickets.iter().enumerate() {
                self.json_row(ticket, lines.get(i).copied().unwrap_or(line), sink);
            }
            return;
        }
        self.json_row(&value, line, sink);
    }

    /// One object as a row in the header's columns (the first sets them).
    fn json_row(&mut self, value: &Value, line: u64, sink: &mut Sink<'_>) {
        if !value.is_object() {
            self.rows += 1;
            sink(Err(RowError {
                line,
                reason: format!(
                    "[{}]: expected an object such as {{\"id\": 1}}",
                    self.rows - 1
                ),
            }));
            return;
        }
        if self.header.is_none() {
            let mut names = Vec::new();
            flatten_names(value, "", &mut names);
            self.paths = names
                .iter()
                .map(|n| n.split('.').map(str::to_string).collect())
                .collect();
            self.header = Some(names);
        }
        self.rows += 1;
        self.text.clear();
        self.cells.clear();
        for path in &self.paths {
            let mut at = Some(value);
            for key in path {
                at = at.and_then(|v| v.get(key));
            }
            match at {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) => self.text.push_str(s),
                Some(other) => self.text.push_str(&other.to_string()),
            }
            self.cells.push(self.text.len());
        }
        sink(Ok(Row {
            line,
            index: self.rows - 1,
            header: self.header.as_deref().unwrap_or_default(),
            kind: self.kind.unwrap_or(Kind::JsonLines),
            text: &self.text,
            ends: &self.cells,
        }));
    }
}

/// The line each item of the `"tickets"` array of an object starts on,
/// the object's text starting on `first_line`.
fn ticket_lines(object: &[u8], first_line: u64) -> Vec<u64> {
    let (mut depth, mut line) = (0u32, first_line);
    let (mut string, mut escape) = (false, false);
    // The last string completed inside the object itself: a key before
    // its value.
    let (mut text, mut key) = (Vec::new(), Vec::new());
    let (mut in_tickets, mut between) = (false, true);
    let mut lines = Vec::new();
    for &b in object {
        if string {
            if escape {
                escape = false;
            } else if b == b'\\' {
                escape = true;
            } else if b == b'"' {
                string = false;
                if depth == 1 {
                    key = std::mem::take(&mut text);
                }
                continue;
            }
            if depth == 1 {
                text.push(b);
            }
        } else if in_tickets
            && depth == 2
            && between
            && !matches!(b, b',' | b']')
            && !b.is_ascii_whitespace()
        {
            lines.push(line);
            between = false;
        }
        if !string {
            match b {
                b'"' => {
                    string = true;
                    text.clear();
                }
                b'{' | b'[' => {
                    if depth == 1 && b == b'[' && key == b"tickets" {
                        in_tickets = true;
                        between = true;
                    }
                    depth += 1;
                }
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 1 {
                        in_tickets = false;
                    }
                    if depth == 2 {
                        between = true;
                    }
                }
                b',' if depth == 2 => between = true,
                _ => {}
            }
        }
        if b == b'\n' {
            line += 1;
        }
    }
    lines
}

/// NUL bytes or text that is not UTF-8 in the first 4 KB (a character
/// cut at the end of what has arrived is not an error).
fn looks_binary(body: &[u8]) -> bool {
    let head = &body[..body.len().min(4096)];
    head.contains(&0) || matches!(std::str::from_utf8(head), Err(e) if e.error_len().is_some())
}

/// `;` when the header line has more of them than commas (outside quotes).
fn delimiter(line: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

fn flatten_names(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, inner) in map {
                let name = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                flatten_names(inner, &name, out);
            }
        }
        _ if !at.is_empty() => out.push(at.to_string()),
        _ => {}
    }
}

/// Reads a whole input held in memory, in slices (as a stream would):
/// returns the header; rows go to `sink`.
pub fn read_all(bytes: &[u8], sink: &mut Sink<'_>) -> Result<Vec<String>, AuditError> {
    let mut reader = Reader::new();
    for chunk in bytes.chunks(1 << 16) {
        reader.push(chunk, sink)?;
    }
    reader.finish(sink)?;
    Ok(reader.header.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row's line and cells (or its error as one cell).
    type Found = (u64, Vec<String>);

    /// Every row as (line, cells) or (line, error), the input given in
    /// slices of `step` bytes.
    fn rows(input: &[u8], step: usize) -> Result<(Vec<String>, Vec<Found>), AuditError> {
        let mut out = Vec::new();
        let mut sink = |row: Result<Row<'_>, RowError>| match row {
            Ok(row) => out.push((
                row.line,
                (0..row.len())
                    .map(|i| row.get(i).unwrap().to_string())
                    .collect(),
            )),
            Err(e) => out.push((e.line, vec![format!("error: {}", e.reason)])),
        };
        let mut reader = Reader::new();
        for chunk in input.chunks(step) {
            reader.push(chunk, &mut sink)?;
        }
        reader.finish(&mut sink)?;
        Ok((reader.header().unwrap().to_vec(), out))
    }

    fn cells(row: &[&str]) -> Vec<String> {
        row.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn csv_forms_read_the_same_in_any_slicing() {
        let input = "\u{feff}Id;Comment;Comment\r\n1;\"a; \"\"b\"\"\r\nc\";x\r\n\r\n2;;\"\"\n3;z;w";
        for step in [1, 2, 3, 7, 1000] {
            let (header, rows) = rows(input.as_bytes(), step).unwrap();
            assert_eq!(header, cells(&["Id", "Comment", "Comment"]), "step {step}");
            assert_eq!(
                rows,
                vec![
                    // The quoted field spans lines 2 and 3; line 4 is blank.
                    (2, cells(&["1", "a; \"b\"\r\nc", "x"])),
                    (5, cells(&["2", "", ""])),
                    (6, cells(&["3", "z", "w"])),
                ],
                "step {step}"
            );
        }
    }

    #[test]
    fn a_short_row_is_reported_with_its_line() {
        let (_, rows) = rows(b"a,b\n1,2\n3\n4,5,6\n7,8\n", 4).unwrap();
        assert_eq!(rows[0], (2, cells(&["1", "2"])));
        assert_eq!(rows[1].0, 3);
        assert!(
            rows[1].1[0].contains("has 1 fields but the header has 2"),
            "{rows:?}"
        );
        assert_eq!(rows[2].0, 4);
        assert_eq!(rows[3], (5, cells(&["7", "8"])));
    }

    #[test]
    fn empty_and_binary_inputs_are_named() {
        assert_eq!(rows(b"", 4).unwrap_err(), AuditError::Empty);
        assert_eq!(
            rows(b"\xEF\xBB\xBF \n\n", 4).unwrap_err(),
            AuditError::Empty
        );
        assert_eq!(
            rows(b"PK\x03\x04\x00\x00binary\n", 4).unwrap_err(),
            AuditError::Binary
        );
        assert_eq!(
            rows(b"\xff\xfe\x00i\x00d\n", 4).unwrap_err(),
            AuditError::Binary
        );
        // A header alone, without a line break, is a file with no rows.
        assert_eq!(rows(b"id,severity", 4).unwrap().1, vec![]);
    }

    #[test]
    fn json_arrays_and_lines_flatten_objects() {
        let array = br#"[
  {"id": 1, "priority": "high", "metric_set": {"reply_time_in_minutes": {"calendar": 30, "business": 10}}},
  {"id": "2", "priority": null, "note": "with } and \" inside"},
  {"id": 3,
   "priority": "low"}
]"#;
        for step in [1, 5, 4096] {
            let (header, rows) = rows(array, step).unwrap();
            assert_eq!(
                header,
                cells(&[
                    "id",
                    "metric_set.reply_time_in_minutes.business",
                    "metric_set.reply_time_in_minutes.calendar",
                    "priority"
                ])
            );
            assert_eq!(
                rows,
                vec![
                    (2, cells(&["1", "10", "30", "high"])),
                    (3, cells(&["2", "", "", ""])),
                    (4, cells(&["3", "", "", "low"])),
                ]
            );
        }
        // Each ticket of the API's answer keeps the line it starts on.
        let api = b"{\"users\": [{\"id\": 9}],\n \"tickets\": [{\"id\": 1, \"note\": \"a ] \\\" {\"},\n 5,\n {\"id\": [2]}\n], \"count\": 2}";
        let (header, found) = rows(api, 7).unwrap();
        assert_eq!(header, cells(&["id", "note"]));
        assert_eq!(found[0], (2, cells(&["1", "a ] \" {"])));
        assert_eq!(found[1].0, 3);
        assert!(
            found[1].1[0].starts_with("error: [1]: expected an object"),
            "{found:?}"
        );
        assert_eq!(found[2], (4, cells(&["[2]", ""])));
        let lines = b"{\"id\": 7}\n{\"id\": oops}\n{\"id\": 9}\n";
        let (_, rows) = rows(lines, 3).unwrap();
        assert_eq!(rows[0], (1, cells(&["7"])));
        assert_eq!(rows[1].0, 2);
        assert!(
            rows[1].1[0].starts_with("error: [1]: not valid JSON"),
            "{rows:?}"
        );
        assert_eq!(rows[2], (3, cells(&["9"])));
    }

    #[test]
    fn json_that_is_not_objects_is_refused_with_its_line() {
        let error = rows(b"[\n{\"id\": 1},\n 5\n]", 2).unwrap_err();
        assert!(
            matches!(&error, AuditError::Json { line: 3, message } if message.contains("one object per ticket")),
            "{error:?}"
        );
        let error = rows(b"[{\"id\": 1}", 2).unwrap_err();
        assert!(error.to_string().contains("not closed"), "{error}");
    }

    #[test]
    fn the_delimiter_is_decided_from_the_header() {
        assert_eq!(delimiter(b"a;b;c"), b';');
        assert_eq!(delimiter(b"a,b;c,d"), b',');
        assert_eq!(delimiter(b"\"a;b\",c"), b',');
    }

    mod laws {
        use proptest::prelude::*;

        use super::*;

        /// A field with the characters that need care: delimiters, quotes,
        /// line breaks, non-ASCII text.
        fn field() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![
                    Just('a'),
                    Just(','),
                    Just(';'),
                    Just('"'),
                    Just('\n'),
                    Just('\r'),
                    Just('é'),
                    Just(' ')
                ],
                0..6,
            )
            .prop_map(|chars| chars.into_iter().collect())
        }

        proptest! {
            /// Quoted fields read back as written, whatever the slicing.
            #[test]
            fn quoted_csv_reads_back(
                table in proptest::collection::vec(proptest::collection::vec(field(), 3), 1..6),
                step in 1usize..40,
            ) {
                let quote = |f: &String| format!("\"{}\"", f.replace('"', "\"\""));
                let mut text = String::from("a,b,c\r\n");
                for row in &table {
                    text += &row.iter().map(quote).collect::<Vec<_>>().join(",");
                    text += "\r\n";
                }
                let (header, found) = rows(text.as_bytes(), step).unwrap();
                prop_assert_eq!(header, cells(&["a", "b", "c"]));
                let read: Vec<Vec<String>> = found.into_iter().map(|(_, cells)| cells).collect();
                prop_assert_eq!(read, table);
            }

            /// Any bytes are read or refused, never a panic.
            #[test]
            fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..200), step in 1usize..20) {
                let mut reader = Reader::new();
                let mut sink = |_: Result<Row<'_>, RowError>| {};
                let mut result = Ok(());
                for chunk in bytes.chunks(step) {
                    result = result.and_then(|()| reader.push(chunk, &mut sink));
                }
                let _ = result.and_then(|()| reader.finish(&mut sink));
            }
        }
    }
}
