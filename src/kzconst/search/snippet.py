"""Snippets: a window of a highlighted row, cut at word boundaries, with the matches marked."""

from __future__ import annotations

MARK_OPEN, MARK_CLOSE = "\x01", "\x02"
SNIPPET_CHARS = 220


def make_snippet(
    marked: str, width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Cut a window of at most `width` characters around the first highlighted term, at word
    boundaries, with "…" where text was left out.

    Returns the snippet (newlines folded) and the (start, end) offsets of matched terms in it.
    """
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    open_at = -1
    for ch in marked.replace("\n", " "):
        if ch == MARK_OPEN:
            open_at = len(plain)
        elif ch == MARK_CLOSE:
            if open_at >= 0:
                spans.append((open_at, len(plain)))
            open_at = -1
        else:
            plain.append(ch)
    if open_at >= 0:
        spans.append((open_at, len(plain)))
    text = "".join(plain)
    start = 0
    first = spans[0][0] if spans else 0
    if first > width // 3:
        start = text.rfind(" ", 0, first - width // 4) + 1
    end = len(text)
    if end - start > width:
        end = start + width
        space = text.rfind(" ", start, end + 1)
        if space > start + width // 2:
            end = space
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = text[start:end].rstrip()
    shift = len(prefix) - start
    kept = tuple(
        (max(a, start) + shift, min(b, start + len(body)) + shift)
        for a, b in spans
        if a < start + len(body) and b > start
    )
    return prefix + body + suffix, kept
