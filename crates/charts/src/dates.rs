//! Calendar arithmetic for the timeline: dates as day numbers, and readable axis ticks.

use jiff::civil::Date;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// 1970-01-01, day 0 of the axis.
const EPOCH: Date = Date::constant(1970, 1, 1);

/// Days since 1970-01-01 (proleptic Gregorian), so dates can be placed on a linear axis.
pub fn day_number(date: Date) -> i64 {
    // Spans between civil dates are in days by default, and every jiff date is within
    // a few million days of the epoch, so this never fails.
    EPOCH
        .until(date)
        .map_or(0, |span| i64::from(span.get_days()))
}

/// The date of a day number (inverse of `day_number`); `None` outside jiff's calendar.
pub fn from_day_number(n: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(n).ok()?;
    EPOCH.checked_add(span).ok()
}

/// "Mar 11", or "Mar 2025" for month ticks, or "2025" for year ticks.
pub fn label(date: Date, step: TickStep) -> String {
    let month = MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)];
    match step {
        TickStep::Days(_) => format!("{month} {}", date.day()),
        TickStep::Months(_) => format!("{month} {}", date.year()),
        TickStep::Years(_) => date.year().to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickStep {
    Days(i64),
    Months(i32),
    Years(i32),
}

/// Tick step for a span of `days` with room for about `max_ticks` labels.
pub fn tick_step(days: i64, max_ticks: usize) -> TickStep {
    let max = i64::try_from(max_ticks.max(2)).unwrap_or(2);
    for d in [1, 2, 7, 14] {
        if days / d <= max {
            return TickStep::Days(d);
        }
    }
    for m in [1, 2, 3, 6] {
        if days / (30 * i64::from(m)) <= max {
            return TickStep::Months(m);
        }
    }
    let mut y = 1;
    while days / (365 * i64::from(y)) > max {
        y *= 2;
    }
    TickStep::Years(y)
}

/// Tick dates within `[first, last]` (day numbers) at `step`, aligned to weeks starting
/// on Monday, to month starts or to year starts.
pub fn ticks(first: i64, last: i64, step: TickStep) -> Vec<i64> {
    let mut out = Vec::new();
    match step {
        TickStep::Days(d) => {
            // 1970-01-05 was a Monday (day 4).
            let mut t = if d >= 7 {
                first + (4 - first).rem_euclid(7)
            } else {
                first
            };
            while t <= last {
                out.push(t);
                t += d;
            }
        }
        TickStep::Months(_) | TickStep::Years(_) => {
            let Some(start) = from_day_number(first) else {
                return out;
            };
            let (mut y, mut m) = (i32::from(start.year()), i32::from(start.month()));
            let months = match step {
                TickStep::Months(k) => k,
                TickStep::Years(k) => 12 * k,
                TickStep::Days(_) => 1,
            };
            if matches!(step, TickStep::Years(_)) {
                m = 1;
            }
            // Align to a multiple of the step within the year.
            while (m - 1) % months.min(12) != 0 {
                m += 1;
            }
            for _ in 0..10_000 {
                if m > 12 {
                    y += (m - 1) / 12;
                    m = (m - 1) % 12 + 1;
                }
                let Some(date) = i16::try_from(y)
                    .ok()
                    .zip(i8::try_from(m).ok())
                    .and_then(|(y, m)| Date::new(y, m, 1).ok())
                else {
                    break;
                };
                let n = day_number(date);
                if n > last {
                    break;
                }
                if n >= first {
                    out.push(n);
                }
                m += months;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_date;

    #[test]
    fn day_numbers_round_trip() {
        let d = |s: &str| parse_date(s).unwrap();
        assert_eq!(day_number(d("1970-01-01")), 0);
        assert_eq!(day_number(d("1970-01-05")), 4);
        // 2025-03-13 - 2025-03-11 = 2 days; 2024 is a leap year: Feb 28 -> Mar 1 = 2 days.
        assert_eq!(day_number(d("2025-03-13")) - day_number(d("2025-03-11")), 2);
        assert_eq!(day_number(d("2024-03-01")) - day_number(d("2024-02-28")), 2);
        for s in ["2025-03-13", "2000-02-29", "1969-12-31", "2100-12-31"] {
            assert_eq!(from_day_number(day_number(d(s))), Some(d(s)));
        }
    }

    #[test]
    fn ticks_are_aligned_and_labelled() {
        let d = |s: &str| day_number(parse_date(s).unwrap());
        // A 31-day span with room for 6 labels: weekly ticks on Mondays.
        let step = tick_step(31, 6);
        assert_eq!(step, TickStep::Days(7));
        let t = ticks(d("2025-03-01"), d("2025-03-31"), step);
        // Mondays of March 2025: 3, 10, 17, 24, 31.
        assert_eq!(
            t,
            vec![
                d("2025-03-03"),
                d("2025-03-10"),
                d("2025-03-17"),
                d("2025-03-24"),
                d("2025-03-31")
            ]
        );
        assert_eq!(label(parse_date("2025-03-03").unwrap(), step), "Mar 3");
        // A year with room for 6: 365 / 60 = 6 two-month steps, on odd month starts.
        let step = tick_step(365, 6);
        assert_eq!(step, TickStep::Months(2));
        let t = ticks(d("2025-02-10"), d("2026-02-09"), step);
        let want = [
            "2025-03-01",
            "2025-05-01",
            "2025-07-01",
            "2025-09-01",
            "2025-11-01",
            "2026-01-01",
        ];
        assert_eq!(t, want.map(d).to_vec());
        assert_eq!(label(parse_date("2025-03-01").unwrap(), step), "Mar 2025");
    }
}
