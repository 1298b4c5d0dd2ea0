//! Words, as SPEC.md §3 defines them: maximal runs of letters and digits,
//! compared case-insensitively.

/// The lowercase words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Calls `f` with each lowercase word of `text`, in order, without
/// allocating per word: ASCII words are lowercased into `buffer`.
pub fn for_each_word(text: &str, buffer: &mut String, mut f: impl FnMut(&str)) {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        buffer.clear();
        if word.is_ascii() {
            buffer.push_str(word);
            buffer.make_ascii_lowercase();
        } else {
            buffer.push_str(&word.to_lowercase());
        }
        f(buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::{for_each_word, words};

    #[test]
    fn for_each_word_sees_what_words_yields() {
        let text = "Orion: Google's SDN-control plane, Über ÉCOLE 1.16M/s";
        let mut seen = Vec::new();
        for_each_word(text, &mut String::new(), |w| seen.push(w.to_string()));
        assert_eq!(seen, words(text).collect::<Vec<_>>());
    }

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
