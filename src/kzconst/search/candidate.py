"""A candidate article while ranking: the concepts it has, its softer signals, its rows."""

from __future__ import annotations

from kzconst.search.query import Concept
from kzconst.search.result import RowScore

EXPANSION_WEIGHT = 0.5  # a thesaurus word counts for half the user's own word
PARAGRAPH_WEIGHT = 0.3  # the best-matching paragraph, on top of the whole article
DEFINING_FACTOR = 2.0  # each defining point (see _Ranker.defining) adds twice the score
TOGETHER = 0.25  # one paragraph has every concept the article has (67(2), not 56's items)


class Candidate:
    """What is known of one candidate article while ranking."""

    __slots__ = ("concepts", "defines", "extra", "paragraph", "rows", "together", "weight")

    def __init__(self) -> None:
        self.concepts: dict[int, float] = {}  # concept -> best field score
        self.extra = 0.0  # topic vocabulary and proximity
        self.defines = 0.0
        self.weight = 1.0
        self.rows: dict[int, RowScore] = {}  # the rows that match, shown as hits
        self.paragraph = 0.0  # the best text row's score
        self.together = 0  # the most concepts one text row has

    def score(self) -> float:
        base = sum(self.concepts.values()) + self.extra + PARAGRAPH_WEIGHT * self.paragraph
        return base * self.weight

    def key(self, doc: int) -> tuple[int, float, int]:
        """Coordination level first; within it the score, raised by the defining points (an
        article that defines what the query names wins unless another scores far better: a
        list of powers naming it in passing (46(2) "may dissolve the Kurultai", 0.25 points)
        does not beat the article on the dissolution of the Kurultai at twice its score)."""
        return (-len(self.concepts), -self.ranked(), doc)

    def ranked(self) -> float:
        """The score the order uses (and the one shown): raised by the defining points, and a
        little when one paragraph says it all rather than a list of powers in several items."""
        together = len(self.concepts) > 1 and self.together >= len(self.concepts)
        raised = 1 + DEFINING_FACTOR * self.defines
        return self.score() * raised * (1 + TOGETHER * together)


def weighted(concept: Concept) -> list[tuple[str, float]]:
    """A concept's first words and thesaurus words with their weights."""
    own = [(o, 1.0) for o in concept.own[:2]]
    return own + [(e, EXPANSION_WEIGHT) for e in concept.expansions[:2]]
