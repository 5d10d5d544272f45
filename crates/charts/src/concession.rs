//! Concession matrix: issues as rows, parties as columns; each cell says one thing, in its
//! number and its colour alike: the share of the party's room (ideal 0%, walk-away 100%)
//! the predicted outcome uses, or, for a party with no walk-away, the points it must move.
//! Breaches are framed in the chart's text colour and marked; pain totals below.

use super::canvas::{Align, Baseline, Canvas, Measure};
use super::frame::Body;
use super::{ChartError, ChartInput, ChartLayout, MAX_ISSUES, MAX_PARTIES, num};
use plotters::prelude::DrawingBackend;

pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    layout: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    let a = input.analysis;

    // Parties with at least one position, issues with at least one concession.
    let with_positions: std::collections::HashSet<&str> =
        p.positions.iter().map(|q| q.party.as_str()).collect();
    let parties: Vec<&crate::model::Party> = p
        .parties
        .iter()
        .filter(|party| with_positions.contains(party.id.as_str()))
        .collect();
    let issues: Vec<&crate::analysis::IssueAnalysis> = a
        .issues
        .iter()
        .filter(|i| !i.concessions.is_empty())
        .collect();
    if parties.is_empty() || issues.is_empty() {
        return Ok(Body::empty(top, "No positions recorded yet."));
    }

    let m = c.margin();
    let small = c.font(11.0);
    let bottom = c.h - m - small * 1.6;
    let legend_h = small * 4.8;

    // Fit: rows need at least ~1.5 lines of the smallest readable label.
    let min_row = (small * 1.55).max(14.0);
    let header_h_guess = c.font(12.5) * 2.9;
    let rows_fit = ((bottom - top - legend_h - header_h_guess) / min_row)
        .floor()
        .max(1.0) as usize
        - 1;
    let n_issues = issues.len().min(MAX_ISSUES).min(rows_fit.max(1));
    let n_parties = parties.len().min(MAX_PARTIES);
    if issues.len() > n_issues {
        layout
            .omitted
            .push(format!("+{} issues not shown", issues.len() - n_issues));
    }
    if parties.len() > n_parties {
        layout
            .omitted
            .push(format!("+{} parties not shown", parties.len() - n_parties));
    }
    let issues = &issues[..n_issues];
    let parties = &parties[..n_parties];

    let grid_bottom = bottom - legend_h;
    let header_h = header_h_guess;
    let row_h = ((grid_bottom - top - header_h) / (n_issues as f64 + 1.9)).min(c.font(12.5) * 3.4);
    // Type follows the row height so 25 rows stay legible and few rows do not look lost.
    let label = (row_h * 0.42)
        .min(c.font(13.0))
        .max(small.min(row_h * 0.55));
    let two_line_rows = row_h >= label * 2.5;

    let row_label_w = (c.w * 0.27)
        .min(
            issues
                .iter()
                .map(|i| c.measure(&i.name, label))
                .fold(0.0, f64::max)
                + label * 1.5,
        )
        .max(c.w * 0.14);
    let outcome_w = c
        .measure("Outcome", small)
        .max(c.measure("none", label))
        .max(c.measure("100", label))
        + label;
    let grid_x = m + row_label_w + if two_line_rows { 0.0 } else { outcome_w };
    let col_w = ((c.w - m - grid_x) / n_parties as f64).min(label * 12.0);
    let grid_y = top + header_h;

    // Column headers: party names in up to two lines, with a colour bar.
    for (j, party) in parties.iter().enumerate() {
        let x = grid_x + col_w * j as f64;
        let lines = c.wrap(&party.name, label, col_w - 6.0, 2);
        let nl = lines.len() as f64;
        for (k, line) in lines.iter().enumerate() {
            let y = grid_y - small * 0.8 - (nl - k as f64) * label * 1.2;
            c.text(
                line,
                x + col_w / 2.0,
                y,
                label,
                c.pal.text,
                Align::Middle,
                Baseline::Top,
            )?;
        }
        let color = c.pal.party(p.party_color(&party.id));
        c.rect(
            x + 3.0,
            grid_y - small * 0.6,
            x + col_w - 3.0,
            grid_y - small * 0.25,
            color,
            1.0,
        )?;
        layout.add(
            [x, top, x + col_w, grid_y],
            Some(&party.id),
            None,
            format!(
                "{} ({}, power {})",
                party.name,
                party.role.label(),
                num(party.power, 2)
            ),
        );
    }
    if two_line_rows {
        c.text(
            "Issue · predicted outcome",
            m,
            grid_y - small * 0.6,
            small,
            c.pal.muted,
            Align::Start,
            Baseline::Bottom,
        )?;
    } else {
        c.text(
            "Issue",
            m,
            grid_y - small * 0.6,
            small,
            c.pal.muted,
            Align::Start,
            Baseline::Bottom,
        )?;
        c.text(
            "Outcome",
            grid_x - label * 0.5,
            grid_y - small * 0.6,
            small,
            c.pal.muted,
            Align::End,
            Baseline::Bottom,
        )?;
    }

    // Points scale for parties without a walk-away: the largest such move in view.
    let max_move = issues
        .iter()
        .flat_map(|i| i.concessions.iter())
        .filter(|k| k.share.is_none())
        .filter_map(|k| k.distance)
        .fold(0.0, f64::max);

    for (i, issue) in issues.iter().enumerate() {
        let y = grid_y + row_h * i as f64;
        if i % 2 == 1 {
            c.rect(m, y, grid_x, y + row_h, c.pal.panel, 1.0)?;
        }
        let outcome = match issue.outcome {
            Some(o) => format!("outcome {}", num(o, 0)),
            None => "no outcome".to_owned(),
        };
        let outcome_color = if issue.outcome.is_some() {
            c.pal.muted
        } else {
            c.pal.bad
        };
        if two_line_rows {
            let name = c.fit(&issue.name, label, row_label_w - label * 0.5);
            c.text(
                &name,
                m + 4.0,
                y + row_h / 2.0 - label * 0.1,
                label,
                c.pal.text,
                Align::Start,
                Baseline::Bottom,
            )?;
            c.text(
                &outcome,
                m + 4.0,
                y + row_h / 2.0 + label * 0.15,
                small.min(label),
                outcome_color,
                Align::Start,
                Baseline::Top,
            )?;
        } else {
            let name = c.fit(&issue.name, label, row_label_w - label * 0.5);
            c.text(
                &name,
                m + 4.0,
                y + row_h / 2.0,
                label,
                c.pal.text,
                Align::Start,
                Baseline::Center,
            )?;
            let short = issue.outcome.map_or("none".to_owned(), |o| num(o, 0));
            c.text(
                &short,
                grid_x - label * 0.5,
                y + row_h / 2.0,
                label,
                outcome_color,
                Align::End,
                Baseline::Center,
            )?;
        }
        let mut tip = format!("{}: {outcome}", issue.name);
        if let Some(note) = &issue.outcome_note {
            tip.push_str(&format!(" ({note})"));
        }
        layout.add([m, y, grid_x, y + row_h], None, Some(&issue.id), tip);

        for (j, party) in parties.iter().enumerate() {
            let x = grid_x + col_w * j as f64;
            let (x0, y0, x1, y1) = (x + 1.5, y + 1.5, x + col_w - 1.5, y + row_h - 1.5);
            let Some(k) = issue.concessions.iter().find(|k| k.party == party.id) else {
                c.rect(x0, y0, x1, y1, c.pal.empty, 1.0)?;
                c.text(
                    "·",
                    (x0 + x1) / 2.0,
                    (y0 + y1) / 2.0,
                    label,
                    c.pal.grid,
                    Align::Middle,
                    Baseline::Center,
                )?;
                layout.add(
                    [x0, y0, x1, y1],
                    Some(&party.id),
                    Some(&issue.id),
                    format!("{} has no position on {}", party.name, issue.name),
                );
                continue;
            };
            let breach_mark = k.breach && k.red_line;
            let fill = match (k.share, k.distance) {
                _ if breach_mark => c.pal.alarm,
                (Some(share), _) => c.pal.share(share),
                (None, Some(d)) => c.pal.pain(d, max_move),
                (None, None) => c.pal.empty,
            };
            c.rect(x0, y0, x1, y1, fill, 1.0)?;
            let ink = c.pal.ink_on(fill);
            // The number is what the colour shows.
            let text = match (k.share, k.distance) {
                (Some(share), _) => format!("{}%", num(share * 100.0, 0)),
                (None, Some(d)) => format!("{} pt", num(d, 0)),
                (None, None) => "–".to_owned(),
            };
            if breach_mark {
                // A breached red line: the cell in the alarm colour, framed, and labelled.
                let t = (row_h * 0.08).clamp(1.5, 3.0);
                c.frame(x0, y0, x1, y1, c.pal.text, t)?;
                let tag = if col_w > c.measure(&format!("{text}  RED LINE"), label) + 12.0 {
                    "  RED LINE"
                } else {
                    " !"
                };
                c.text(
                    &format!("{text}{tag}"),
                    (x0 + x1) / 2.0,
                    (y0 + y1) / 2.0,
                    label,
                    ink,
                    Align::Middle,
                    Baseline::Center,
                )?;
            } else if k.breach {
                // Framed in the chart's text colour, which stands out from the background
                // whatever the cell's fill (the ink on a red cell is white, like the page).
                let t = (row_h * 0.07).clamp(1.5, 3.0);
                c.frame(x0, y0, x1, y1, c.pal.text, t)?;
                c.text(
                    &format!("{text} ×"),
                    (x0 + x1) / 2.0,
                    (y0 + y1) / 2.0,
                    label,
                    ink,
                    Align::Middle,
                    Baseline::Center,
                )?;
            } else {
                c.text(
                    &text,
                    (x0 + x1) / 2.0,
                    (y0 + y1) / 2.0,
                    label,
                    ink,
                    Align::Middle,
                    Baseline::Center,
                )?;
            }
            let mut tip = format!(
                "{} on {}: stance {}",
                party.name,
                issue.name,
                num(k.stance, 1)
            );
            if let Some(d) = k.distance {
                tip.push_str(&format!(", must move {} points", num(d, 1)));
            }
            if let Some(pain) = k.pain {
                tip.push_str(&format!(", pain {}", num(pain, 3)));
            }
            match k.share {
                Some(s) => tip.push_str(&format!(
                    ", uses {}% of its room to its walk-away",
                    num(s * 100.0, 0)
                )),
                None => tip.push_str(
                    " (no walk-away to measure its room by: coloured by the points it must move)",
                ),
            }
            if k.breach {
                tip.push_str(if k.red_line {
                    ". BREACHES ITS RED LINE"
                } else {
                    ". Beyond its walk-away"
                });
            }
            layout.add([x0, y0, x1, y1], Some(&party.id), Some(&issue.id), tip);
        }
    }

    // Total pain per party, with its breaches under it.
    let y = grid_y + row_h * n_issues as f64 + row_h * 0.25;
    let total_h = row_h.max(label * 2.4);
    c.line(
        m,
        y - row_h * 0.12,
        grid_x + col_w * n_parties as f64,
        y - row_h * 0.12,
        c.pal.text,
        1.0,
    )?;
    c.text(
        "Total pain",
        m + 4.0,
        y + total_h / 2.0,
        label,
        c.pal.text,
        Align::Start,
        Baseline::Center,
    )?;
    for (j, party) in parties.iter().enumerate() {
        let x = grid_x + col_w * j as f64;
        let totals = a.parties.iter().find(|t| t.id == party.id);
        let pain = totals.map_or(0.0, |t| t.total_pain);
        let breaches = totals.map_or(0, |t| t.breaches);
        let cx = x + col_w / 2.0;
        if breaches > 0 {
            c.text(
                &num(pain, 2),
                cx,
                y + total_h / 2.0,
                label,
                c.pal.text,
                Align::Middle,
                Baseline::Bottom,
            )?;
            let b = format!(
                "{} breach{}",
                breaches,
                if breaches == 1 { "" } else { "es" }
            );
            c.text(
                &c.fit(&b, small, col_w - 4.0),
                cx,
                y + total_h / 2.0 + 1.0,
                small,
                c.pal.bad,
                Align::Middle,
                Baseline::Top,
            )?;
        } else {
            c.text(
                &num(pain, 2),
                cx,
                y + total_h / 2.0,
                label,
                c.pal.text,
                Align::Middle,
                Baseline::Center,
            )?;
        }
        layout.add(
            [x, y, x + col_w, y + total_h],
            Some(&party.id),
            None,
            format!(
                "{}: total pain {} over all issues, {} breach(es) of its walk-aways",
                party.name,
                num(pain, 3),
                breaches
            ),
        );
    }

    legend(
        c,
        (y + total_h + small * 1.2).min(grid_bottom + small * 0.6),
        max_move,
    )?;
    Ok(Body::Drawn)
}

/// Share ramp with its three anchors, the points ramp, and the breach marks.
fn legend<DB: DrawingBackend>(c: &Canvas<'_, DB>, y: f64, max_move: f64) -> Result<(), ChartError> {
    let m = c.margin();
    let small = c.font(11.0);
    let h = small * 1.1;
    let mut x = m;
    c.text(
        "Cell and colour: the share of the party's room (its ideal 0%, its walk-away 100%) \
         the outcome uses; with no walk-away, the points it must move",
        x,
        y,
        small,
        c.pal.muted,
        Align::Start,
        Baseline::Top,
    )?;
    let y = y + small * 1.6;
    let ramp_w = small * 21.0;
    let steps = 30;
    for s in 0..steps {
        let t0 = s as f64 / steps as f64;
        c.rect(
            x + ramp_w * t0,
            y,
            x + ramp_w * (t0 + 1.0 / steps as f64) + 0.5,
            y + h,
            c.pal.share(t0 * 1.5),
            1.0,
        )?;
    }
    let ty = y + h + 2.0;
    c.text(
        "0% ideal",
        x,
        ty,
        small,
        c.pal.text,
        Align::Start,
        Baseline::Top,
    )?;
    c.line(
        x + ramp_w * 2.0 / 3.0,
        y - 2.0,
        x + ramp_w * 2.0 / 3.0,
        y + h + 2.0,
        c.pal.text,
        1.0,
    )?;
    // Ending at its mark, so it never runs into "150%+" at the ramp's end.
    c.text(
        "100% walk-away",
        x + ramp_w * 2.0 / 3.0 + small * 0.3,
        ty,
        small,
        c.pal.text,
        Align::End,
        Baseline::Top,
    )?;
    c.text(
        "150%+",
        x + ramp_w,
        ty,
        small,
        c.pal.text,
        Align::End,
        Baseline::Top,
    )?;
    x += ramp_w + small * 2.5;
    // Pain ramp.
    let pw = small * 6.0;
    for s in 0..12 {
        let t = s as f64 / 12.0;
        c.rect(
            x + pw * t,
            y,
            x + pw * (t + 1.0 / 12.0) + 0.5,
            y + h,
            c.pal.pain(t * max_move, max_move),
            1.0,
        )?;
    }
    c.text("0", x, ty, small, c.pal.text, Align::Start, Baseline::Top)?;
    c.text(
        &format!("{} pt", num(max_move, 0)),
        x + pw,
        ty,
        small,
        c.pal.text,
        Align::End,
        Baseline::Top,
    )?;
    x += pw + small * 0.6;
    c.text(
        "points to move, with no walk-away",
        x,
        y + h / 2.0,
        small,
        c.pal.text,
        Align::Start,
        Baseline::Center,
    )?;
    x += c.measure("points to move, with no walk-away", small) + small * 2.5;
    // The two breach marks, drawn as in the cells: a filled, framed swatch with its sign.
    let breaches = [
        (c.pal.bad, 1.0, 1.5, "×", "beyond its walk-away", c.pal.text),
        (c.pal.alarm, 2.0, 2.0, "!", "red line breached", c.pal.alarm),
    ];
    let mut y = y;
    for (fill, pad, frame, sign, label, label_color) in breaches {
        // A mark that would run off the canvas goes on a line of its own, under the ramps.
        if x + small * 3.2 + c.measure(label, small) > c.w - m {
            x = m;
            y += h * 3.0;
        }
        c.rect(x, y - pad, x + small * 2.6, y + h + pad, fill, 1.0)?;
        c.frame(x, y - pad, x + small * 2.6, y + h + pad, c.pal.text, frame)?;
        c.text(
            sign,
            x + small * 1.3,
            y + h / 2.0,
            small,
            c.pal.ink_on(fill),
            Align::Middle,
            Baseline::Center,
        )?;
        x += small * 3.2;
        c.text(
            label,
            x,
            y + h / 2.0,
            small,
            label_color,
            Align::Start,
            Baseline::Center,
        )?;
        x += c.measure(label, small) + small * 2.5;
    }
    Ok(())
}
