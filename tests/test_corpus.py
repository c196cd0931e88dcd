"""The loader: strict validation with file, line and field; caching; corpus selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzconst.corpus.load import load_corpus, packaged_corpus_path, parse_toml
from kzconst.corpus.validate import validate
from kzconst.errors import CorpusError

MINIMAL = """\
[corpus]
version = "2026.01.01"

[[edition]]
id = "2026"
title = "Constitution of the Republic of Kazakhstan"
adopted = "2026-03-15"
in_force_from = "2026-07-01"
official_source = "https://adilet.zan.kz/rus/docs/K2600000000"

[[section]]
edition = "2026"
number = "I"
title = "Foundations"
first = "1"
last = "2"

[topics]
privacy = "Private life"

[[article]]
edition = "2026"
number = "1"
section = "I"
title = "First"
topics = ["privacy"]
sources = ["somewhere"]
xrefs = ["2(1)"]

[[article.paragraph]]
number = ""
text = "Text of the first article."

[[article.commentary]]
kind = "summary"
text = "What it does."
source = "https://example.org/1"

[[article]]
edition = "2026"
number = "2"
section = "I"
title = "Second"
sources = ["somewhere"]

[[article.paragraph]]
number = "1"
text = "First paragraph [a] with brackets."

[[article.commentary]]
kind = "summary"
text = "What it does."
source = "https://example.org/2"
"""


def write(tmp_path: Path, text: str, name: str = "corpus.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    _, problems = validate(parse_toml(path), path)
    return [str(p) for p in problems]


def test_minimal_corpus_is_valid(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    assert problems_of(path) == []
    corpus = load_corpus(path)
    assert [a.number for a in corpus.edition_articles("2026")] == ["1", "2"]
    assert corpus.article("2026", "2").paragraphs[0].text == "First paragraph [a] with brackets."


@pytest.mark.parametrize(
    ("old", "new", "line", "fragment"),
    [
        (
            'kind = "summary"\ntext = "What it does."\nsource = "https://example.org/2"',
            'kind = "summary"\ntext = "What it does."\nsource = "ftp://x"',
            53,
            "article[1] (2026 art. 2).commentary[0].source: 'ftp://x' is not an http(s) URL",
        ),
        ('topics = ["privacy"]', 'topics = ["secrets"]', 26, "not in the [topics] vocabulary"),
        ('xrefs = ["2(1)"]', 'xrefs = ["2(7)"]', 28, "article 2 has no paragraph 7"),
        ('number = "2"\nsection = "I"', 'number = "1"\nsection = "IX"', 41, "appears twice"),
        ('text = "First paragraph [a] with brackets."', 'text = ""', 46, "paragraph is empty"),
        (
            'section = "I"\ntitle = "Second"',
            'section = "IX"\ntitle = "Second"',
            42,
            "section 'IX' of 2026 is not defined",
        ),
        ('adopted = "2026-03-15"', 'adopted = "15 March 2026"', 7, "is not a date"),
    ],
)
def test_each_problem_names_file_line_and_field(
    tmp_path: Path, old: str, new: str, line: int, fragment: str
) -> None:
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new, 1))
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:{line}: ") and fragment in p for p in problems), problems


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    broken = MINIMAL.replace('topics = ["privacy"]', 'topics = ["nope"]').replace(
        "https://example.org/2", "nowhere"
    )
    assert len(problems_of(write(tmp_path, broken))) == 2


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "is empty"),
        ("[corpus\nversion = 1", ":1: invalid TOML"),
        (MINIMAL[: len(MINIMAL) // 2] + '\ntext = "unterminated', "invalid TOML"),
    ],
)
def test_unparsable_corpus_is_a_corpus_error(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(CorpusError, match=fragment.replace("[", r"\[")):
        load_corpus(write(tmp_path, text))


def test_missing_and_non_utf8_corpus(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "absent.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(MINIMAL.encode() + b"\n# caf\xe9\n")
    with pytest.raises(CorpusError, match="not valid UTF-8"):
        load_corpus(bad)


def test_a_changed_file_is_reloaded_not_served_from_cache(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    parse_toml(path)
    from kzconst.corpus import load as corpus_module

    corpus_module._loaded.clear()
    assert load_corpus(path).article("2026", "1").title == "First"
    corpus_module._loaded.clear()
    write(tmp_path, MINIMAL.replace('title = "First"', 'title = "Changed title"'))
    assert load_corpus(path).article("2026", "1").title == "Changed title"


def test_packaged_corpus_is_found() -> None:
    assert packaged_corpus_path().is_file()
