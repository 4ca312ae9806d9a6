//! "Your package and policy": what else the policy says about the chosen
//! package (channels, incidents, price) and the vendor (facts with their
//! sources), and the document it was read from.

use crate::engine::charge::format_money;
use crate::engine::deadline::Selection;
use crate::engine::join;

/// One term of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub term: String,
    pub value: String,
    /// The policy section it comes from, for the vendor's facts.
    pub source: Option<String>,
}

/// The package and policy panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub facts: Vec<Fact>,
    /// "Source: ThreePBX Support Policy (…)".
    pub source: String,
}

fn fact(term: &str, value: String) -> Fact {
    Fact {
        term: term.to_string(),
        value,
        source: None,
    }
}

/// The panel for a selection.
pub fn facts(selection: &Selection<'static>) -> Facts {
    let package = selection.package();
    let price = match package.price() {
        Some(p) => {
            let terms = p
                .terms
                .as_deref()
                .map(|t| format!(", {t}"))
                .unwrap_or_default();
            format!("{} per {}{terms}", format_money(p.amount), p.period)
        }
        None => package
            .price_note()
            .unwrap_or("Not stated in the policy")
            .to_string(),
    };
    let mut facts = vec![fact("Channels", join(package.channels(), ", "))];
    facts.extend(
        package
            .incidents_per_month()
            .map(|n| fact("Incidents per month", n.to_string())),
    );
    facts.push(fact("Price", price));
    facts.extend(selection.policy.facts().iter().map(|f| Fact {
        term: f.topic.to_string(),
        value: f.text.to_string(),
        source: Some(f.provenance.source.to_string()),
    }));
    Facts {
        facts,
        source: super::ticket::source_line(selection.policy, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::load;

    #[test]
    fn threepbx_standard() {
        let s = load::embedded()
            .select("threepbx", "standard", None, "1")
            .unwrap();
        let panel = facts(&s);
        let terms: Vec<&str> = panel.facts.iter().map(|f| f.term.as_str()).collect();
        // Package entitlements first, then the policy's facts in its order.
        assert_eq!(
            terms,
            [
                "Channels",
                "Price",
                "After hours",
                "Account standing",
                "Escalation",
                "Code changes"
            ]
        );
        assert_eq!(panel.facts[0].source, None);
        assert_eq!(panel.facts[4].source.as_deref(), Some("\u{a7}7 Escalation"));
        assert!(panel.source.starts_with("Source: "), "{}", panel.source);
    }
}
