//! The chart: met and breached per severity and target, and how the
//! margins are distributed. SVG, with a text equivalent for every bar in
//! a visually hidden list beside it.

use leptos::prelude::*;

use crate::present::audit::bars;

use super::state::use_audit;
use super::summary_table::{severity_name, target_name};

// Each bar under its label, full width, so the chart reads on a phone.
const ROW: u32 = 40;
const WIDTH: u32 = 400;

#[component]
pub fn AuditChart() -> impl IntoView {
    let ctx = use_audit();
    let bar_list = move || {
        ctx.summary
            .with(|l| bars(l, &|s| severity_name(ctx, s), &|t| target_name(ctx, t)))
    };
    // Room for a count after the longest bar.
    let span = WIDTH - 40;
    view! {
        <figure class="chart" data-chart="states">
            <figcaption id="chart-states">"Met and breached, per severity and target"</figcaption>
            {move || {
                let list = bar_list();
                let texts: Vec<String> = list.iter().map(|b| b.text.clone()).collect();
                let height = ROW * list.len() as u32 + 4;
                view! {
                    <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby="chart-states" width="100%">
                        {list.into_iter().enumerate().map(|(i, b)| {
                            let y = ROW * i as u32 + 2;
                            let met = span * b.met_width / 1000;
                            let breached = span * b.breached_width / 1000;
                            view! {
                                <g data-bar=b.label.clone()>
                                    <text x="0" y=y + 12 class="chart-label">{b.label.clone()}</text>
                                    <rect x="0" y=y + 16 width=met height="18" class="met" />
                                    <rect x=met y=y + 16 width=breached height="18" class="breached" />
                                </g>
                            }
                        }).collect_view()}
                    </svg>
                    <ul class="sr-only">
                        {texts.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                    </ul>
                }
            }}
            <p class="legend"><span class="swatch met"></span>"met " <span class="swatch breached"></span>"breached"</p>
        </figure>
        <figure class="chart" data-chart="margins">
            <figcaption id="chart-margins">"Margins of every measured target (deadline minus actual)"</figcaption>
            {move || {
                let list = ctx.histogram.get();
                let most = list.iter().map(|b| b.count).max().unwrap_or(0).max(1);
                let height = ROW * list.len() as u32 + 4;
                view! {
                    <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby="chart-margins" width="100%">
                        {list.iter().enumerate().map(|(i, b)| {
                            let y = ROW * i as u32 + 2;
                            let w = (span as u64 * b.count / most) as u32;
                            view! {
                                <g data-bucket=b.label>
                                    <text x="0" y=y + 12 class="chart-label">{b.label}</text>
                                    <rect x="0" y=y + 16 width=w height="18" class=if b.late { "breached" } else { "met" } />
                                </g>
                            }
                        }).collect_view()}
                    </svg>
                    <ul class="sr-only">
                        {list.into_iter().map(|b| view! { <li>{b.text()}</li> }).collect_view()}
                    </ul>
                }
            }}
        </figure>
    }
}
