//! The time zones compiled into the crate: the zones the policies name and
//! the display zones the app lists, with every transition of the IANA
//! database (as chrono-tz 0.10 carries it, to 2099) for each. After its last
//! transition a zone keeps its last offset, as in chrono-tz.
//!
//! The tables are generated from chrono-tz by `sla-gen`
//! (`engine::codegen`, into `zone_data.rs`) for the zones the policies name and stored as gaps between transitions, which compress
//! to about a tenth of chrono-tz's own tables in the wasm; they are
//! decoded once per zone on first use. Other tests prove every offset,
//! abbreviation and local-time resolution equal to chrono-tz's.
//!
//! [`Zone`] implements chrono's [`TimeZone`], so `with_timezone` and
//! `from_local_datetime` work as with any chrono zone:
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use sla::engine::zone::Zone;
//!
//! let berlin = Zone::named("Europe/Berlin").unwrap();
//! // 2026-03-29 01:00 UTC: clocks go from 02:00 CET to 03:00 CEST.
//! let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 59).unwrap();
//! assert_eq!(before.with_timezone(&berlin).to_string(), "2026-03-29 01:59:59 CET");
//! let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
//! assert_eq!(after.with_timezone(&berlin).to_string(), "2026-03-29 03:00:00 CEST");
//! // 02:30 that day does not exist in Berlin; 02:30 on 2026-10-25 exists twice.
//! let gap = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap().and_hms_opt(2, 30, 0).unwrap();
//! assert!(berlin.from_local_datetime(&gap).single().is_none());
//! let fold = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap().and_hms_opt(2, 30, 0).unwrap();
//! let (earlier, later) = match berlin.from_local_datetime(&fold) {
//!     chrono::LocalResult::Ambiguous(a, b) => (a, b),
//!     other => panic!("{other:?}"),
//! };
//! assert_eq!(earlier.with_timezone(&Utc), Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap());
//! assert_eq!(later.with_timezone(&Utc), Utc.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap());
//! ```

use std::fmt;
use std::sync::OnceLock;

use chrono::{
    FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};

use super::zone_data::{NAMES, TABLES};

/// One zone's history: the offset before the first transition and after
/// each one.
pub(super) struct Table {
    /// Distinct (seconds east of UTC, abbreviation) pairs.
    pub(super) offsets: &'static [(i32, &'static str)],
    /// The first transition, in seconds since 1970 (UTC).
    pub(super) first: i64,
    /// Seconds from each transition to the next.
    pub(super) gaps: &'static [i32],
    /// The offset (index into `offsets`) before the first transition, then
    /// after each one: one more entry than there are transitions.
    pub(super) spans: &'static [u8],
}

/// Transitions in seconds since 1970, decoded from the gaps on first use.
static TRANSITIONS: [OnceLock<Box<[i64]>>; TABLES.len()] =
    [const { OnceLock::new() }; TABLES.len()];

/// A compiled time zone, by IANA name (aliases such as `US/Eastern` keep
/// their own name and share their zone's table).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone {
    /// Index into the names.
    name: u8,
    /// Index into the tables (kept here: lookups are the engine's inner loop).
    table: u8,
}

impl Zone {
    pub const UTC: Zone = Zone::known("UTC");

    /// The compiled zone of this exact IANA name.
    pub fn named(name: &str) -> Option<Zone> {
        NAMES.iter().position(|(n, _)| *n == name).map(Zone::at)
    }

    /// A zone named in code; panics if it is not compiled in (at build
    /// time where used in a `static`, as the generated catalog does).
    pub const fn known(name: &str) -> Zone {
        let mut i = 0;
        while i < NAMES.len() {
            if const_eq(NAMES[i].0, name) {
                return Zone::at(i);
            }
            i += 1;
        }
        panic!("zone not compiled in")
    }

    const fn at(index: usize) -> Zone {
        Zone {
            name: index as u8,
            table: NAMES[index].1,
        }
    }

    /// Every compiled zone name, aliases included.
    pub fn names() -> impl Iterator<Item = &'static str> {
        NAMES.iter().map(|(n, _)| *n)
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        NAMES[usize::from(self.name)].0
    }

    fn table_index(self) -> usize {
        usize::from(self.table)
    }

    fn transitions(self) -> &'static [i64] {
        let index = self.table_index();
        TRANSITIONS[index].get_or_init(|| {
            let table = &TABLES[index];
            let mut at = table.first;
            let mut all = Vec::with_capacity(table.gaps.len() + 1);
            if table.spans.len() > 1 {
                all.push(at);
            }
            for gap in table.gaps {
                at += i64::from(*gap);
                all.push(at);
            }
            all.into_boxed_slice()
        })
    }

    /// The span (index into the table's spans) holding a UTC timestamp.
    fn span_at(self, utc: i64) -> usize {
        self.transitions().partition_point(|t| *t <= utc)
    }

    fn offset_of_span(self, span: usize) -> ZoneOffset {
        self.offset_in(&TABLES[self.table_index()], span)
    }

    fn offset_in(self, table: &Table, span: usize) -> ZoneOffset {
        let (seconds, abbreviation) = table.offsets[usize::from(table.spans[span])];
        ZoneOffset {
            zone: self,
            seconds,
            abbreviation,
        }
    }

    /// The offset in force at a UTC timestamp (seconds since 1970).
    pub fn offset_at_timestamp(self, utc: i64) -> ZoneOffset {
        self.offset_of_span(self.span_at(utc))
    }

    /// The transition (seconds since 1970) that skips this wall time, when
    /// it lies in a spring-forward gap; `None` when the wall time exists.
    pub fn gap_end(self, local: &NaiveDateTime) -> Option<i64> {
        self.gap_end_of_wall(local.and_utc().timestamp())
    }

    /// [`Zone::gap_end`] of a wall time given as seconds since 1970 read
    /// as UTC.
    pub fn gap_end_of_wall(self, wall: i64) -> Option<i64> {
        let transitions = self.transitions();
        let table = &TABLES[self.table_index()];
        let around = transitions.partition_point(|t| *t <= wall);
        // Transition `i` ends span `i` and starts span `i + 1`; a gap's
        // transition lies within a day of its wall times.
        (around.saturating_sub(1)..(around + 1).min(transitions.len())).find_map(|i| {
            let t = transitions[i];
            let before = i64::from(self.offset_in(table, i).seconds);
            let after = i64::from(self.offset_in(table, i + 1).seconds);
            (t + before <= wall && wall < t + after).then_some(t)
        })
    }

    /// The instants (seconds since 1970) of a wall time given as seconds
    /// since 1970 read as UTC: none in a gap, two in a fold (earlier
    /// first). As [`TimeZone::from_local_datetime`], without building
    /// dates; [`WallClock`] does the same for many nearby wall times.
    pub fn wall_to_utc(self, wall: i64) -> MappedLocalTime<i64> {
        self.spans_of_wall(wall).0.map(|(_, utc)| utc)
    }

    /// Every span whose offset puts the wall time (seconds since 1970 read
    /// as UTC) inside it, with the instant it reads as there: none in a
    /// gap, two in a fold (earlier instant first). With it, when the wall
    /// time is a day or more from any transition, the stretch of wall
    /// times around it that read with the same single offset.
    fn spans_of_wall(self, wall: i64) -> (MappedLocalTime<(usize, i64)>, Option<Stretch>) {
        let transitions = self.transitions();
        let table = &TABLES[self.table_index()];
        let around = transitions.partition_point(|t| *t <= wall);
        let reading = |span: usize| (span, wall - i64::from(self.offset_in(table, span).seconds));
        // Most wall times are a day or more from any transition: one offset.
        const DAY: i64 = 86_400;
        let clear_before = around == 0 || transitions[around - 1] + DAY <= wall;
        let clear_after = around == transitions.len() || wall + DAY < transitions[around];
        if clear_before && clear_after {
            let stretch = Stretch {
                from: around
                    .checked_sub(1)
                    .map_or(i64::MIN, |i| transitions[i] + DAY),
                until: transitions.get(around).map_or(i64::MAX, |t| t - DAY),
                offset: i64::from(self.offset_in(table, around).seconds),
            };
            return (MappedLocalTime::Single(reading(around)), Some(stretch));
        }
        // Transitions are days apart and offsets within a day, so only the
        // span holding the wall time read as UTC and its neighbours can
        // hold it (the tests check every transition).
        let mut found: [Option<(usize, i64)>; 2] = [None, None];
        let mut count = 0;
        for span in around.saturating_sub(1)..=(around + 1).min(transitions.len()) {
            let (_, utc) = reading(span);
            let starts = span == 0 || transitions[span - 1] <= utc;
            let ends = span == transitions.len() || utc < transitions[span];
            if starts && ends && count < 2 {
                found[count] = Some((span, utc));
                count += 1;
            }
        }
        let found = match found {
            [None, _] => MappedLocalTime::None,
            [Some(only), None] => MappedLocalTime::Single(only),
            [Some(a), Some(b)] => {
                if a.1 <= b.1 {
                    MappedLocalTime::Ambiguous(a, b)
                } else {
                    MappedLocalTime::Ambiguous(b, a)
                }
            }
        };
        (found, None)
    }
}

/// Wall times `[from, until)` (seconds since 1970 read as UTC) that all
/// read with one offset, and only with it.
#[derive(Debug, Clone, Copy)]
struct Stretch {
    from: i64,
    until: i64,
    /// Seconds east of UTC.
    offset: i64,
}

/// [`Zone::wall_to_utc`] for many wall times near one another (a walk over
/// a schedule's days), keeping the stretch of wall times the last one fell
/// in: the next is nearly always in it, and then needs no search. Owned by
/// the walk, so the engine keeps nothing between computations.
#[derive(Debug, Clone, Copy)]
pub struct WallClock {
    zone: Zone,
    /// Empty until a wall time falls a day or more from any transition.
    stretch: Stretch,
}

impl WallClock {
    pub fn new(zone: Zone) -> WallClock {
        WallClock {
            zone,
            stretch: Stretch {
                from: 0,
                until: 0,
                offset: 0,
            },
        }
    }
    pub fn zone(&self) -> Zone {
        self.zone
    }
    /// As [`Zone::wall_to_utc`].
    pub fn wall_to_utc(&mut self, wall: i64) -> MappedLocalTime<i64> {
        let Stretch {
            from,
            until,
            offset,
        } = self.stretch;
        if from <= wall && wall < until {
            return MappedLocalTime::Single(wall - offset);
        }
        let (found, stretch) = self.zone.spans_of_wall(wall);
        if let Some(stretch) = stretch {
            self.stretch = stretch;
        }
        found.map(|(_, utc)| utc)
    }
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A zone's offset at some instant, with its abbreviation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ZoneOffset {
    zone: Zone,
    seconds: i32,
    abbreviation: &'static str,
}

impl ZoneOffset {
    /// Seconds east of UTC.
    pub fn seconds(&self) -> i32 {
        self.seconds
    }
    /// As the database writes it: "CET", "EDT", or "+04" where the zone has
    /// no alphabetic one.
    pub fn abbreviation(&self) -> &'static str {
        self.abbreviation
    }
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        // The tables hold offsets within a day, which FixedOffset accepts.
        FixedOffset::east_opt(self.seconds).unwrap_or_else(|| Utc.fix())
    }
}

impl fmt::Debug for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation)
    }
}

impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation)
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    /// Every offset whose span holds the wall time read with it: none in a
    /// gap, two in a fold (earlier instant first).
    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        let table = &TABLES[self.table_index()];
        self.spans_of_wall(local.and_utc().timestamp())
            .0
            .map(|(span, _)| self.offset_in(table, span))
    }

    /// As chrono-tz: the day's first and last seconds decide.
    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        let earliest = self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN));
        let latest =
            self.offset_from_local_datetime(&local.and_hms_opt(23, 59, 59).unwrap_or_default());
        match (earliest, latest) {
            (MappedLocalTime::Single(a), _) | (_, MappedLocalTime::Single(a)) => {
                MappedLocalTime::Single(a)
            }
            (MappedLocalTime::Ambiguous(a, _), _) | (_, MappedLocalTime::Ambiguous(a, _)) => {
                MappedLocalTime::Single(a)
            }
            _ => MappedLocalTime::None,
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.offset_at_timestamp(utc.and_utc().timestamp())
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use chrono_tz::Tz;
    use proptest::prelude::*;

    use super::super::codegen::chrono_tz_offset;
    use super::*;

    /// Each compiled zone with chrono-tz's of the same name.
    fn pairs() -> Vec<(Zone, Tz)> {
        Zone::names()
            .map(|name| {
                let tz: Tz = name
                    .parse()
                    .unwrap_or_else(|_| panic!("{name} is not IANA"));
                (Zone::named(name).unwrap(), tz)
            })
            .collect()
    }

    fn ours(zone: Zone, utc: i64) -> (i32, String) {
        let o = zone.offset_at_timestamp(utc);
        (o.seconds(), o.abbreviation().to_string())
    }

    #[test]
    fn compiled_zones_are_chrono_tz_zones_by_name() {
        for (zone, tz) in pairs() {
            assert_eq!(zone.name(), tz.name());
        }
        assert_eq!(Zone::named("Mars/Olympus_Mons"), None);
        assert_eq!(Zone::UTC.name(), "UTC");
    }

    #[test]
    fn offsets_equal_chrono_tz_at_and_around_every_transition() {
        for (zone, tz) in pairs() {
            for t in zone.transitions() {
                for utc in [t - 1, *t, t + 1] {
                    assert_eq!(
                        ours(zone, utc),
                        chrono_tz_offset(tz, utc),
                        "{} at {utc}",
                        tz.name()
                    );
                }
            }
        }
    }

    /// The instants a wall time reads as: none (a gap), one, or two (a fold).
    fn utc_of(r: MappedLocalTime<i64>) -> Vec<i64> {
        match r {
            MappedLocalTime::Single(a) => vec![a],
            MappedLocalTime::Ambiguous(a, b) => vec![a, b],
            MappedLocalTime::None => vec![],
        }
    }

    /// Wall times every 15 minutes from 3 hours before to 3 hours after
    /// each transition (read in both offsets) resolve as chrono-tz does.
    #[test]
    fn local_times_around_every_transition_resolve_as_chrono_tz() {
        for (zone, tz) in pairs() {
            for t in zone.transitions() {
                for seconds in [
                    zone.offset_at_timestamp(t - 1).seconds(),
                    zone.offset_at_timestamp(*t).seconds(),
                ] {
                    let wall = t + i64::from(seconds);
                    for step in -12..=12 {
                        let local = DateTime::from_timestamp(wall + step * 900, 0)
                            .unwrap()
                            .naive_utc();
                        let a = zone.from_local_datetime(&local).map(|d| d.timestamp());
                        let b = tz.from_local_datetime(&local).map(|d| d.timestamp());
                        let in_gap = utc_of(b).is_empty();
                        assert_eq!(utc_of(a), utc_of(b), "{} at {local}", tz.name());
                        // Only this transition is within 3 hours.
                        let gap = zone.gap_end(&local);
                        assert_eq!(gap, in_gap.then_some(*t), "{} gap at {local}", tz.name());
                    }
                }
            }
        }
    }

    /// A walk's wall times, every 15 minutes from 3 days before to 3 days
    /// after each transition, through one [`WallClock`]: the same instants
    /// as `from_local_datetime` and chrono-tz, wherever the clock's kept
    /// stretch was found (so also on a walk backwards, and across years).
    #[test]
    fn a_wall_clock_resolves_as_the_zone_does() {
        for (zone, tz) in pairs() {
            let mut clock = WallClock::new(zone);
            let mut backwards = WallClock::new(zone);
            for t in zone.transitions() {
                let wall = t + i64::from(zone.offset_at_timestamp(t - 1).seconds());
                for step in -288..=288 {
                    let at = wall + step * 900;
                    let local = DateTime::from_timestamp(at, 0).unwrap().naive_utc();
                    let expected = tz.from_local_datetime(&local).map(|d| d.timestamp());
                    assert_eq!(
                        utc_of(clock.wall_to_utc(at)),
                        utc_of(expected),
                        "{} at {local}",
                        tz.name()
                    );
                    assert_eq!(
                        utc_of(zone.wall_to_utc(at)),
                        utc_of(zone.from_local_datetime(&local).map(|d| d.timestamp())),
                    );
                    let back = wall - step * 900;
                    assert_eq!(
                        backwards.wall_to_utc(back),
                        zone.wall_to_utc(back),
                        "{} at {back} backwards",
                        tz.name()
                    );
                }
            }
        }
        // A zone without transitions: one stretch for all time.
        let mut utc = WallClock::new(Zone::UTC);
        assert_eq!(utc.wall_to_utc(0), MappedLocalTime::Single(0));
        assert_eq!(
            utc.wall_to_utc(-9_000_000_000),
            MappedLocalTime::Single(-9_000_000_000)
        );
    }

    proptest! {
        #[test]
        fn offsets_and_local_times_equal_chrono_tz_anywhere(
            pick in 0..Zone::names().count(),
            utc in -6_000_000_000i64..8_000_000_000,
        ) {
            let (zone, tz) = pairs()[pick];
            prop_assert_eq!(ours(zone, utc), chrono_tz_offset(tz, utc));
            let local = DateTime::from_timestamp(utc, 0).unwrap().naive_utc();
            let a = zone.from_local_datetime(&local).map(|d| d.timestamp());
            let b = tz.from_local_datetime(&local).map(|d| d.timestamp());
            prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
            prop_assert_eq!(
                format!("{:?}", zone.wall_to_utc(utc)),
                format!("{b:?}")
            );
            let date = local.date();
            prop_assert_eq!(
                format!("{:?}", zone.offset_from_local_date(&date).map(|o| o.seconds())),
                format!("{:?}", tz.offset_from_local_date(&date).map(|o| o.fix().local_minus_utc())),
            );
        }
    }
}
