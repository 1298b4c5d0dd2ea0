//! Pure geometry for the SVG charts and the tag cloud: scales, ticks,
//! stacked segments and font weights. Components only draw what these
//! functions compute.

/// A chart coordinate rounded to a whole pixel of the viewBox: sharper
/// edges, and no float formatting in the wasm (about 3 KB gzip).
pub fn px(v: f64) -> i32 {
    v.round() as i32
}

/// A "nice" upper bound for an axis that must show `max`: 1, 2 or 5 times
/// a power of ten, at least 1.
pub fn nice_max(max: usize) -> usize {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max {
                return (m * step).max(1);
            }
        }
        step *= 10;
    }
}

/// Evenly spaced tick values from 0 to `top` (inclusive), at most `max_ticks`
/// + 1 of them, on whole numbers.
pub fn ticks(top: usize, max_ticks: usize) -> Vec<usize> {
    let max_ticks = max_ticks.max(1);
    let step = nice_max(top.div_ceil(max_ticks)).max(1);
    (0..=top).step_by(step).collect()
}

/// Stacks `values` bottom-up on a scale where `scale_max` maps to `length`:
/// each value's extent `(start, end)` in whole pixels, one per value (a
/// zero value's is empty), so that a chart keeps one element per series
/// and only resizes it.
pub fn stack(values: &[usize], scale_max: usize, length: f64) -> Vec<(i32, i32)> {
    let unit = if scale_max == 0 {
        0.0
    } else {
        length / scale_max as f64
    };
    let mut at = 0usize;
    values
        .iter()
        .map(|&value| {
            let start = px(at as f64 * unit);
            at += value;
            (start, px(at as f64 * unit))
        })
        .collect()
}

/// An SVG path that draws one rectangle per `(x, y, height)`, each `width`
/// wide, leaving out the empty ones: a whole chart series is one element,
/// so that a new set of results changes one attribute, not one per bar.
pub fn rects_path(rects: impl IntoIterator<Item = (i32, i32, i32)>, width: i32) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for (x, y, height) in rects {
        if height > 0 {
            let _ = write!(d, "M{x} {y}h{width}v{height}h-{width}z");
        }
    }
    d
}

/// A tag-cloud size step from 0 (rarest) to `steps - 1` (most frequent), on a
/// log scale so that one very common tag does not flatten the rest.
pub fn cloud_step(count: usize, min: usize, max: usize, steps: usize) -> usize {
    if steps <= 1 || count == 0 || max <= min {
        return if count > 0 && max > 0 && steps > 1 {
            steps / 2
        } else {
            0
        };
    }
    let lo = (min.max(1) as f64).ln();
    let hi = (max as f64).ln();
    let t = ((count.max(1) as f64).ln() - lo) / (hi - lo);
    ((t.clamp(0.0, 1.0) * (steps - 1) as f64).round()) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn px_rounds_to_the_nearest_pixel() {
        assert_eq!((px(0.4), px(0.5), px(41.6), px(-0.6)), (0, 1, 42, -1));
    }

    #[test]
    fn nice_bounds() {
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(1), 1);
        assert_eq!(nice_max(3), 5);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(19), 20);
        assert_eq!(nice_max(21), 50);
        assert_eq!(nice_max(100_000), 100_000);
    }

    #[test]
    fn ticks_cover_the_axis() {
        assert_eq!(ticks(20, 4), vec![0, 5, 10, 15, 20]);
        assert_eq!(ticks(1, 4), vec![0, 1]);
        assert_eq!(ticks(50, 5), vec![0, 10, 20, 30, 40, 50]);
    }

    #[test]
    fn stacks_fill_the_total_with_empty_zeros() {
        assert_eq!(stack(&[2, 0, 3], 10, 100.0), [(0, 20), (20, 20), (20, 50)]);
        assert_eq!(stack(&[0, 0], 0, 100.0), [(0, 0), (0, 0)]);
        // Rounded ends meet: no gap and no overlap between segments.
        assert_eq!(stack(&[1, 1, 1], 3, 10.0), [(0, 3), (3, 7), (7, 10)]);
    }

    #[test]
    fn cloud_steps_are_logarithmic() {
        assert_eq!(cloud_step(1, 1, 100, 5), 0);
        assert_eq!(cloud_step(100, 1, 100, 5), 4);
        assert_eq!(cloud_step(10, 1, 100, 5), 2);
        assert_eq!(cloud_step(3, 3, 3, 5), 2);
        assert_eq!(cloud_step(0, 0, 0, 5), 0);
    }

    #[test]
    fn rects_path_draws_each_non_empty_rectangle() {
        assert_eq!(
            rects_path([(10, 20, 30), (40, 50, 0), (70, 5, 2)], 8),
            "M10 20h8v30h-8zM70 5h8v2h-8z"
        );
        assert_eq!(rects_path([], 8), "");
    }
}
