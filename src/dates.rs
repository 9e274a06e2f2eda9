//! Calendar dates without a date crate: parsing the forms news uses and
//! resolving relative expressions ("on Wednesday", "yesterday", "Jan. 5")
//! against the article's publication date.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: i32,
    /// Month 1..=12.
    pub month: u32,
    /// Day 1..=31.
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Date {
    /// Builds a date if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(date)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `delta` days.
    pub fn add_days(self, delta: i64) -> Date {
        Date::from_days(self.to_days() + delta)
    }

    /// Day of the week, 0 = Monday.
    pub fn weekday(self) -> u32 {
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time (`T...` or a space).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let head = text.trim().get(..10)?;
        let mut parts = head.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Month number (1..=12) of a month name or its abbreviation ("Jan", "Sept.").
pub fn month_number(word: &str) -> Option<u32> {
    // Called for most words of a text: compared in place, no lowercased copy.
    let w = word.trim_end_matches('.');
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || w.len() == 3 && m[..3].eq_ignore_ascii_case(w))
        .map(|i| i as u32 + 1)
}

/// Weekday index (0 = Monday) of a weekday name.
pub fn weekday_number(word: &str) -> Option<u32> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(word))
        .map(|i| i as u32)
}

/// Finds the first absolute date written in `text`: "January 10, 2022",
/// "10 January 2022", "Jan. 10, 2022", "2022-01-10" or the compact "08Jan22".
pub fn find_absolute_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        if let Some(date) = Some(word)
            .filter(|w| w.len() >= 10)
            .and_then(|w| Date::parse_iso(w))
        {
            return Some(date);
        }
        if let Some(date) = parse_compact(word) {
            return Some(date);
        }
        let year_at = |j: usize| -> Option<i32> {
            let w = words
                .get(j)?
                .trim_matches(|c: char| !c.is_ascii_alphanumeric());
            (w.len() == 4).then(|| w.parse().ok()).flatten()
        };
        let day_at = |j: usize| -> Option<u32> {
            let w = words
                .get(j)?
                .trim_matches(|c: char| !c.is_ascii_alphanumeric());
            let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            (1..=2).contains(&w.len()).then(|| w.parse().ok()).flatten()
        };
        if let Some(month) = month_number(word) {
            if let (Some(day), Some(year)) = (day_at(i + 1), year_at(i + 2)) {
                if let Some(date) = Date::new(year, month, day) {
                    return Some(date);
                }
            }
            if let (Some(day), Some(year)) = (day_at(i.wrapping_sub(1)), year_at(i + 1)) {
                if let Some(date) = Date::new(year, month, day) {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// Parses the compact dateline form "08Jan22" (day, month abbreviation, two-digit year).
fn parse_compact(word: &str) -> Option<Date> {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    if w.len() != 7 || !w.is_ascii() {
        return None;
    }
    let day = w[..2].parse().ok()?;
    let month = month_number(&w[2..5])?;
    let year: i32 = w[5..].parse().ok()?;
    Date::new(
        if year < 70 { 2000 + year } else { 1900 + year },
        month,
        day,
    )
}

/// Resolves a relative or partial date expression against the article date.
///
/// `words` are the expression's words, lowercased ("wednesday", "jan.", "5",
/// "yesterday", "last", "week"). Weekdays refer to the most recent such day
/// on or before the article date, as news reports do; a month and day take the
/// article's year unless that would put them more than six months after it
/// (announcements look ahead: "will retire June 30").
pub fn resolve_relative(words: &[&str], anchor: Date) -> Option<Date> {
    let first = *words.first()?;
    match first {
        "today" | "tonight" => return Some(anchor),
        "yesterday" => return Some(anchor.add_days(-1)),
        "tomorrow" => return Some(anchor.add_days(1)),
        _ => {}
    }
    if let Some(weekday) = weekday_number(first) {
        let back = (i64::from(anchor.weekday()) - i64::from(weekday)).rem_euclid(7);
        return Some(anchor.add_days(-back));
    }
    if let Some(month) = month_number(first) {
        let day: u32 = words.get(1)?.trim_end_matches(['.', ',']).parse().ok()?;
        let date = Date::new(anchor.year, month, day)?;
        if date.to_days() > anchor.to_days() + 183 {
            return Date::new(anchor.year - 1, month, day);
        }
        return Some(date);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_weekday() {
        let d = Date::new(2022, 1, 8).unwrap();
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 5, "8 January 2022 was a Saturday");
        assert_eq!(
            Date::new(2024, 2, 29).unwrap().add_days(1).to_string(),
            "2024-03-01"
        );
        assert!(Date::new(2023, 2, 29).is_none());
    }

    #[test]
    fn absolute_dates_in_text() {
        assert_eq!(
            find_absolute_date("Posted March 3, 1987 by staff")
                .unwrap()
                .to_string(),
            "1987-03-03"
        );
        assert_eq!(
            find_absolute_date("published on 14Feb19 in Lima")
                .unwrap()
                .to_string(),
            "2019-02-14"
        );
        assert_eq!(
            find_absolute_date("(5 June 2016)").unwrap().to_string(),
            "2016-06-05"
        );
        assert_eq!(
            find_absolute_date("Sept. 30, 2001").unwrap().to_string(),
            "2001-09-30"
        );
        assert!(find_absolute_date("May he rest").is_none());
    }

    #[test]
    fn relative_dates_resolve_backwards() {
        let saturday = Date::new(2022, 1, 8).unwrap();
        assert_eq!(
            resolve_relative(&["friday"], saturday).unwrap().to_string(),
            "2022-01-07"
        );
        assert_eq!(
            resolve_relative(&["saturday"], saturday)
                .unwrap()
                .to_string(),
            "2022-01-08"
        );
        assert_eq!(
            resolve_relative(&["yesterday"], saturday)
                .unwrap()
                .to_string(),
            "2022-01-07"
        );
        assert_eq!(
            resolve_relative(&["jan.", "5"], saturday)
                .unwrap()
                .to_string(),
            "2022-01-05"
        );
        let new_year = Date::new(2020, 1, 2).unwrap();
        assert_eq!(
            resolve_relative(&["dec", "30"], new_year)
                .unwrap()
                .to_string(),
            "2019-12-30"
        );
    }
}
