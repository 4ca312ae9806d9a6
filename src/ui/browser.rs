//! The few browser facilities the app uses, each failing softly: the clock,
//! zones (`Temporal`, else `Intl`), the URL, localStorage, the clipboard,
//! downloads and the embedding parent. No request ever leaves the page.

use std::cell::{Cell, RefCell};

use chrono::{NaiveDate, NaiveDateTime};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::time::Instant;
use crate::engine::zone::Zone as CompiledZone;
use crate::present::zone::{self, Offsets};

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, with a constructor that reports bad zones
    /// instead of throwing through wasm.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type ZoneFormat;
    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<ZoneFormat, JsValue>;
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &ZoneFormat, date: &js_sys::Date) -> Array;
    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &ZoneFormat) -> Object;
    /// `Intl.supportedValuesOf`, absent from older browsers.
    #[wasm_bindgen(js_namespace = Intl, js_name = supportedValuesOf, catch)]
    fn supported_values_of(key: &str) -> Result<Array, JsValue>;

    /// `Temporal.Now.timeZoneId()`; an error where `Temporal` is missing.
    #[wasm_bindgen(js_namespace = ["Temporal", "Now"], js_name = timeZoneId, catch)]
    fn temporal_zone_id() -> Result<String, JsValue>;
    /// A `Temporal.Instant`.
    type TemporalInstant;
    #[wasm_bindgen(js_namespace = ["Temporal", "Instant"], js_name = fromEpochMilliseconds, catch)]
    fn temporal_instant(millis: f64) -> Result<TemporalInstant, JsValue>;
    /// The instant in a zone (a `Temporal.ZonedDateTime`); an error for an unknown zone.
    #[wasm_bindgen(method, js_name = toZonedDateTimeISO, catch)]
    fn in_zone(this: &TemporalInstant, zone: &str) -> Result<Object, JsValue>;
}

/// Every zone name the browser knows, for suggestions (empty if it will not say).
pub fn browser_zones() -> Vec<String> {
    supported_values_of("timeZone")
        .map(|names| names.iter().filter_map(|n| n.as_string()).collect())
        .unwrap_or_default()
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current instant from the browser's clock.
pub fn now() -> Instant {
    zone::from_millis(js_sys::Date::now()).unwrap_or_default()
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn get_string(object: &JsValue, key: &str) -> Option<String> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

fn zone_format(name: Option<&str>) -> Option<ZoneFormat> {
    let options = Object::new();
    if let Some(name) = name {
        set(&options, "timeZone", &JsValue::from_str(name));
    }
    set(&options, "hourCycle", &JsValue::from_str("h23"));
    for key in ["year", "month", "day", "hour", "minute", "second"] {
        set(&options, key, &JsValue::from_str("numeric"));
    }
    ZoneFormat::new("en-US", &options).ok()
}

thread_local! {
    /// Formatters by zone name: building one is slow, using one is not.
    static FORMATS: RefCell<Vec<(String, ZoneFormat)>> = const { RefCell::new(Vec::new()) };
}

/// The browser's own zone ("Europe/Berlin"), or UTC if it will not say.
/// `Temporal` answers in well under a millisecond; the first
/// `Intl.DateTimeFormat` of a page costs tens (it loads the locale's data),
/// which would lengthen the app's first task.
pub fn browser_zone() -> String {
    temporal_zone_id()
        .ok()
        .or_else(|| zone_format(None).and_then(|f| get_string(&f.resolved_options(), "timeZone")))
        .filter(|n| zone::looks_like_zone(n))
        .unwrap_or_else(|| "UTC".into())
}

/// True when the browser knows the zone name.
pub fn zone_known(name: &str) -> bool {
    zone::looks_like_zone(name) && browser_offset(name, now()).is_some()
}

thread_local! {
    /// Whether the browser has `Temporal`: once it has said no, the zone
    /// code stops asking (each failed call throws inside the glue).
    static HAS_TEMPORAL: Cell<bool> = const { Cell::new(true) };
}

/// Seconds east of UTC of a zone at an instant, rounded to whole minutes
/// (as every zone the browser knows is today), or `None` for an unknown
/// zone: through `Temporal` where the browser has it, else `Intl`.
fn browser_offset(name: &str, at: Instant) -> Option<i32> {
    let temporal = HAS_TEMPORAL
        .get()
        .then(|| temporal_instant(at.timestamp_millis() as f64).ok())
        .flatten();
    HAS_TEMPORAL.set(temporal.is_some());
    let seconds = match temporal {
        Some(instant) => {
            let zoned = instant.in_zone(name).ok()?;
            // Temporal also reads an ISO date-time ("20260101T00Z") as the
            // zone of its offset; only a zone of that very name will do.
            let id = get_string(&zoned, "timeZoneId")?;
            if !id.eq_ignore_ascii_case(name) {
                return None;
            }
            let nanos = Reflect::get(&zoned, &JsValue::from_str("offsetNanoseconds")).ok()?;
            nanos.as_f64()? as i64 / 1_000_000_000
        }
        None => intl_offset(name, at)?,
    };
    i32::try_from((seconds + 30).div_euclid(60) * 60).ok()
}

/// Seconds east of UTC of a zone at an instant, through `Intl`.
fn intl_offset(name: &str, at: Instant) -> Option<i64> {
    FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        let index = match formats.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                formats.push((name.to_string(), zone_format(Some(name))?));
                formats.len() - 1
            }
        };
        let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
        let parts = formats[index].1.format_to_parts(&date);
        let mut fields = [0i64; 6];
        for part in parts.iter() {
            let slot = match get_string(&part, "type")?.as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                "second" => 5,
                _ => continue,
            };
            fields[slot] = get_string(&part, "value")?.parse().ok()?;
        }
        let hour = fields[3] % 24;
        let local: NaiveDateTime =
            NaiveDate::from_ymd_opt(fields[0] as i32, fields[1] as u32, fields[2] as u32)?
                .and_hms_opt(hour as u32, fields[4] as u32, fields[5] as u32)?;
        Some((local - at.naive_utc()).num_seconds())
    })
}

/// The zone times are shown in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    /// Compiled into the engine: handled in Rust.
    Compiled(CompiledZone),
    /// Any other IANA zone: the browser tells its offsets.
    Browser(String),
}

impl Zone {
    /// A zone by name; `None` when neither the engine nor the browser knows it.
    pub fn named(name: &str) -> Option<Zone> {
        match zone::compiled(name) {
            Some(tz) => Some(Zone::Compiled(tz)),
            None if zone_known(name) => Some(Zone::Browser(name.to_string())),
            None => None,
        }
    }
}

impl Offsets for Zone {
    fn name(&self) -> &str {
        match self {
            Zone::Compiled(tz) => Offsets::name(tz),
            Zone::Browser(name) => name,
        }
    }
    fn offset_at(&self, at: Instant) -> i32 {
        match self {
            Zone::Compiled(tz) => tz.offset_at(at),
            Zone::Browser(name) => browser_offset(name, at).unwrap_or(0),
        }
    }
    fn abbreviation(&self, at: Instant) -> Option<String> {
        match self {
            Zone::Compiled(tz) => tz.abbreviation(at),
            Zone::Browser(_) => None,
        }
    }
    fn instant_of(&self, local: NaiveDateTime) -> Instant {
        match self {
            Zone::Compiled(tz) => tz.instant_of(local),
            Zone::Browser(_) => {
                let naive = local.and_utc();
                let guess = naive - chrono::TimeDelta::seconds(i64::from(self.offset_at(naive)));
                naive - chrono::TimeDelta::seconds(i64::from(self.offset_at(guess)))
            }
        }
    }
}

/// The page's query string, without '?'.
pub fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment.
pub fn page_address() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    origin + &path
}

/// Sets the page's title (the tab, bookmarks and history show it).
fn set_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Replaces the query of the current history entry (no navigation).
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = format!("{path}?{query}");
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

thread_local! {
    /// The URL and storage write waiting for input to settle.
    static PENDING: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

/// What [`sync`] writes: the query string, the remembered choices (none
/// when embedded) and the document's title.
pub struct Synced {
    pub query: String,
    pub stored: Option<String>,
    pub title: String,
}

/// Writes the query into the URL, the title into the document (and the
/// remembered choices into storage), `now` or once input has paused for a
/// moment: typing must not call replaceState per keystroke, which is slow and
/// which browsers rate-limit, and setting the title costs more than most
/// updates. `made` builds what is written when it is written, so an input
/// pays for none of it.
pub fn sync(made: impl FnOnce() -> Synced + 'static, now: bool) {
    let write = move || {
        let synced = made();
        replace_query(&synced.query);
        set_title(&synced.title);
        if let Some(stored) = synced.stored {
            store(&stored);
        }
    };
    if now {
        write();
        return;
    }
    let later = gloo_timers::callback::Timeout::new(150, write);
    // Replacing the pending write cancels it.
    PENDING.with(|pending| *pending.borrow_mut() = Some(later));
}

const STORAGE_KEY: &str = "sla-calculator:last";

/// The remembered choices, if storage is available.
pub fn load_stored() -> String {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Remembers the choices; quietly does nothing where storage is blocked.
pub fn store(value: &str) {
    if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(STORAGE_KEY, value);
    }
}

/// Copies text to the clipboard; `done` receives whether it worked.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(RefCell::new(Some(done)));
    let finish = move |ok: bool| {
        if let Some(f) = done.borrow_mut().take() {
            f(ok);
        }
    };
    let on_fail = finish.clone();
    let ok = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| finish(true));
    let fail = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| on_fail(false));
    let _ = clipboard.write_text(text).then2(&ok, &fail);
    // Each runs at most once, when the browser answers.
    ok.forget();
    fail.forget();
}

/// Opens the browser's print dialog (the print style sheet decides what prints).
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Offers text as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    download_parts(file_name, mime, &Array::of1(&JsValue::from_str(text)))
}

/// Offers the concatenation of JS strings (or blobs) as a file download.
pub fn download_parts(file_name: &str, mime: &str, parts: &Array) -> bool {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let anchor = window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else { return false };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Give the browser a moment to start the download before freeing it.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    true
}

/// True when the page runs inside a frame.
pub fn in_frame() -> bool {
    match window() {
        Some(w) => match w.parent() {
            Ok(Some(parent)) => !JsValue::from(parent).loose_eq(&JsValue::from(w)),
            _ => false,
        },
        None => false,
    }
}

/// The message an embedding page receives: `{ type, height }`.
pub const HEIGHT_MESSAGE: &str = "sla-calculator:height";

/// Tells the embedding page how tall the app is, whenever that changes.
pub fn post_height_changes(element: web_sys::Element) {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let last = std::cell::Cell::new(0i32);
    let target = element.clone();
    let post = move || {
        let height = target.get_bounding_client_rect().height().ceil() as i32;
        if height != last.get() {
            last.set(height);
            let message = Object::new();
            set(&message, "type", &JsValue::from_str(HEIGHT_MESSAGE));
            set(&message, "height", &JsValue::from_f64(f64::from(height)));
            let _ = parent.post_message(&message, "*");
        }
    };
    post();
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| post());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&element);
        // Both live as long as the page.
        std::mem::forget(observer);
        callback.forget();
    }
}
