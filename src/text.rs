//! Tokens and sentences. Offsets are byte offsets into the article body;
//! [`char_offset`] converts them to the Unicode code points the graph uses.

use rustc_hash::FxHashSet as HashSet;

/// What tokenising and sentence splitting read; the rules loader fills it.
#[derive(Debug, Clone, Default)]
pub struct TextLexicon {
    /// Abbreviations (without the final period) that do not end a sentence.
    pub abbreviations: HashSet<String>,
    /// Capitalised words that never begin a name: after an abbreviation,
    /// one of them begins a new sentence. (Mention finding has its own copy.)
    pub stopwords: HashSet<String>,
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes or periods: "Jean-Paul", "U.S.").
    Word,
    /// Digits, with inner commas or periods ("3,811", "1.5").
    Number,
    /// The possessive "'s" split off a word.
    Possessive,
    /// Any other single character.
    Punct,
}

/// A token of the body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Kind of token.
    pub kind: TokenKind,
    /// The token text.
    pub text: String,
    /// The token text lowercased, for rule lookups.
    pub lower: String,
}

impl Token {
    /// True for a word starting with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A sentence: a range of tokens and of body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the sentence in the article.
    pub index: usize,
    /// Byte offset of the sentence start.
    pub start: usize,
    /// Byte offset of the sentence end.
    pub end: usize,
    /// The sentence's tokens.
    pub tokens: Vec<Token>,
}

/// Splits `body` into tokens.
pub fn tokenize(body: &str, lexicon: &TextLexicon) -> Vec<Token> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(body.len(), |c| c.0);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            i += 1;
            loop {
                match chars.get(i) {
                    Some((_, c)) if c.is_alphanumeric() => i += 1,
                    // Inner periods only in abbreviations ("U.S", "p.m"), not in
                    // sentences glued without a space ("screams.At").
                    Some((_, '.')) if !numeric && segment_length(&chars[start..i]) > 2 => break,
                    Some((_, c))
                        if matches!(c, '-' | '\'' | '’' | '.' | ',' | '&')
                            && chars.get(i + 1).is_some_and(|n| n.1.is_alphanumeric())
                            && (*c != ',' || numeric && chars[i + 1].1.is_ascii_digit()) =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
            let word = &body[byte_at(start)..byte_at(i)];
            // A period belongs to an abbreviation or an initial ("U.S.", "Jan.", "J.").
            if chars.get(i).is_some_and(|c| c.1 == '.')
                && !numeric
                && (lexicon.abbreviations.contains(word)
                    || word.contains('.')
                    || word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            {
                i += 1;
            }
            kind = if numeric
                && chars[start..i]
                    .iter()
                    .all(|c| c.1.is_ascii_digit() || c.1 == ',' || c.1 == '.')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            // Split a possessive "'s" off the word.
            let text = &body[byte_at(start)..byte_at(i)];
            if kind == TokenKind::Word
                && i - start > 2
                && (text.ends_with("'s") || text.ends_with("’s"))
            {
                push(
                    &mut tokens,
                    body,
                    byte_at(start),
                    byte_at(i - 2),
                    TokenKind::Word,
                );
                push(
                    &mut tokens,
                    body,
                    byte_at(i - 2),
                    byte_at(i),
                    TokenKind::Possessive,
                );
                continue;
            }
            // A bare apostrophe after a name ending in s is its possessive
            // ("Texas' governor", "Belarus’ ruler"); after a common noun it may
            // close a quotation, so it is left as punctuation there.
            let bare_possessive = kind == TokenKind::Word
                && text.ends_with('s')
                && text.starts_with(char::is_uppercase)
                && chars.get(i).is_some_and(|c| matches!(c.1, '\'' | '’'))
                && chars.get(i + 1).is_some_and(|c| c.1.is_whitespace());
            if bare_possessive {
                push(&mut tokens, body, byte_at(start), byte_at(i), kind);
                push(
                    &mut tokens,
                    body,
                    byte_at(i),
                    byte_at(i + 1),
                    TokenKind::Possessive,
                );
                i += 1;
                continue;
            }
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        push(&mut tokens, body, byte_at(start), byte_at(i), kind);
    }
    tokens
}

/// Letters since the word's last period (or its start).
fn segment_length(chars: &[(usize, char)]) -> usize {
    chars.iter().rev().take_while(|c| c.1 != '.').count()
}

fn push(tokens: &mut Vec<Token>, body: &str, start: usize, end: usize, kind: TokenKind) {
    let text = body[start..end].to_string();
    let lower = text.to_lowercase();
    tokens.push(Token {
        start,
        end,
        kind,
        text,
        lower,
    });
}

/// Splits `body` into sentences: after ".", "!" or "?" (and closing quotes)
/// when the next token starts a sentence, and at blank lines.
pub fn split_sentences(body: &str, lexicon: &TextLexicon) -> Vec<Sentence> {
    let tokens = tokenize(body, lexicon);
    // First the length of each sentence, then the tokens moved into them.
    let mut lengths = Vec::new();
    let mut sentence_start = 0;
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        let paragraph_break = next.is_some_and(|n| body[token.end..n.start].contains("\n\n"));
        // An abbreviation's period ends the sentence too when a sentence opener
        // follows ("... Acme Corp. The company ...").
        let abbreviation_end = token.kind == TokenKind::Word
            && token.text.ends_with('.')
            && next
                .is_some_and(|n| lexicon.stopwords.contains(n.text.as_str()) && n.is_capitalized());
        let terminal = abbreviation_end
            || matches!(token.text.as_str(), "." | "!" | "?")
            || is_closing_quote(&token.text)
                && i > sentence_start
                && matches!(tokens[i - 1].text.as_str(), "." | "!" | "?");
        let next_starts = next.is_none_or(|n| {
            n.text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || is_opening_quote(&n.text)
        });
        let closing_quote_follows = next.is_some_and(|n| is_closing_quote(&n.text));
        if paragraph_break || next.is_none() || terminal && next_starts && !closing_quote_follows {
            lengths.push(i + 1 - sentence_start);
            sentence_start = i + 1;
        }
    }
    let mut tokens = tokens.into_iter();
    lengths
        .into_iter()
        .enumerate()
        .map(|(index, length)| {
            let tokens: Vec<Token> = tokens.by_ref().take(length).collect();
            Sentence {
                index,
                start: tokens[0].start,
                end: tokens[length - 1].end,
                tokens,
            }
        })
        .collect()
}

fn is_closing_quote(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "'" | "»" | ")")
}

fn is_opening_quote(t: &str) -> bool {
    matches!(t, "\"" | "“" | "‘" | "«" | "(")
}

/// The value of a number word up to "ninety-nine" ("seven", "Twenty-six").
pub fn number_word(word: &str) -> Option<u64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    // Called for every word: compared in place, no lowercased copy.
    let position = |list: &[&str], w: &str| list.iter().position(|x| x.eq_ignore_ascii_case(w));
    match word.split_once('-') {
        None => position(&UNITS, word)
            .map(|u| u as u64)
            .or_else(|| position(&TENS, word).map(|t| 20 + 10 * t as u64)),
        Some((tens, unit)) => {
            let t = position(&TENS, tens)?;
            let u = position(&UNITS[1..10], unit)?;
            Some(20 + 10 * t as u64 + u as u64 + 1)
        }
    }
}

/// Converts a byte offset in `text` to a count of Unicode code points.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let rules = crate::builtin_rules();
        split_sentences(text, &rules.text)
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = sentences("The U.S. envoy met Gen. Ruiz on Jan. 5 at 3 p.m. local time. He left. Then \"We agree.\" Talks ended with Acme Corp. The end.");
        assert_eq!(
            s,
            vec![
                "The U.S. envoy met Gen. Ruiz on Jan. 5 at 3 p.m. local time.",
                "He left.",
                "Then \"We agree.\"",
                "Talks ended with Acme Corp.",
                "The end."
            ]
        );
    }

    #[test]
    fn number_words_in_any_case() {
        assert_eq!(number_word("Seven"), Some(7));
        assert_eq!(number_word("NINETEEN"), Some(19));
        assert_eq!(number_word("Twenty-six"), Some(26));
        assert_eq!(number_word("forty"), Some(40));
        assert_eq!(number_word("twenty-ten"), None);
        assert_eq!(number_word("seventh"), None);
    }

    #[test]
    fn tokens_keep_names_numbers_and_possessives() {
        let rules = crate::builtin_rules();
        let tokens = tokenize(
            "Jean-Paul’s firm hired 3,811 workers, O'Neil said.",
            &rules.text,
        );
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Jean-Paul",
                "’s",
                "firm",
                "hired",
                "3,811",
                "workers",
                ",",
                "O'Neil",
                "said",
                "."
            ]
        );
        assert_eq!(tokens[4].kind, TokenKind::Number);
        assert_eq!(tokens[1].kind, TokenKind::Possessive);
    }

    #[test]
    fn a_bare_apostrophe_after_a_name_in_s_is_a_possessive() {
        let rules = crate::builtin_rules();
        let tokens = tokenize(
            "Texas' governor and Wales’ first minister met 'rebels' there.",
            &rules.text,
        );
        let kinds: Vec<(&str, TokenKind)> =
            tokens.iter().map(|t| (t.text.as_str(), t.kind)).collect();
        assert_eq!(kinds[0], ("Texas", TokenKind::Word));
        assert_eq!(kinds[1], ("'", TokenKind::Possessive));
        assert_eq!(kinds[4], ("Wales", TokenKind::Word));
        assert_eq!(kinds[5], ("’", TokenKind::Possessive));
        // A closing quotation mark after a common noun stays punctuation.
        assert_eq!(kinds[11], ("'", TokenKind::Punct));
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = "Müller said";
        assert_eq!(char_offset(text, text.find("said").unwrap()), 7);
    }
}
