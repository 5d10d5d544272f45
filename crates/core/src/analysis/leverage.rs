//! Leverage: the pressure each party holds over each other (strength * credibility of its
//! items that are not Withdrawn) and the net balance of each ordered pair.

use crate::model::{LeverageStatus, Project};
use serde::Serialize;

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

/// The pressure matrix, parties by parties in project order: `m[h][t]` is the pressure of
/// party h on party t. Items naming a party the project lacks are left out.
pub fn pressure_matrix(project: &Project) -> Vec<Vec<f64>> {
    let n = project.parties.len();
    let index = |id: &str| project.parties.iter().position(|p| p.id == id);
    let mut matrix = vec![vec![0.0; n]; n];
    for item in &project.leverage {
        if item.status == LeverageStatus::Withdrawn {
            continue;
        }
        if let (Some(h), Some(t)) = (index(&item.holder), index(&item.target)) {
            matrix[h][t] += item.strength * item.credibility;
        }
    }
    matrix
}

/// Every ordered pair of parties with pressure in either direction, holders then targets
/// in project order; both (a, b) and (b, a) are listed.
pub fn balances(project: &Project) -> Vec<LeverageBalance> {
    let matrix = pressure_matrix(project);
    let mut out = Vec::new();
    for (h, holder) in project.parties.iter().enumerate() {
        for (t, target) in project.parties.iter().enumerate() {
            let (there, back) = (matrix[h][t], matrix[t][h]);
            if there > 0.0 || back > 0.0 {
                out.push(LeverageBalance {
                    holder: holder.id.clone(),
                    target: target.id.clone(),
                    pressure: there,
                    net: there - back,
                });
            }
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
        let m = pressure_matrix(&project());
        // us -> ua: 0.8*0.9 + 0.5*0.4 = 0.72 + 0.2 = 0.92.
        assert!(close(m[2][1], 0.92));
        // ua -> us: 0.5*0.2 = 0.1.
        assert!(close(m[1][2], 0.1));
        // us -> ru: only a Withdrawn item -> 0. ru -> ua: strength 0 -> 0.
        assert_eq!(m[2][0], 0.0);
        assert_eq!(m[0][1], 0.0);
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
        assert_eq!(pressure_matrix(&p), vec![vec![0.0]]);
        assert!(balances(&p).is_empty());
    }
}
