//! Titles: the one lookup of title phrases ("President", "former acting
//! prime minister", "agriculture secretary") that mention finding and
//! extraction share, and the title questions of name runs (a title before or
//! after a name, a connector inside a title, a government post with its
//! portfolio). One lookup, so that a title the mentions strip from a name is
//! the post extraction reads.

use super::{join, join_lower, EntityType, Title};
use super::{NameLexicon, TitleClass};
use crate::text::{Token, TokenKind};

/// Class of a lowercase title phrase, ignoring leading modifiers ("former acting president").
pub fn title_class(phrase: &str, names: &NameLexicon) -> Option<TitleClass> {
    if let Some(class) = names.titles.get(phrase) {
        return Some(*class);
    }
    let (head, rest) = phrase.split_once(' ')?;
    (names.titles.get(head) == Some(&TitleClass::Modifier))
        .then(|| title_class(rest, names))
        .flatten()
}

/// The title phrases of a sentence's tokens: a phrase of the titles list,
/// perhaps after modifiers ([`title_class`]); modifiers alone are none. By
/// default any phrase counts, capitalised or not, honorifics included; the
/// options narrow that (`TitleLookup::new(names).words().posts()`).
#[derive(Debug, Clone, Copy)]
pub struct TitleLookup<'r> {
    names: &'r NameLexicon,
    words_only: bool,
    lowercase: bool,
    posts_only: bool,
    portfolio_posts: bool,
}

impl<'r> TitleLookup<'r> {
    /// Any title phrase.
    pub fn new(names: &'r NameLexicon) -> Self {
        TitleLookup {
            names,
            words_only: false,
            lowercase: false,
            posts_only: false,
            portfolio_posts: false,
        }
    }

    /// A phrase ends at the first token that is no word (a number, a comma).
    pub fn words(self) -> Self {
        TitleLookup {
            words_only: true,
            ..self
        }
    }

    /// A phrase ends at the first capitalised word.
    pub fn lowercase(self) -> Self {
        TitleLookup {
            lowercase: true,
            ..self
        }
    }

    /// Posts only: an honorific ("Mr", "Sheikh") is no title.
    pub fn posts(self) -> Self {
        TitleLookup {
            posts_only: true,
            ..self
        }
    }

    /// With `on`, a post led by its portfolio counts too ("agriculture
    /// secretary"), with the class of its title word.
    pub fn portfolio_posts(self, on: bool) -> Self {
        TitleLookup {
            portfolio_posts: on,
            ..self
        }
    }

    /// The class of `words` read as one title phrase.
    pub fn class(self, words: &[Token]) -> Option<TitleClass> {
        if !words.iter().all(|t| self.admits(t)) {
            return None;
        }
        self.phrase_class(words)
    }

    /// Every title phrase that starts at `at` and ends by `end`, shortest
    /// first: its end and class. A phrase is at most the longest title and
    /// two modifiers.
    pub fn ends<'t>(
        self,
        tokens: &'t [Token],
        at: usize,
        end: usize,
    ) -> impl Iterator<Item = (usize, TitleClass)> + 't
    where
        'r: 't,
    {
        let last = end.min(at + self.names.max_title_words + 2);
        (at + 1..=last)
            .take_while(move |&e| self.admits(&tokens[e - 1]))
            .filter_map(move |e| Some((e, self.phrase_class(&tokens[at..e])?)))
    }

    /// The longest title phrase that starts at `at` and ends by `end`.
    pub fn longest(self, tokens: &[Token], at: usize, end: usize) -> Option<(usize, TitleClass)> {
        self.ends(tokens, at, end).last()
    }

    /// True when a phrase may hold the token.
    fn admits(self, token: &Token) -> bool {
        (!self.words_only || token.kind == TokenKind::Word)
            && !(self.lowercase && token.is_capitalized())
    }

    /// The class of a phrase whose tokens are admitted.
    fn phrase_class(self, words: &[Token]) -> Option<TitleClass> {
        let listed = title_class(&join_lower(words), self.names).filter(|c| {
            *c != TitleClass::Modifier && !(self.posts_only && *c == TitleClass::Honorific)
        });
        listed.or_else(|| {
            let head = words.last()?;
            (self.portfolio_posts && is_portfolio_post(words, self.names))
                .then(|| self.names.titles.get(head.lower.as_str()).copied())
                .flatten()
        })
    }
}

/// "agriculture secretary", "trade and industry minister", "finance director": a
/// post led by the name of its portfolio, one or two plain lowercase words (or two
/// joined by "and") that the titles file does not list.
fn is_portfolio_post(words: &[Token], names: &NameLexicon) -> bool {
    let Some((head, field)) = words.split_last() else {
        return false;
    };
    // A field word is no post itself ("president and chief executive" is two posts).
    let plain = |t: &Token| {
        t.kind == TokenKind::Word
            && !t.is_capitalized()
            && t.text.chars().all(char::is_alphabetic)
            && names
                .titles
                .get(t.lower.as_str())
                .is_none_or(|c| *c == TitleClass::Modifier)
            && !matches!(
                t.lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "and"
                    | "or"
                    | "of"
                    | "for"
                    | "to"
                    | "as"
                    | "in"
                    | "on"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "new"
                    | "was"
                    | "is"
                    | "be"
            )
    };
    let field_ok = match field {
        [one] => plain(one),
        [one, two] => plain(one) && plain(two),
        [one, and, two] => plain(one) && and.lower == "and" && plain(two),
        _ => false,
    };
    field_ok
        && matches!(
            names.titles.get(head.lower.as_str()),
            Some(TitleClass::Government | TitleClass::Business | TitleClass::Military)
        )
        && !head.is_capitalized()
}

/// True when a lowercase title (with modifiers) starts at `at` and a capitalised name follows
/// (perhaps after a comma).
pub(super) fn lowercase_title_after(tokens: &[Token], at: usize, names: &NameLexicon) -> bool {
    TitleLookup::new(names)
        .words()
        .lowercase()
        .ends(tokens, at, tokens.len())
        .any(|(e, _)| {
            // "Belarusian leader X", "his Brazilian counterpart, X".
            tokens.get(e).is_some_and(Token::is_capitalized)
                || tokens.get(e).is_some_and(|t| t.text == ",")
                    && tokens.get(e + 1).is_some_and(Token::is_capitalized)
        })
}

/// True when the connector at `k` belongs to a title ("Secretary of State X").
pub(super) fn inside_title(
    tokens: &[Token],
    start: usize,
    end: usize,
    k: usize,
    names: &NameLexicon,
) -> bool {
    let titles = TitleLookup::new(names);
    (start..k).any(|j| titles.longest(tokens, j, end).is_some_and(|(e, _)| e > k))
}

/// A lowercase title (with modifiers) right before a name: "former president X".
pub(super) fn lowercase_title_before(
    tokens: &[Token],
    start: usize,
    names: &NameLexicon,
) -> Option<Title> {
    let mut best = None;
    for len in 1..=names.max_title_words + 2 {
        let Some(from) = start.checked_sub(len) else {
            break;
        };
        let words = &tokens[from..start];
        if words.iter().any(|t| {
            t.kind != TokenKind::Word || t.is_capitalized() && !names.titles.contains_key(&t.lower)
        }) {
            break;
        }
        if let Some(class) = TitleLookup::new(names).class(words) {
            best = Some(Title {
                text: join(words),
                class,
                qualifier: None,
            });
        }
    }
    best
}

/// "Minister of Communications and Transport", "Secretary of State for Foreign
/// Affairs": a government title, "of" or "for", and capitalised portfolio words
/// (not a country: "Prime Minister of Italy" names the post's owner). Returns
/// where the portfolio ends: at the run's end or before a given name.
pub(super) fn portfolio_title_end(
    tokens: &[Token],
    start: usize,
    end: usize,
    names: &NameLexicon,
) -> Option<usize> {
    let (title_end, class) = TitleLookup::new(names).longest(tokens, start, end)?;
    let of = tokens.get(title_end)?;
    if class != TitleClass::Government
        || title_end + 1 >= end
        || !matches!(of.lower.as_str(), "of" | "for")
    {
        return None;
    }
    let field = &tokens[title_end + 1..end];
    let names_country = (1..=field.len()).any(|n| {
        names
            .gazetteer
            .get(&join(&field[..n]))
            .is_some_and(|g| g.entity_type != EntityType::Organization)
    }) || names.demonyms.contains_key(field[0].text.as_str());
    if names_country || field[0].lower == "the" {
        return None;
    }
    let portfolio_end = (title_end + 1..end)
        .find(|&k| k > title_end + 1 && names.given_names.contains(tokens[k].text.as_str()))
        .unwrap_or(end);
    Some(portfolio_end)
}

#[cfg(test)]
mod tests {
    use super::TitleLookup;
    use crate::mentions::tests::mentions;
    use crate::mentions::TitleClass;
    use crate::model::EntityType;
    use crate::text::{split_sentences, Token};

    fn tokens(text: &str) -> Vec<Token> {
        split_sentences(text, &crate::builtin_rules().text)
            .remove(0)
            .tokens
    }

    #[test]
    fn the_lookup_reads_modifiers_and_its_options_narrow_it() {
        let any = TitleLookup::new(&crate::builtin_rules().names);
        // Leading modifiers belong to the phrase; modifiers alone are none.
        let t = tokens("Former acting President Ana Lopes and former allies met.");
        assert_eq!(
            any.longest(&t, 0, t.len()),
            Some((3, TitleClass::HeadOfState))
        );
        assert_eq!(any.ends(&t, 0, t.len()).count(), 1);
        assert_eq!(any.longest(&t, 6, t.len()), None);
        // Lowercase: a phrase stops at a capitalised word.
        let t = tokens("the finance minister Ana Lopes said.");
        assert_eq!(
            any.longest(&t, 1, t.len()),
            Some((3, TitleClass::Government))
        );
        let t = tokens("the finance Minister Ana Lopes said.");
        assert_eq!(any.lowercase().longest(&t, 1, t.len()), None);
        // Posts: an honorific is no post.
        let t = tokens("Sir Ana Lopes, the minister, spoke.");
        assert_eq!(
            any.longest(&t, 0, t.len()),
            Some((1, TitleClass::Honorific))
        );
        assert_eq!(any.posts().longest(&t, 0, t.len()), None);
        assert_eq!(any.posts().class(&t[5..6]), Some(TitleClass::Government));
        // Portfolio posts: a post led by a field the titles file does not list.
        let t = tokens("the agriculture secretary met trade and industry ministers");
        assert_eq!(any.words().posts().longest(&t, 1, t.len()), None);
        let portfolio = any.words().posts().portfolio_posts(true);
        assert_eq!(
            portfolio.longest(&t, 1, t.len()),
            Some((3, TitleClass::Government))
        );
        assert_eq!(portfolio.class(&t[4..7]), None, "no title word at its head");
    }

    #[test]
    fn words_only_phrases_stop_at_punctuation() {
        let mut names = crate::builtin_rules().names.clone();
        names
            .titles
            .insert("chairman & ceo".into(), TitleClass::Business);
        let t = tokens("Chairman & CEO Ana Lopes spoke.");
        let any = TitleLookup::new(&names);
        assert_eq!(any.longest(&t, 0, t.len()), Some((3, TitleClass::Business)));
        assert_eq!(
            any.words().longest(&t, 0, t.len()),
            Some((1, TitleClass::Business))
        );
    }

    #[test]
    fn lowercase_titles_and_governments() {
        let found = mentions("The Polish government thanked former prime minister Jan Nowak.");
        assert_eq!(
            found[0],
            (
                "Government of Poland".into(),
                Some(EntityType::Organization),
                None
            )
        );
        assert_eq!(
            found[1],
            (
                "Jan Nowak".into(),
                Some(EntityType::Person),
                Some("former prime minister".into())
            )
        );
    }
}
