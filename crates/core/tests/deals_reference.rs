//! The deal figures of the ceasefire sample against the reference values published with the
//! definition of the figures (the "Deals" section of the project's analysis contract,
//! computed there with an independent solver and given to 3 decimals). The fixture is the
//! copy of the sample those values were computed on (as it stood on 2026-12-01); the sample
//! in `sample_projects/` may change, this copy does not.

use stancemap_core::analysis::{Deals, deals};
use stancemap_core::format;
use std::path::Path;

fn reference(scenario: Option<&str>) -> Deals {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ceasefire-2025-as-of-2026-12-01.ron");
    let loaded = format::load_path(&path).expect("the fixture loads");
    deals(
        &loaded
            .project
            .resolve(scenario)
            .expect("the scenario exists"),
    )
}

/// Equal to the published 3-decimal value (half a unit of the last decimal either way).
fn assert_3dp(what: &str, got: Option<f64>, published: f64) {
    let got = got.unwrap_or_else(|| panic!("{what} is missing"));
    assert!(
        (got - published).abs() <= 5e-4 + 1e-12,
        "{what}: {got} is not {published} to 3 decimals"
    );
}

fn best_for(d: &Deals, id: &str) -> Option<f64> {
    d.best_for.get(id).copied().flatten()
}

#[test]
fn base_has_no_deal() {
    // Published: maxmin -0.045, not feasible, best_for Russia -0.108, Ukraine -0.076,
    // nash null.
    let d = reference(None);
    assert_3dp("maxmin", d.maxmin, -0.045);
    assert!(!d.feasible);
    assert_3dp("best_for ru", best_for(&d, "ru"), -0.108);
    assert_3dp("best_for ua", best_for(&d, "ua"), -0.076);
    assert!(d.nash.is_none());
    assert_eq!(
        d.verdict(),
        "No package that both Russia and Ukraine accept: the best Ukraine can accept still \
         leaves Russia 0.11 short of its walk-aways."
    );
}

#[test]
fn grand_bargain_has_a_deal() {
    // Published: maxmin 0.108, feasible, best_for Russia 0.246, Ukraine 0.185, nash values
    // Russia 0.169, Ukraine 0.061.
    let d = reference(Some("grand-bargain"));
    assert_3dp("maxmin", d.maxmin, 0.108);
    assert!(d.feasible);
    assert_3dp("best_for ru", best_for(&d, "ru"), 0.246);
    assert_3dp("best_for ua", best_for(&d, "ua"), 0.185);
    let nash = d.nash.as_ref().expect("a Nash package");
    assert_3dp("nash ru", nash.values.get("ru").copied(), 0.169);
    assert_3dp("nash ua", nash.values.get("ua").copied(), 0.061);
    // The Nash package keeps every red line and names every issue a Principal weighs.
    for p in &d.principals {
        assert!(
            p.keeps_red_lines(&nash.points),
            "{} red line crossed",
            p.name
        );
    }
    assert_eq!(nash.package.len(), 8);
}
