//! One ticket of the table. The row opens the ticket in the calculator as
//! its link does (the link handles its own clicks); with a modifier, in a
//! new tab, leaving the audit where it is.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::present::audit::{State, TableRow};

#[component]
pub fn TicketRow(row: TableRow) -> impl IntoView {
    let state = row.state;
    let go = row.href.clone();
    let ticket = row.ticket.clone();
    let open = move |e: MouseEvent| {
        let on_link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a").ok().flatten())
            .is_some();
        if on_link || e.button() != 0 {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        // As a link would: with a modifier, a new tab, and the audit stays.
        if e.ctrl_key() || e.meta_key() || e.shift_key() {
            let _ = w.open_with_url_and_target(&go, "_blank");
        } else {
            let _ = w.location().set_href(&go);
        }
    };
    view! {
        <tr
            data-ticket=ticket
            data-state=state.map(State::id)
            aria-rowindex=row.position + 1
            on:click=open
        >
            <th scope="row"><a href=row.href data-open-ticket>{row.ticket}</a></th>
            <td><span class=format!("state {}", state.map_or("", State::id))>{state.map_or("", State::label)}</span></td>
            <td class="num">{row.margin}</td>
            <td>{row.severity}</td>
            <td>{row.opened}</td>
            <td class="targets">{row.detail}</td>
        </tr>
    }
}
