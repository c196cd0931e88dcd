"""Output: the only module that imports rich. One layout of styled lines, several backends.

Commands build `Line`s (text plus a style name); `Output` writes them as Rich text on a terminal
or as plain UTF-8 when piped or with --plain. Corpus text is wrapped in `rich.text.Text`, never
parsed as markup, so brackets such as `[a]` survive. JSON goes through `emit_json`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any, NamedTuple

STYLES = {
    "heading": "bold cyan",
    "section": "cyan",
    "title": "bold",
    "editorial": "dim italic",
    "label": "bold",
    "text": "",
    "excluded": "dim strike",
    "commentary-head": "bold magenta",
    "commentary": "magenta",
    "meta": "dim",
    "hit": "bold yellow reverse",
    "ref": "bold green",
    "insert": "bold green underline",
    "delete": "bold red strike",
    "warn": "yellow",
}


LONG_LINE = 20_000  # characters; longer lines skip Rich's layout (see Output._rich_lines)


class Span(NamedTuple):
    """A run of text with a style name from STYLES ("" = plain)."""

    text: str
    style: str = ""


class Line(NamedTuple):
    """One output line made of spans; `indent` spaces are added in front."""

    spans: tuple[Span, ...]
    indent: int = 0

    @classmethod
    def of(cls, text: str, style: str = "", indent: int = 0) -> Line:
        return cls((Span(text, style),), indent)

    @property
    def plain(self) -> str:
        return " " * self.indent + "".join(s.text for s in self.spans)


BLANK = Line(())


class Output:
    """Where results go: rich on a terminal, plain text otherwise."""

    def __init__(
        self, *, plain: bool = False, color: bool = True, stream: IO[str] | None = None
    ) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.rich = not plain and _is_terminal(self.stream)
        self.color = color and "NO_COLOR" not in os.environ
        self._console: Any = None

    def lines(self, lines: Iterable[Line]) -> None:
        if self.rich:
            self._rich_lines(lines)
            return
        write = self.stream.write
        for line in lines:
            write(safe_text(line.plain, keep="\t") + "\n")

    def columns(self, headers: tuple[str, str], left: list[Line], right: list[Line]) -> None:
        """Two texts side by side (terminal only; callers use `lines` when not `rich`)."""
        from rich.table import Table
        from rich.text import Text

        table = Table(show_header=True, expand=True, show_lines=False)
        for header in headers:
            table.add_column(header, ratio=1)

        def cell(lines: list[Line]) -> Text:
            out = Text()
            for i, line in enumerate(lines):
                if i:
                    out.append("\n")
                out.append(" " * line.indent)
                for span in line.spans:
                    out.append(
                        safe_text(span.text, keep="\t"),
                        style=STYLES.get(span.style, "") if self.color else "",
                    )
            return out

        table.add_row(cell(left), cell(right))
        self._rich_console().print(table)

    def text(self, text: str) -> None:
        """Write text as is (citations, JSON lines): never styled."""
        text = safe_text(text, keep="\t\n")
        self.stream.write(text if text.endswith("\n") else text + "\n")

    def _rich_console(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(
                file=self.stream,
                highlight=False,
                markup=False,
                emoji=False,
                no_color=not self.color,
                soft_wrap=False,
            )
        return self._console

    def _rich_lines(self, lines: Iterable[Line]) -> None:
        from rich.text import Text

        console = self._rich_console()
        for line in lines:
            if sum(len(span.text) for span in line.spans) > LONG_LINE:
                # Rich's wrapping is quadratic in a line's length (2 MB: minutes); a line this
                # long goes out plain and the terminal wraps it.
                self.stream.write(safe_text(line.plain, keep="\t") + "\n")
                continue
            out = Text(" " * line.indent)
            for span in line.spans:
                out.append(
                    safe_text(span.text, keep="\t"),
                    style=STYLES.get(span.style, "") if self.color else "",
                )
            console.print(out)


def _is_terminal(stream: IO[str]) -> bool:
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def emit_json(stream: IO[str], payload: Any, *, lines: bool = False) -> None:
    """JSON (pretty, one document) or JSON Lines (one record a line); non-ASCII kept as is."""
    import json

    if lines:
        records: Sequence[Any] = payload if isinstance(payload, list) else [payload]
        for record in records:
            stream.write(json_safe(json.dumps(record, ensure_ascii=False)) + "\n")
    else:
        stream.write(json_safe(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")


def highlight_spans(text: str, marks: Sequence[tuple[int, int]], style: str = "hit") -> list[Span]:
    """Split `text` into spans with the `[start, end)` ranges in `marks` styled."""
    spans: list[Span] = []
    pos = 0
    for start, end in sorted(marks):
        if start < pos:
            continue
        if start > pos:
            spans.append(Span(text[pos:start]))
        spans.append(Span(text[start:end], style))
        pos = end
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return spans


# --- untrusted text: control characters made visible, never obeyed ------------------------------

_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROLS = (*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *_BIDI, 0xFEFF)
_ESCAPES = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _CONTROLS}
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in _CONTROLS if c >= 0x7F}
_tables: dict[str, dict[int, str]] = {}


def safe_text(text: str, keep: str = "") -> str:
    """`text` with every control character (C0, DEL, C1, ESC sequences, bidi overrides and
    isolates, line separators, BOM) written out visibly as `\\xNN` / `\\uNNNN`, except those
    in `keep` (tab, newline). Linear in the length of `text`."""
    table = _tables.get(keep)
    if table is None:
        table = _tables[keep] = {c: e for c, e in _ESCAPES.items() if chr(c) not in keep}
    return text.translate(table)


def json_safe(document: str) -> str:
    """A JSON document with raw C1, bidi and separator characters written as \\uNNNN: the
    same data, nothing a terminal obeys (json.dumps already escapes C0)."""
    return document.translate(_JSON_ESCAPES)
