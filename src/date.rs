//! Calendar days (`2026-11-28`), as the catalog's `added` field and the
//! `since` parameter write them, without a date crate.

use std::fmt;

/// A day of the proleptic Gregorian calendar. Ordered by time, so that
/// "added on or after" is a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Day {
    /// Reads `YYYY-MM-DD`, a day that exists (no `2025-02-29`); `None` for
    /// anything else.
    pub fn parse(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = b.get(r)?;
            part.iter()
                .all(u8::is_ascii_digit)
                .then(|| part.iter().fold(0u16, |n, &d| n * 10 + u16::from(d - b'0')))
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(0..4)?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Day { year, month, day })
    }

    /// The day after this one.
    pub fn next(self) -> Day {
        if self.day < days_in_month(self.year, self.month) {
            Day {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Day {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Day {
                year: self.year.saturating_add(1),
                month: 1,
                day: 1,
            }
        }
    }

    /// The day (UTC) of a Unix time.
    pub fn from_unix_seconds(seconds: u64) -> Day {
        // Howard Hinnant's civil-from-days algorithm.
        let days = (seconds / 86_400) as i64 + 719_468;
        let era = days.div_euclid(146_097);
        let doe = days - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Day { year, month, day }
    }

    /// Today (UTC), by the system clock.
    pub fn today() -> Day {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Day::from_unix_seconds(now)
    }
}

/// As its `YYYY-MM-DD` text, in stored records.
impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(d)?;
        Day::parse(&text).ok_or_else(|| serde::de::Error::custom("not a day (YYYY-MM-DD)"))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Day;

    #[test]
    fn parses_real_days_only() {
        let d = Day::parse("2026-11-28").unwrap();
        assert_eq!((d.year, d.month, d.day), (2026, 11, 28));
        assert_eq!(d.to_string(), "2026-11-28");
        assert!(Day::parse("2024-02-29").is_some());
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-4-01",
            "2026/04/01",
            "20260401",
            "",
            "abcd-ef-gh",
            "2026-04-01T00:00",
            "２０２６-04-01",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_next_day_rolls_over_months_years_and_leap_days() {
        let next = |s: &str| Day::parse(s).unwrap().next().to_string();
        assert_eq!(next("2026-11-28"), "2026-11-29");
        assert_eq!(next("2026-11-30"), "2026-12-01");
        assert_eq!(next("2026-12-31"), "2027-01-01");
        assert_eq!(next("2024-02-28"), "2024-02-29");
        assert_eq!(next("2025-02-28"), "2025-03-01");
    }

    #[test]
    fn days_order_by_time() {
        let a = Day::parse("2025-12-31").unwrap();
        let b = Day::parse("2026-01-01").unwrap();
        assert!(a < b);
    }

    #[test]
    fn days_from_unix_time() {
        assert_eq!(Day::from_unix_seconds(0).to_string(), "1970-01-01");
        assert_eq!(
            Day::from_unix_seconds(1_735_689_599).to_string(),
            "2024-12-31"
        );
        assert_eq!(
            Day::from_unix_seconds(1_735_689_600).to_string(),
            "2025-01-01"
        );
        assert_eq!(
            Day::from_unix_seconds(1_709_164_800).to_string(),
            "2024-02-29"
        );
    }
}
