"""Output: the only module that imports rich. One layout of styled lines, several backends.

Commands build `Line`s (text plus a style name); `Output` lays them out on a terminal (wrapped
with hanging indents at a readable width, styled with ANSI SGR codes written directly, paged when
longer than the screen) or writes them as plain UTF-8 when piped or with --plain. Corpus text is
never parsed as markup, so brackets such as `[a]` survive. Rich draws only the side-by-side
table of `compare`. JSON goes through `emit_json`.
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

_ATTRIBUTES = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "underline": "4",
    "reverse": "7",
    "strike": "9",
}
_COLOURS = {"red": "31", "green": "32", "yellow": "33", "magenta": "35", "cyan": "36"}
RESET = "\x1b[0m"
# Prose longer than this is hard to read whatever the terminal's width.
READABLE_WIDTH = 100


class Span(NamedTuple):
    """A run of text with a style name from STYLES ("" = plain)."""

    text: str
    style: str = ""


class Line(NamedTuple):
    """One output line made of spans; `indent` spaces are added in front. On a terminal a long
    line wraps, its continuation rows indented by `indent + hang` (a hanging indent that keeps a
    label such as `1. ` or `3) ` clear of the text)."""

    spans: tuple[Span, ...]
    indent: int = 0
    hang: int = 0

    @classmethod
    def of(cls, text: str, style: str = "", indent: int = 0, hang: int = 0) -> Line:
        return cls((Span(text, style),), indent, hang)

    @property
    def plain(self) -> str:
        return " " * self.indent + "".join(s.text for s in self.spans)


BLANK = Line(())


class Columns(NamedTuple):
    """Two texts side by side under two headers (drawn as a table on a terminal)."""

    headers: tuple[str, str]
    left: list[Line]
    right: list[Line]


def _flag_set(name: str) -> bool:
    """An environment flag is on when present, not empty and not `0` (FORCE_COLOR=0 is off)."""
    value = os.environ.get(name, "")
    return value not in ("", "0", "false")


def decide_color(mode: str, *, terminal: bool) -> tuple[bool, bool]:
    """(escape codes at all, colours among them) for `--color MODE` and the environment.

    `never` writes no escape codes; `always`, FORCE_COLOR or CLICOLOR_FORCE write them even into
    a pipe (`| less -R`); `auto` writes them on a terminal only. NO_COLOR (present and not empty,
    https://no-color.org) removes colour but keeps bold, underline, strike and reverse, which
    carry meaning (a diff, a search hit); an explicit `--color always` wins over it.
    """
    if mode == "never":
        return False, False
    if mode == "always":
        return True, True
    no_color = bool(os.environ.get("NO_COLOR"))
    if _flag_set("FORCE_COLOR") or _flag_set("CLICOLOR_FORCE"):
        return True, not no_color
    return terminal, terminal and not no_color


class Output:
    """Where results go: laid out and styled on a terminal, plain text otherwise."""

    def __init__(
        self,
        *,
        plain: bool = False,
        color: str = "auto",
        pager: bool = True,
        stream: IO[str] | None = None,
    ) -> None:
        self.stream = stream if stream is not None else sys.stdout
        terminal = _is_terminal(self.stream)
        # `rich`: the terminal layout (wrapped, tables); plain text otherwise.
        self.rich = not plain and terminal
        self.ansi, self.color = decide_color("never" if plain else color, terminal=terminal)
        # The pager writes to our own stdout, so only output bound there is paged.
        # ... and only when someone can answer it: with stdin not a terminal (a script, a CI
        # harness), `less` would wait for keys nobody types.
        self.page = pager and terminal and self.stream is sys.stdout and _stdin_is_terminal()
        self.width = _columns(self.stream) if self.rich else 0
        self._codes: dict[str, str] = {}

    def lines(self, lines: Iterable[Line]) -> None:
        self.emit([list(lines)])

    def emit(self, parts: Sequence[list[Line] | Columns]) -> None:
        """Render every part to one string, then write it once (or through the pager)."""
        chunks: list[str] = []
        for part in parts:
            if isinstance(part, Columns):
                chunks.append(self._columns(part))
            else:
                chunks.append(self._render(part))
        text = "".join(chunks)
        if self.page and text:
            from kzconst.output.pager import page

            if page(text, self.stream):
                return
        _write_all(self.stream, text)

    def style(self, name: str) -> str:
        """The Rich style of a style name: without colours when colour is off."""
        style = STYLES.get(name, "")
        if self.color:
            return style
        return " ".join(word for word in style.split() if word in _ATTRIBUTES)

    def text(self, text: str) -> None:
        """Write text as is (citations, JSON lines): never styled, control characters escaped."""
        text = safe_text(text, keep="\t\n")
        self.stream.write(text if text.endswith("\n") else text + "\n")

    def _sgr(self, name: str) -> str:
        code = self._codes.get(name)
        if code is None:
            words = self.style(name).split()
            nums = [_ATTRIBUTES.get(w) or _COLOURS.get(w, "") for w in words]
            code = "\x1b[" + ";".join(n for n in nums if n) + "m" if any(nums) else ""
            self._codes[name] = code
        return code

    def _render(self, lines: list[Line]) -> str:
        width = min(self.width, READABLE_WIDTH) if self.rich else 0
        out: list[str] = []
        write = out.append
        for line in lines:
            # Corpus text is untrusted: control characters are escaped visibly, never obeyed.
            spans = tuple(Span(safe_text(s.text, keep="\t"), s.style) for s in line.spans)
            line = line._replace(spans=spans)  # noqa: PLW2901
            text = spans[0].text if len(spans) == 1 else "".join(s.text for s in spans)
            if not width or line.indent + len(text) <= width:  # the common case: one row
                write(" " * line.indent + (self._whole(spans) if self.ansi else text) + "\n")
                continue
            for start, end, pad in wrap_line(line, width):
                write(" " * pad + self._styled(spans, start, end) + "\n")
        return "".join(out)

    def _whole(self, spans: tuple[Span, ...]) -> str:
        """All of a line's spans with their escape codes."""
        out = []
        for span in spans:
            code = self._sgr(span.style)
            out.append(code + span.text + RESET if code and span.text else span.text)
        return "".join(out)

    def _styled(self, spans: tuple[Span, ...], start: int, end: int) -> str:
        """The characters [start, end) of the spans' joined text, with escape codes if any."""
        pieces: list[str] = []
        span_start = 0
        for span in spans:
            span_end = span_start + len(span.text)
            lo, hi = max(start, span_start), min(end, span_end)
            if lo < hi:
                piece = span.text[lo - span_start : hi - span_start]
                code = self._sgr(span.style) if self.ansi else ""
                pieces.append(code + piece + RESET if code else piece)
            span_start = span_end
        return "".join(pieces)

    def _columns(self, part: Columns) -> str:
        import io

        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(show_header=True, expand=True, show_lines=False)
        for header in part.headers:
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
                        style=self.style(span.style) if self.ansi else "",
                    )
            return out

        table.add_row(cell(part.left), cell(part.right))
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=self.width or 100,
            force_terminal=self.ansi,
            color_system="standard" if self.ansi else None,
            no_color=not self.color,
            highlight=False,
            markup=False,
            emoji=False,
        )
        console.print(table)
        return buffer.getvalue()


def _plain(line: Line) -> str:
    return "".join(s.text for s in line.spans)


def wrap_line(line: Line, width: int) -> list[tuple[int, int, int]]:
    """Greedy word wrap of a line: rows as (start, end, indent) over the spans' joined text.

    The first row is indented by `line.indent`, the rest by `line.indent + line.hang` (less
    when that would leave under 20 columns); a word longer than a row is cut. Only the spaces
    at a break are dropped.
    """
    text = _plain(line)
    size = len(text)
    pad = line.indent
    rest = line.indent + line.hang
    if width - rest < 20:
        rest = min(pad, max(width - 20, 0))
    rows: list[tuple[int, int, int]] = []
    start = 0
    while start < size:
        room = max(width - pad, 1)
        if size - start <= room:
            rows.append((start, size, pad))
            break
        cut = text.rfind(" ", start, start + room + 1)
        if cut <= start:  # no space in reach: cut the word
            cut = start + room
            rows.append((start, cut, pad))
        else:
            end = cut
            while end > start and text[end - 1] == " ":
                end -= 1
            rows.append((start, end, pad))
        while cut < size and text[cut] == " ":
            cut += 1
        start, pad = cut, rest
    return rows or [(0, size, line.indent)]


def _columns(stream: IO[str]) -> int:
    """The terminal's width; COLUMNS wins, as shells and `shutil` agree."""
    import shutil

    if os.environ.get("COLUMNS", "").isdigit():
        return max(int(os.environ["COLUMNS"]), 20)
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return shutil.get_terminal_size().columns


def _write_all(stream: IO[str], text: str) -> None:
    """Write all of `text` or raise: a partial write (a file-size limit, a full disk) that
    buffered I/O can lose silently is retried with os.write until it fails loudly."""
    try:
        fd = stream.fileno()
    except (AttributeError, ValueError, OSError):  # not a file (a test's StringIO)
        stream.write(text)
        return
    stream.flush()
    encoding = getattr(stream, "encoding", None) or "utf-8"
    data = memoryview(text.encode(encoding, getattr(stream, "errors", None) or "strict"))
    while data:
        data = data[os.write(fd, data) :]


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


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
