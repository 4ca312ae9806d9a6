//! Holiday calendars against the published dates, 2020-2030.
//!
//! us-federal: the dates the US Office of Personnel Management publishes,
//! i.e. the *observed* closed dates (a Saturday holiday is observed on the
//! Friday before, a Sunday one on the Monday after; New Year's Day of the
//! next year can land on Dec 31). Juneteenth exists from 2021 (observed
//! Fri 2021-06-18). emea-common: Jan 1, Good Friday, Easter Monday, May 1,
//! Dec 25, Dec 26, no shifts, Good Friday/Easter Monday from the real
//! (Gregorian) Easter Sundays noted above each year.

use chrono::{Datelike, NaiveDate};
use sla::engine::load;

/// The one helper: the calendar's closed dates in `year`, each written as
/// "YYYY-MM-DD Name", exactly and in order.
fn check(calendar: &str, year: i32, expected: &[&str]) {
    let catalog = load::embedded();
    let calendar = catalog
        .calendars()
        .iter()
        .find(|c| c.id() == calendar)
        .unwrap_or_else(|| panic!("no calendar {calendar:?}"));
    let actual: Vec<String> = calendar
        .dates_in(year)
        .iter()
        .map(|(date, name)| format!("{date} {name}"))
        .collect();
    assert_eq!(actual, expected, "{} {year}", calendar.id());
    for (date, _) in calendar.dates_in(year) {
        assert_eq!(date.year(), year);
    }
}

#[test]
fn us_federal_2020() {
    check(
        "us-federal",
        2020,
        &[
            "2020-01-01 New Year's Day",             // Wed
            "2020-01-20 Martin Luther King Jr. Day", // Mon
            "2020-02-17 Washington's Birthday",      // Mon
            "2020-05-25 Memorial Day",               // Mon
            "2020-07-03 Independence Day",           // Fri
            "2020-09-07 Labor Day",                  // Mon
            "2020-10-12 Columbus Day",               // Mon
            "2020-11-11 Veterans Day",               // Wed
            "2020-11-26 Thanksgiving",               // Thu
            "2020-12-25 Christmas Day",              // Fri
        ],
    );
}

#[test]
fn us_federal_2021() {
    check(
        "us-federal",
        2021,
        &[
            "2021-01-01 New Year's Day",             // Fri
            "2021-01-18 Martin Luther King Jr. Day", // Mon
            "2021-02-15 Washington's Birthday",      // Mon
            "2021-05-31 Memorial Day",               // Mon
            "2021-06-18 Juneteenth",                 // Fri
            "2021-07-05 Independence Day",           // Mon
            "2021-09-06 Labor Day",                  // Mon
            "2021-10-11 Columbus Day",               // Mon
            "2021-11-11 Veterans Day",               // Thu
            "2021-11-25 Thanksgiving",               // Thu
            "2021-12-24 Christmas Day",              // Fri
            "2021-12-31 New Year's Day",             // Fri
        ],
    );
}

#[test]
fn us_federal_2022() {
    check(
        "us-federal",
        2022,
        &[
            "2022-01-17 Martin Luther King Jr. Day", // Mon
            "2022-02-21 Washington's Birthday",      // Mon
            "2022-05-30 Memorial Day",               // Mon
            "2022-06-20 Juneteenth",                 // Mon
            "2022-07-04 Independence Day",           // Mon
            "2022-09-05 Labor Day",                  // Mon
            "2022-10-10 Columbus Day",               // Mon
            "2022-11-11 Veterans Day",               // Fri
            "2022-11-24 Thanksgiving",               // Thu
            "2022-12-26 Christmas Day",              // Mon
        ],
    );
}

#[test]
fn us_federal_2023() {
    check(
        "us-federal",
        2023,
        &[
            "2023-01-02 New Year's Day",             // Mon
            "2023-01-16 Martin Luther King Jr. Day", // Mon
            "2023-02-20 Washington's Birthday",      // Mon
            "2023-05-29 Memorial Day",               // Mon
            "2023-06-19 Juneteenth",                 // Mon
            "2023-07-04 Independence Day",           // Tue
            "2023-09-04 Labor Day",                  // Mon
            "2023-10-09 Columbus Day",               // Mon
            "2023-11-10 Veterans Day",               // Fri
            "2023-11-23 Thanksgiving",               // Thu
            "2023-12-25 Christmas Day",              // Mon
        ],
    );
}

#[test]
fn us_federal_2024() {
    check(
        "us-federal",
        2024,
        &[
            "2024-01-01 New Year's Day",             // Mon
            "2024-01-15 Martin Luther King Jr. Day", // Mon
            "2024-02-19 Washington's Birthday",      // Mon
            "2024-05-27 Memorial Day",               // Mon
            "2024-06-19 Juneteenth",                 // Wed
            "2024-07-04 Independence Day",           // Thu
            "2024-09-02 Labor Day",                  // Mon
            "2024-10-14 Columbus Day",               // Mon
            "2024-11-11 Veterans Day",               // Mon
            "2024-11-28 Thanksgiving",               // Thu
            "2024-12-25 Christmas Day",              // Wed
        ],
    );
}

#[test]
fn us_federal_2025() {
    check(
        "us-federal",
        2025,
        &[
            "2025-01-01 New Year's Day",             // Wed
            "2025-01-20 Martin Luther King Jr. Day", // Mon
            "2025-02-17 Washington's Birthday",      // Mon
            "2025-05-26 Memorial Day",               // Mon
            "2025-06-19 Juneteenth",                 // Thu
            "2025-07-04 Independence Day",           // Fri
            "2025-09-01 Labor Day",                  // Mon
            "2025-10-13 Columbus Day",               // Mon
            "2025-11-11 Veterans Day",               // Tue
            "2025-11-27 Thanksgiving",               // Thu
            "2025-12-25 Christmas Day",              // Thu
        ],
    );
}

#[test]
fn us_federal_2026() {
    check(
        "us-federal",
        2026,
        &[
            "2026-01-01 New Year's Day",             // Thu
            "2026-01-19 Martin Luther King Jr. Day", // Mon
            "2026-02-16 Washington's Birthday",      // Mon
            "2026-05-25 Memorial Day",               // Mon
            "2026-06-19 Juneteenth",                 // Fri
            "2026-07-03 Independence Day",           // Fri
            "2026-09-07 Labor Day",                  // Mon
            "2026-10-12 Columbus Day",               // Mon
            "2026-11-11 Veterans Day",               // Wed
            "2026-11-26 Thanksgiving",               // Thu
            "2026-12-25 Christmas Day",              // Fri
        ],
    );
}

#[test]
fn us_federal_2027() {
    check(
        "us-federal",
        2027,
        &[
            "2027-01-01 New Year's Day",             // Fri
            "2027-01-18 Martin Luther King Jr. Day", // Mon
            "2027-02-15 Washington's Birthday",      // Mon
            "2027-05-31 Memorial Day",               // Mon
            "2027-06-18 Juneteenth",                 // Fri
            "2027-07-05 Independence Day",           // Mon
            "2027-09-06 Labor Day",                  // Mon
            "2027-10-11 Columbus Day",               // Mon
            "2027-11-11 Veterans Day",               // Thu
            "2027-11-25 Thanksgiving",               // Thu
            "2027-12-24 Christmas Day",              // Fri
            "2027-12-31 New Year's Day",             // Fri
        ],
    );
}

#[test]
fn us_federal_2028() {
    check(
        "us-federal",
        2028,
        &[
            "2028-01-17 Martin Luther King Jr. Day", // Mon
            "2028-02-21 Washington's Birthday",      // Mon
            "2028-05-29 Memorial Day",               // Mon
            "2028-06-19 Juneteenth",                 // Mon
            "2028-07-04 Independence Day",           // Tue
            "2028-09-04 Labor Day",                  // Mon
            "2028-10-09 Columbus Day",               // Mon
            "2028-11-10 Veterans Day",               // Fri
            "2028-11-23 Thanksgiving",               // Thu
            "2028-12-25 Christmas Day",              // Mon
        ],
    );
}

#[test]
fn us_federal_2029() {
    check(
        "us-federal",
        2029,
        &[
            "2029-01-01 New Year's Day",             // Mon
            "2029-01-15 Martin Luther King Jr. Day", // Mon
            "2029-02-19 Washington's Birthday",      // Mon
            "2029-05-28 Memorial Day",               // Mon
            "2029-06-19 Juneteenth",                 // Tue
            "2029-07-04 Independence Day",           // Wed
            "2029-09-03 Labor Day",                  // Mon
            "2029-10-08 Columbus Day",               // Mon
            "2029-11-12 Veterans Day",               // Mon
            "2029-11-22 Thanksgiving",               // Thu
            "2029-12-25 Christmas Day",              // Tue
        ],
    );
}

#[test]
fn us_federal_2030() {
    check(
        "us-federal",
        2030,
        &[
            "2030-01-01 New Year's Day",             // Tue
            "2030-01-21 Martin Luther King Jr. Day", // Mon
            "2030-02-18 Washington's Birthday",      // Mon
            "2030-05-27 Memorial Day",               // Mon
            "2030-06-19 Juneteenth",                 // Wed
            "2030-07-04 Independence Day",           // Thu
            "2030-09-02 Labor Day",                  // Mon
            "2030-10-14 Columbus Day",               // Mon
            "2030-11-11 Veterans Day",               // Mon
            "2030-11-28 Thanksgiving",               // Thu
            "2030-12-25 Christmas Day",              // Wed
        ],
    );
}

#[test]
fn emea_common_2021() {
    // Easter Sunday 2021-04-04
    check(
        "emea-common",
        2021,
        &[
            "2021-01-01 New Year's Day",
            "2021-04-02 Good Friday",
            "2021-04-05 Easter Monday",
            "2021-05-01 Labour Day",
            "2021-12-25 Christmas Day",
            "2021-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2022() {
    // Easter Sunday 2022-04-17
    check(
        "emea-common",
        2022,
        &[
            "2022-01-01 New Year's Day",
            "2022-04-15 Good Friday",
            "2022-04-18 Easter Monday",
            "2022-05-01 Labour Day",
            "2022-12-25 Christmas Day",
            "2022-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2023() {
    // Easter Sunday 2023-04-09
    check(
        "emea-common",
        2023,
        &[
            "2023-01-01 New Year's Day",
            "2023-04-07 Good Friday",
            "2023-04-10 Easter Monday",
            "2023-05-01 Labour Day",
            "2023-12-25 Christmas Day",
            "2023-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2024() {
    // Easter Sunday 2024-03-31
    check(
        "emea-common",
        2024,
        &[
            "2024-01-01 New Year's Day",
            "2024-03-29 Good Friday",
            "2024-04-01 Easter Monday",
            "2024-05-01 Labour Day",
            "2024-12-25 Christmas Day",
            "2024-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2025() {
    // Easter Sunday 2025-04-20
    check(
        "emea-common",
        2025,
        &[
            "2025-01-01 New Year's Day",
            "2025-04-18 Good Friday",
            "2025-04-21 Easter Monday",
            "2025-05-01 Labour Day",
            "2025-12-25 Christmas Day",
            "2025-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2026() {
    // Easter Sunday 2026-04-05
    check(
        "emea-common",
        2026,
        &[
            "2026-01-01 New Year's Day",
            "2026-04-03 Good Friday",
            "2026-04-06 Easter Monday",
            "2026-05-01 Labour Day",
            "2026-12-25 Christmas Day",
            "2026-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2027() {
    // Easter Sunday 2027-03-28
    check(
        "emea-common",
        2027,
        &[
            "2027-01-01 New Year's Day",
            "2027-03-26 Good Friday",
            "2027-03-29 Easter Monday",
            "2027-05-01 Labour Day",
            "2027-12-25 Christmas Day",
            "2027-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2028() {
    // Easter Sunday 2028-04-16
    check(
        "emea-common",
        2028,
        &[
            "2028-01-01 New Year's Day",
            "2028-04-14 Good Friday",
            "2028-04-17 Easter Monday",
            "2028-05-01 Labour Day",
            "2028-12-25 Christmas Day",
            "2028-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2029() {
    // Easter Sunday 2029-04-01
    check(
        "emea-common",
        2029,
        &[
            "2029-01-01 New Year's Day",
            "2029-03-30 Good Friday",
            "2029-04-02 Easter Monday",
            "2029-05-01 Labour Day",
            "2029-12-25 Christmas Day",
            "2029-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn emea_common_2030() {
    // Easter Sunday 2030-04-21
    check(
        "emea-common",
        2030,
        &[
            "2030-01-01 New Year's Day",
            "2030-04-19 Good Friday",
            "2030-04-22 Easter Monday",
            "2030-05-01 Labour Day",
            "2030-12-25 Christmas Day",
            "2030-12-26 St Stephen's Day",
        ],
    );
}

#[test]
fn the_three_calendars_exist_with_their_ids() {
    let ids: Vec<&str> = load::embedded()
        .calendars()
        .iter()
        .map(|c| c.id())
        .collect();
    assert_eq!(ids, ["us-federal", "emea-common", "us-and-emea"]);
}

#[test]
fn easter_sunday_matches_the_published_dates() {
    use sla::engine::holidays::easter_sunday;
    let published = [
        (2021, 4, 4),
        (2022, 4, 17),
        (2023, 4, 9),
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2028, 4, 16),
        (2029, 4, 1),
        (2030, 4, 21),
        // Extremes of the Gregorian range: earliest (Mar 22) and latest (Apr 25).
        (1818, 3, 22),
        (2285, 3, 22),
        (1943, 4, 25),
        (2038, 4, 25),
    ];
    for (y, m, d) in published {
        assert_eq!(
            easter_sunday(y),
            NaiveDate::from_ymd_opt(y, m, d),
            "Easter {y}"
        );
    }
}
