"""The terminal layout: word wrap with hanging indents, escape codes, colour decisions."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzconst.output.render import Line, Output, Span, decide_color, wrap_line


def rows(line: Line, width: int) -> list[str]:
    text = "".join(s.text for s in line.spans)
    return [" " * pad + text[a:b] for a, b, pad in wrap_line(line, width)]


def test_continuation_rows_hang_under_the_text() -> None:
    line = Line((Span("12) ", "label"), Span("word " * 30)), 2, 4)
    out = rows(line, 40)
    assert out[0].startswith("  12) word")
    assert all(r.startswith("      word") for r in out[1:])
    assert all(len(r) <= 40 for r in out)


def test_a_word_longer_than_a_row_is_cut() -> None:
    out = rows(Line.of("x" * 100), 30)
    assert [len(r) for r in out] == [30, 30, 30, 10]


def test_a_hang_that_leaves_no_room_is_reduced() -> None:
    out = rows(Line.of("a " * 40, hang=35), 40)
    assert all(len(r) <= 40 for r in out) and len(out) > 1


@given(
    st.text(alphabet=st.sampled_from("ab ст\u00a0"), max_size=300),
    st.integers(20, 120),
    st.integers(0, 8),
    st.integers(0, 12),
)
def test_wrap_keeps_every_word_and_the_width(text: str, width: int, indent: int, hang: int) -> None:
    line = Line((Span(text),), indent, hang)
    out = rows(line, width)
    assert all(len(r) <= max(width, indent + 1) for r in out)
    assert "".join(r.replace(" ", "") for r in out) == text.replace(" ", "")  # only spaces go


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_styles_are_written_as_escape_codes_and_reset() -> None:
    out = Output(stream=Tty(), pager=False)
    out.width = 80
    out.lines([Line((Span("Article 1", "heading"), Span(" text")))])
    assert out.stream.getvalue() == "\x1b[1;36mArticle 1\x1b[0m text\n"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("mode", "env", "terminal", "expected"),
    [
        ("auto", {}, True, (True, True)),
        ("auto", {}, False, (False, False)),
        ("auto", {"NO_COLOR": "1"}, True, (True, False)),
        ("auto", {"NO_COLOR": ""}, True, (True, True)),
        ("auto", {"FORCE_COLOR": "1"}, False, (True, True)),
        ("auto", {"FORCE_COLOR": "0"}, False, (False, False)),
        ("auto", {"CLICOLOR_FORCE": "1"}, False, (True, True)),
        ("always", {}, False, (True, True)),
        ("never", {"FORCE_COLOR": "1"}, True, (False, False)),
    ],
)
def test_decide_color(monkeypatch, mode, env, terminal, expected) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert decide_color(mode, terminal=terminal) == expected
