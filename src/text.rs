//! Words, as SPEC.md §3 defines them: maximal runs of letters and digits,
//! compared case-insensitively.

/// The lowercase words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn splits_on_anything_but_letters_and_digits() {
        let got: Vec<String> = words("Orion: Google's SDN-control plane, 1.16M/s").collect();
        assert_eq!(
            got,
            ["orion", "google", "s", "sdn", "control", "plane", "1", "16m", "s"]
        );
    }

    #[test]
    fn unicode_letters_count_and_case_folds() {
        let got: Vec<String> = words("Über  ÉCOLE—naïve").collect();
        assert_eq!(got, ["über", "école", "naïve"]);
        assert_eq!(words("  ,;  ").count(), 0);
    }
}
