"""The user's search text -> concepts to rank by and a safe SQLite FTS5 expression: words,
"phrases", prefix*, AND/OR/NOT, parentheses; question words dropped, hyphenated words kept, names
grouped, lay words expanded (thesaurus), Cyrillic translated (glossary); every word reaches FTS5
quoted, so no input can inject FTS syntax."""

from __future__ import annotations

import re
from collections.abc import Callable

from kzconst.errors import UsageError
from kzconst.search.boolean import OPERATORS, boolean, excluded_operands, positive, word_run
from kzconst.search.intent import asked_about, read_intents, spelt_number
from kzconst.search.translate import (
    CYRILLIC_STOPWORDS,
    find_reference,
    glossary_match,
    has_cyrillic,
    strip_reference,
)
from kzconst.search.words import (
    derived,
    key_of,
    normal_name,
    operand,
    quote,
    split_words,
)

MAX_QUERY_LENGTH = 10_000
MAX_TERMS = 64
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<lp>\()|(?P<rp>\))|(?P<word>[^\s()"]+)')
# Words of questions and filler: dropped from unquoted text when other words are left over.
STOPWORDS = frozenset(
    """a about after all also am an and any are as at be been before being both but by can
    could did do does doing done during each either for from get gets getting go goes had has
    have having he her here him his how i if in into is it its itself let may me might more
    most must my neither no nor not of off on once only or other our out over own per shall she
    should so some such take takes taken taking than that the their them then there these they
    this those through to too under until up upon us very was we were what whatever when where
    whether which while who whom whose why will with within without would you your yours
    many much long old happen happens happened away come comes became become
    someone somebody anyone anybody everyone person people's ever new get
    another else kazakhstan republic article articles section something anything nothing everything
    thing things stuff really actually just still even already sit sits because due whole
    entire need needs needed allowed able possible okay""".split()
)
# Plain classes, not dataclasses: `search` is held to a start-up budget (see bench/).


class Concept:
    """One thing the user asked about: their word(s) and what else counts as it.

    `own` and `expansions` are FTS5 operands ("quoted" words or phrases, or a "prefix"*); the
    user's own words and equal spellings of a name are `own`; thesaurus words `expansions`,
    weighted below. `names` are normalised names (see `normal_name`) for the defining signal;
    `single` marks one plain word, which may join its neighbours in a proximity bonus.
    """

    __slots__ = ("expansions", "label", "names", "own", "single", "soft")

    def __init__(
        self,
        label: str,
        own: tuple[str, ...],
        expansions: tuple[str, ...] = (),
        names: tuple[str, ...] = (),
        single: bool = False,
    ) -> None:
        self.label, self.own, self.expansions = label, own, expansions
        self.names, self.single = names, single
        self.soft = False  # a number: it raises the articles that have it, requires nothing


# A name, spelling or thesaurus key, by its stemmed words: (own operands, thesaurus words,
# normalised names, alias spellings).
Entry = tuple[list[str], list[str], list[str], list[str]]


class Vocabulary:
    """How the parser reaches the corpus vocabulary: `lookup(key)` gives the Entry of a stemmed
    word sequence ("stem stem") or None; `glossary()` the Cyrillic glossary, read on demand."""

    __slots__ = ("glossary", "lookup")

    def __init__(
        self,
        lookup: Callable[[str], Entry | None] | None = None,
        glossary: Callable[[], dict[str, tuple[str, ...]]] | None = None,
    ) -> None:
        self.lookup = lookup or (lambda key: None)
        self.glossary = glossary or dict


class Query:
    """A parsed query.

    `fts` filters rows when the user wrote operators (AND / OR / NOT, parentheses); it is ""
    otherwise and the concepts alone decide. `whole` are the normalised names the whole query
    spells (for the defining-article signal).
    """

    def __init__(self, reference: str | None = None) -> None:
        self.fts = ""
        self.concepts: list[Concept] = []
        self.terms: list[str] = []
        self.phrases: list[str] = []
        self.prefixes: list[str] = []
        self.whole: tuple[str, ...] = ()
        self.phrase = ""  # the query's content words as typed, with the fillers between
        self.reference = reference
        self.translated: list[str] = []
        self.untranslated: list[str] = []
        self.intents: tuple[str, ...] = ()  # what kind of answer a question asks for
        self.excluded: tuple[str, ...] = ()  # FTS5 operands under a NOT
        self.about = ""  # what a "who appoints X" question names: X


def parse_query(text: str, vocab: Vocabulary | None = None) -> Query:
    """Parse user input into a Query.

    Raises:
        UsageError: empty input, only operators, or longer than MAX_QUERY_LENGTH.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError(f"query too long ({len(text)} characters; at most {MAX_QUERY_LENGTH})")
    if not text.strip():
        raise UsageError("empty query: give words to search for, e.g. kzconst search privacy")
    vocab = vocab or Vocabulary()
    query = Query(reference=find_reference(text))
    if query.reference is not None:
        text = strip_reference(text)
    text, query.intents = read_intents(text)
    query.about = asked_about(text) if "agent" in query.intents else ""
    tokens = _tokens(text, query)
    if len(query.terms) > MAX_TERMS:
        raise UsageError(f"too many search terms (at most {MAX_TERMS})")
    if not any(k != "op" for k, _ in tokens):
        if query.reference is not None:
            return query
        raise UsageError("the query has no words to search for (only operators or punctuation)")
    if any(k == "op" for k, _ in tokens):
        query.fts = boolean(tokens, vocab)
        tokens, negated = positive(tokens)
        query.excluded = excluded_operands(negated, vocab)
    query.concepts = _concepts(tokens, vocab, query)
    if not query.fts and not query.concepts and not query.untranslated:
        raise UsageError("the query has no words to search for (only operators or punctuation)")
    content = [w for c in query.concepts for w in c.label.split()]
    whole = {normal_name(" ".join(content))}
    if len(query.concepts) == 1:
        whole.update(query.concepts[0].names)
    query.whole = tuple(sorted(whole - {""}))
    plain = [v for k, v in tokens if k == "word"]
    if len(plain) == len(tokens) and content:  # the words the user wrote, fillers between
        first = plain.index(content[0]) if content[0] in plain else 0
        last = len(plain) - plain[::-1].index(content[-1]) if content[-1] in plain else 0
        query.phrase = " ".join(plain[first:last])
    return query


def _tokens(text: str, query: Query) -> list[tuple[str, str]]:
    """("word", w) | ("phrase", "w w") | ("prefix", w) | ("op", AND / OR / NOT / ( / ))."""
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(text):
        if m.group("lp") is not None:
            out.append(("op", "("))
        elif m.group("rp") is not None:
            out.append(("op", ")"))
        elif m.group("phrase") is not None:
            words = split_words(m.group("phrase"))
            if words:
                out.append(("phrase", " ".join(words)))
                query.phrases.append(" ".join(words))
                query.terms.extend(words)
        else:
            word = m.group("word")
            if word in OPERATORS:
                out.append(("op", word))
                continue
            words = split_words(word)
            if word.endswith("*") and len(words) == 1:
                out.append(("prefix", words[0]))
                query.prefixes.append(words[0])
            else:
                out.extend(("word", w) for w in words)
            query.terms.extend(words)
    return out


# --- concepts ----------------------------------------------------------------------------------


def _concepts(tokens: list[tuple[str, str]], vocab: Vocabulary, query: Query) -> list[Concept]:
    """Group the operands into concepts: known names and thesaurus keys (the longest run of
    words first), glossary translations of Cyrillic words, then single words."""
    out: list[Concept] = []
    fillers: list[Concept] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "prefix":
            out.append(Concept(value + "*", (quote([value]) + "*",)))
            i += 1
            continue
        if kind == "phrase":
            own, exp, names, _ = vocab.lookup(key_of(value.split())) or ([], [], [], [])
            out.append(_concept(value, {value, *own}, set(exp), {normal_name(value), *names}))
            i += 1
            continue
        run = [v for _, v in word_run(tokens, i)]
        used, concept = _match_names(run, vocab)
        if concept is None and has_cyrillic(value):
            used, concept = _match_glossary(run, vocab)
            if concept is not None:
                query.translated.extend(run[:used])
            elif value not in CYRILLIC_STOPWORDS:
                query.untranslated.append(value)
            i += used
            out.extend([concept] if concept is not None else [])
            continue
        if concept is None:
            base = re.sub(r"['’]s$", "", value)  # deputy's: also "deputy" (the text: deputies)
            # A number as the law spells it; in digits the text has only references (Article 50).
            spellings = spelt_number(value) or {value, base, *derived(base)}
            concept = _concept(
                value, spellings, set(), {normal_name(value)}, single="-" not in value
            )
            concept.soft = bool(spelt_number(value))
            (fillers if value in STOPWORDS else out).append(concept)
        else:
            out.append(concept)
        i += used
    return out or ([] if query.untranslated else fillers)


def _concept(
    label: str, own: set[str], exp: set[str], names: set[str], single: bool = False
) -> Concept:
    own_ops = sorted({operand(s) for s in own})
    exp_ops = sorted({operand(s) for s in exp} - set(own_ops))
    return Concept(label, tuple(own_ops), tuple(exp_ops), tuple(sorted(names - {""})), single)


def _match_names(run: list[str], vocab: Vocabulary) -> tuple[int, Concept | None]:
    """The longest run of words from the start of `run` that is a known name or thesaurus key;
    then the longest run of its content words, fillers skipped ("lose my citizenship" is the
    key "lose citizenship"), when it starts on a content word; then its first word alone (so
    "dismiss the whole government" is the key "dismiss government", not "dismiss")."""
    for j in range(min(len(run), 6), 1, -1):
        entry = vocab.lookup(key_of(run[:j]))
        if entry is not None:
            return j, _entry_concept(run[:j], entry)
    if run and run[0] not in STOPWORDS:
        content = [i for i, w in enumerate(run[:8]) if w not in STOPWORDS]
        for j in range(min(len(content), 4), 1, -1):
            if content[j - 1] == j - 1:
                break  # no filler among them: tried above
            words = [run[i] for i in content[:j]]
            entry = vocab.lookup(key_of(words))
            if entry is not None:
                return content[j - 1] + 1, _entry_concept(words, entry)
    entry = vocab.lookup(key_of(run[:1])) if run else None
    return 1, (_entry_concept(run[:1], entry) if entry is not None else None)


def _entry_concept(words: list[str], entry: Entry) -> Concept:
    label = " ".join(words)
    own, exp, names, _ = entry
    return _concept(label, {label, *own}, set(exp), {normal_name(label), *names})


def _match_glossary(run: list[str], vocab: Vocabulary) -> tuple[int, Concept | None]:
    """The glossary translation of the Cyrillic words at the start of `run`, as one concept."""
    glossary = vocab.glossary()
    found = glossary_match(run, glossary)
    if found is None:
        return 1, None
    used, key = found
    english = set(glossary[key])
    own, names = set(english), {normal_name(e) for e in english}
    for term in english:  # a translation that is a name brings its spellings
        entry = vocab.lookup(key_of(split_words(term)))
        if entry is not None and entry[3]:
            own.update(entry[3])
            names.update(entry[2])
    return used, _concept(" ".join(run[:used]), own, set(), names)
