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
    first = _densest(text, spans, width) if spans else 0
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


def _densest(text: str, spans: list[tuple[int, int]], width: int) -> int:
    """Where the window should lead from: the match that opens the run of matches with the
    most different words within three quarters of `width` (then the most matches, then the
    earliest), so "appoints the Prime Minister" is shown rather than an earlier lone "Prime
    Minister". One pass over the matches (they are in order)."""
    from collections import Counter

    reach = width * 3 // 4
    words = [text[a:b].lower() for a, b in spans]
    inside: Counter[str] = Counter()
    best, best_key, end = spans[0][0], (0, 0), 0
    for i, (a, _) in enumerate(spans):
        while end < len(spans) and spans[end][1] <= a + reach:
            inside[words[end]] += 1
            end += 1
        key = (len(inside), end - i)
        if key > best_key:
            best, best_key = a, key
        if end > i:
            inside[words[i]] -= 1
            if not inside[words[i]]:
                del inside[words[i]]
        else:
            end = i + 1
    return best
