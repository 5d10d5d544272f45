//! Leverage: the pressure each party holds over each other (strength * credibility of its
//! items that are not Withdrawn) and the net balance of each ordered pair.

use crate::model::{LeverageStatus, Project};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The pressure of `holder` on `target` and the net of it against the reverse pressure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeverageBalance {
    pub holder: String,
    pub target: String,
    /// Sum of strength * credibility over the holder's items on the target (not Withdrawn).
    pub pressure: f64,
    /// pressure(holder -> target) - pressure(target -> holder).
    pub net: f64,
}

/// The pressure of party h on party t, by (h, t) in project order, for the pairs that have
/// leverage items (not Withdrawn); a pair without items has none. Sparse, so its size is
/// that of the leverage list, not parties squared. Items naming a party the project lacks
/// are left out.
pub fn pressures(project: &Project) -> BTreeMap<(usize, usize), f64> {
    let index: HashMap<&str, usize> = project
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut out = BTreeMap::new();
    for item in &project.leverage {
        if item.status == LeverageStatus::Withdrawn {
            continue;
        }
        if let (Some(&h), Some(&t)) = (
            index.get(item.holder.as_str()),
            index.get(item.target.as_str()),
        ) {
            *out.entry((h, t)).or_insert(0.0) += item.strength * item.credibility;
        }
    }
    out
}

/// Every ordered pair of parties with pressure in either direction, holders then targets
/// in project order; both (a, b) and (b, a) are listed.
pub fn balances(project: &Project) -> Vec<LeverageBalance> {
    let pressure = pressures(project);
    let at = |pair: (usize, usize)| pressure.get(&pair).copied().unwrap_or(0.0);
    let pairs: BTreeSet<(usize, usize)> = pressure
        .keys()
        .flat_map(|&(h, t)| [(h, t), (t, h)])
        .collect();
    let mut out = Vec::new();
    for (h, t) in pairs {
        let (there, back) = (at((h, t)), at((t, h)));
        if there > 0.0 || back > 0.0 {
            out.push(LeverageBalance {
                holder: project.parties[h].id.clone(),
                target: project.parties[t].id.clone(),
                pressure: there,
                net: there - back,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Leverage, LeverageKind, Party, Role};

    fn party(id: &str) -> Party {
        Party {
            id: id.into(),
            name: id.into(),
            role: Role::Principal,
            power: 0.5,
            color: None,
            notes: String::new(),
        }
    }

    fn lever(holder: &str, target: &str, strength: f64, credibility: f64) -> Leverage {
        Leverage {
            holder: holder.into(),
            target: target.into(),
            kind: LeverageKind::Stick,
            instrument: format!("{holder}->{target}"),
            strength,
            credibility,
            cost: 0.0,
            status: LeverageStatus::Available,
            issues: vec![],
            sources: vec![],
        }
    }

    fn project() -> Project {
        let mut withdrawn = lever("us", "ru", 1.0, 1.0);
        withdrawn.status = LeverageStatus::Withdrawn;
        let mut used = lever("us", "ua", 0.5, 0.4);
        used.status = LeverageStatus::Used;
        Project {
            parties: vec![party("ru"), party("ua"), party("us"), party("eu")],
            leverage: vec![
                lever("us", "ua", 0.8, 0.9),
                used,
                lever("ua", "us", 0.5, 0.2),
                withdrawn,
                lever("ru", "ua", 0.0, 1.0),
            ],
            ..Project::default()
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn pressure_sums_items_that_are_not_withdrawn() {
        let m = pressures(&project());
        // us -> ua: 0.8*0.9 + 0.5*0.4 = 0.72 + 0.2 = 0.92.
        assert!(close(m[&(2, 1)], 0.92));
        // ua -> us: 0.5*0.2 = 0.1.
        assert!(close(m[&(1, 2)], 0.1));
        // us -> ru: only a Withdrawn item -> no entry. ru -> ua: strength 0 -> 0.
        assert_eq!(m.get(&(2, 0)), None);
        assert_eq!(m[&(0, 1)], 0.0);
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn balances_list_each_ordered_pair_with_pressure_either_way() {
        let b = balances(&project());
        let pairs: Vec<_> = b
            .iter()
            .map(|l| (l.holder.as_str(), l.target.as_str()))
            .collect();
        // Holder order ru, ua, us, eu: only ua<->us carry pressure.
        assert_eq!(pairs, [("ua", "us"), ("us", "ua")]);
        // ua -> us: pressure 0.1, net 0.1 - 0.92 = -0.82; us -> ua: 0.92, net +0.82.
        assert!(close(b[0].pressure, 0.1) && close(b[0].net, -0.82));
        assert!(close(b[1].pressure, 0.92) && close(b[1].net, 0.82));
    }

    #[test]
    fn no_leverage_no_balances() {
        let p = Project {
            parties: vec![party("a"), party("b")],
            ..Project::default()
        };
        assert!(balances(&p).is_empty());
    }

    #[test]
    fn items_naming_unknown_parties_are_left_out() {
        let p = Project {
            parties: vec![party("a")],
            leverage: vec![lever("a", "ghost", 1.0, 1.0)],
            ..Project::default()
        };
        assert!(pressures(&p).is_empty());
        assert!(balances(&p).is_empty());
    }
}
