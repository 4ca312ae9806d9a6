//! Taking the ticket elsewhere: calendar file, summary, link, embed code.

use leptos::prelude::*;

use crate::present::ics;
use crate::present::query;
use crate::present::summary::{events, summary, title, Ticket};

use super::browser;
use super::state::{use_ctx, Ctx};

/// The link that reopens the current view, optionally embedded.
pub fn link(ctx: &Ctx, embed: bool) -> String {
    let mut q = ctx.query.get_untracked();
    q.embed = embed;
    format!("{}?{}", browser::page_address(), query::write(&q))
}

/// The HTML an embedder pastes: the frame and the height listener.
pub fn embed_code(src: &str) -> String {
    let src = src.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe id=\"sla-calculator\" src=\"{src}\" title=\"SLA calculator\" style=\"width:100%;height:900px;border:0\"></iframe>\n\
         <script>\n\
         addEventListener(\"message\", function (e) {{\n  \
           var f = document.getElementById(\"sla-calculator\");\n  \
           if (f && e.source === f.contentWindow && e.data && e.data.type === \"{}\") f.style.height = e.data.height + \"px\";\n\
         }});\n\
         </script>",
        browser::HEIGHT_MESSAGE
    )
}

#[component]
pub fn ShareBar() -> impl IntoView {
    let ctx = use_ctx();
    let notice = ctx.notice;
    // Text the clipboard refused, offered for copying by hand.
    let manual = RwSignal::new(None::<(String, String)>);
    let copy = move |what: &'static str, text: String| {
        manual.set(None);
        let fallback = text.clone();
        browser::copy(&text, move |ok| {
            if ok {
                notice.set(format!("{what} copied to the clipboard."));
            } else {
                notice.set(format!(
                    "The browser did not allow copying. Select the {} below and copy it.",
                    what.to_ascii_lowercase()
                ));
                manual.set(Some((what.to_string(), fallback)));
            }
        });
    };
    let with_ticket = move |f: &dyn Fn(&Ticket<'_>) -> String| -> Option<String> {
        let ticket = ctx.ticket.get_untracked();
        let dues = ticket.dues.as_ref().ok()?;
        let link = link(&ctx, false);
        let zone = ctx.zone.get_untracked();
        Some(f(&Ticket {
            selection: &ticket.selection,
            dues,
            opened: ticket.opened,
            timing: &ticket.timing,
            now: ctx.now.get_untracked(),
            zone: &zone,
            link: &link,
        }))
    };
    let calendar = move |_| {
        let now = ctx.now.get_untracked();
        let made = with_ticket(&|t| {
            let list = events(t);
            if list.is_empty() {
                return String::new();
            }
            ics::calendar(&title(t.selection), &list, now)
        });
        match made {
            Some(file) if !file.is_empty() => {
                let name = ctx.selection.with_untracked(|s| {
                    let s = s.0;
                    ics::file_name(&[s.policy.id(), s.package().id(), s.severity().label()])
                });
                if browser::download(&name, "text/calendar;charset=utf-8", &file) {
                    notice.set(format!("Calendar file {name} downloaded."));
                } else {
                    notice.set("The browser did not allow the download.".into());
                }
            }
            _ => notice.set("No target of this ticket has a date to put in a calendar.".into()),
        }
    };
    let dated = move || {
        ctx.ticket.with(|t| {
            t.dues
                .as_ref()
                .is_ok_and(|d| d.iter().any(|d| d.due.is_some()))
        })
    };

    view! {
        <section class="panel share" aria-labelledby="h-share">
            <h2 id="h-share">"Take it elsewhere"</h2>
            <div class="buttons">
                <button type="button" data-action="calendar" on:click=calendar prop:disabled=move || !dated()>
                    "Add to calendar"
                </button>
                <button
                    type="button"
                    data-action="summary"
                    on:click=move |_| {
                        if let Some(text) = with_ticket(&summary) {
                            copy("Summary", text)
                        }
                    }
                >
                    "Copy summary"
                </button>
                <button type="button" data-action="link" on:click=move |_| copy("Link", link(&ctx, false))>
                    "Copy link"
                </button>
                <button
                    type="button"
                    data-action="embed"
                    on:click=move |_| copy("Embed code", embed_code(&link(&ctx, true)))
                >
                    "Copy embed code"
                </button>
            </div>
            {move || {
                (!dated())
                    .then(|| {
                        view! {
                            <p class="hint">
                                "No target of this ticket has a date, so there is nothing to add to a calendar."
                            </p>
                        }.into_any()
                    })
            }}
            <p class="hint" role="status" data-notice="">{move || notice.get()}</p>
            {move || {
                manual
                    .get()
                    .map(|(what, text)| {
                        view! {
                            <label for="f-manual-copy">{what}</label>
                            <textarea id="f-manual-copy" readonly="" rows="8" prop:value=text></textarea>
                        }.into_any()
                    })
            }}
        </section>
    }
}
