//! `sla audit` on generated generic-CSV exports of 100,000 and 1,000,000
//! tickets: the whole command (two passes over the bytes, the audit, the
//! results CSV written), from bytes in memory to the summary.
//! Run with `cargo bench --bench audit`; the README records the figures.

use std::time::Instant as Clock;

use sla::cli;

/// A generic export of `n` tickets of Unnamed EU's four severities,
/// opened at odd minutes over a year (nights, weekends, holidays and DST
/// weeks all occur), a third never answered, every tenth with a pause.
fn export(n: usize) -> Vec<u8> {
    let base = chrono::DateTime::parse_from_rfc3339("2026-01-05T00:00:00Z")
        .unwrap()
        .timestamp();
    let stamp = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .unwrap()
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    };
    let mut out = String::with_capacity(n * 110);
    out.push_str("id,severity,opened,first_response,resolved,pauses\n");
    for i in 0..n as i64 {
        let opened = base + (i * 7919 * 60) % (360 * 86_400);
        let reply = if i % 3 == 0 {
            String::new()
        } else {
            stamp(opened + (i % 97) * 600)
        };
        let resolved = if i % 5 == 0 {
            String::new()
        } else {
            stamp(opened + (i % 89) * 3600)
        };
        let pause = if i % 10 == 0 {
            format!("{}/{}", stamp(opened + 600), stamp(opened + 4200))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "T{i},{},{},{reply},{resolved},{pause}\n",
            1 + i % 4,
            stamp(opened)
        ));
    }
    out.into_bytes()
}

/// The audit page's table work for `n` tickets, done in its worker: the
/// table's order (the default, by ticket id, by severity), a search by id
/// and the margin histogram.
fn page_side(n: usize) {
    use sla::present::audit::{histogram, order, Filter, Outcome, Results, Row, SortKey, State};
    let states = [State::Met, State::Breached, State::Open, State::NotMeasured];
    let rows = (0..n as i64)
        .map(|i| Row {
            line: i as u64 + 2,
            ticket: format!("T{}", (i * 7919) % n as i64).into(),
            severity: ((1 + i % 4).to_string()).into(),
            opened: 1_767_571_200 + i * 300,
            pauses: Vec::new(),
            outcomes: (0..3u16)
                .map(|t| Outcome {
                    target: t,
                    state: states[((i + i64::from(t)) % 4) as usize],
                    due: Some(1_767_571_200 + i * 300 + 3600),
                    actual: None,
                    margin: Some((i * 37 + i64::from(t) * 11) % 5000 - 1000),
                })
                .collect(),
        })
        .collect();
    let results = Results {
        targets: vec!["response".into(), "update".into(), "resolution".into()],
        severities: ["1", "2", "3", "4"].map(String::from).to_vec(),
        rows,
        bad: Vec::new(),
        bad_count: 0,
    };
    let time = |what: &str, f: &dyn Fn() -> usize| {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let start = Clock::now();
            std::hint::black_box(f());
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!(
            "audit page, {n} tickets: {what}: best of 5 {:.1} ms",
            best * 1e3
        );
    };
    let all = Filter::default();
    time("order, breached first", &|| {
        order(&results, SortKey::Worst, false, &all).len()
    });
    time("order, by ticket id", &|| {
        order(&results, SortKey::Ticket, false, &all).len()
    });
    time("order, by severity", &|| {
        order(&results, SortKey::Severity, false, &all).len()
    });
    let search = Filter {
        text: "t12".into(),
        ..Filter::default()
    };
    time("filter, ids containing \"t12\"", &|| {
        order(&results, SortKey::Worst, false, &search).len()
    });
    time("margin histogram", &|| histogram(&results).len());
}

fn main() {
    page_side(100_000);
    for n in [100_000, 1_000_000] {
        let input = export(n);
        let args: Vec<String> = [
            "audit",
            "--vendor",
            "unnamed-eu",
            "--package",
            "enterprise",
            "--tz",
            "Europe/Berlin",
            "--as-of",
            "2027-01-01T00:00:00Z",
            "-",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (mut best, mut best_cpu) = (f64::MAX, f64::MAX);
        let mut written = 0;
        for _ in 0..3 {
            let mut stdin = &input[..];
            let mut stdout = CountingSink(0);
            let mut stderr = Vec::new();
            let (start, cpu) = (Clock::now(), cpu_seconds());
            let status = cli::run(&args, &mut stdin, &mut stdout, &mut stderr);
            let seconds = start.elapsed().as_secs_f64();
            assert_eq!(status, 0, "{}", String::from_utf8_lossy(&stderr));
            best = best.min(seconds);
            best_cpu = best_cpu.min(cpu_seconds() - cpu);
            written = stdout.0;
        }
        println!(
            "sla audit, {n} tickets ({:.1} MB CSV in, {:.1} MB results out): best of 3 {best:.2} s wall, {best_cpu:.2} s CPU",
            input.len() as f64 / 1e6,
            written as f64 / 1e6
        );
    }
}

/// This process's user + system CPU time (Linux `/proc/self/stat`, in
/// clock ticks of 1/100 s), so a figure taken on a busy machine still
/// says what the audit costs; 0 elsewhere.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends with ')'): utime is the
    // 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Counts what `sla audit` writes without keeping it.
struct CountingSink(usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
