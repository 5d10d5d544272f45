//! The checks of numbers and dates: a point on an issue scale (0..=100), a weight (0..=1),
//! never NaN or infinite; a real calendar date written YYYY-MM-DD.

use super::{Checker, Item};
use crate::model::parse_date;

impl Checker<'_> {
    /// A point on an issue scale, 0..=100.
    pub(super) fn scale(&mut self, item: Item, field: &str, value: f64) {
        self.range(
            item,
            field,
            value,
            100.0,
            "a point on the issue scale, from 0 to 100",
        );
    }

    /// A weight, 0..=1.
    pub(super) fn unit(&mut self, item: Item, field: &str, value: f64) {
        self.range(item, field, value, 1.0, "a value from 0 to 1");
    }

    fn range(&mut self, item: Item, field: &str, value: f64, max: f64, allowed: &str) {
        let problem = if value.is_nan() {
            format!("{field} is NaN (not a number)")
        } else if value.is_infinite() {
            format!("{field} is infinite (a number too large to store)")
        } else if !(0.0..=max).contains(&value) {
            format!("{field} {} is outside 0..={max}", number(value))
        } else {
            return;
        };
        self.error(item, format!("{problem}; use {allowed}"));
    }

    pub(super) fn date(&mut self, item: Item, field: &str, date: Option<&str>) {
        if let Some(problem) = date_problem(field, date) {
            self.error(item, problem);
        }
    }
}

/// What is wrong with a date `field`, if anything.
pub(super) fn date_problem(field: &str, date: Option<&str>) -> Option<String> {
    let date = date?;
    parse_date(date).is_none().then(|| {
        format!(
            "{field} {date:?} is not a valid date; write a real calendar date as YYYY-MM-DD, \
             such as \"2025-03-13\""
        )
    })
}

/// A number as a person writes it: 1.5, 120, -3; huge or tiny ones in exponent form.
pub(super) fn number(value: f64) -> String {
    if value == 0.0 || (1e-6..1e9).contains(&value.abs()) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}
