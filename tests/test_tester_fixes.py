"""Defects an adversarial tester found: each test states the convention or design it holds to."""

from __future__ import annotations

import re

import pytest

# --- topics: a topic is named by its words, not by one spelling of its id ----------------------


@pytest.mark.parametrize("name", ["privacy", "Privacy", "PRIVACY", " privacy "])
def test_topic_names_are_case_insensitive(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("topics", name, "-f", "refs")
    assert r.code == 0, r.stderr
    assert r.stdout.split() == cli("topics", "privacy", "-f", "refs").stdout.split()


@pytest.mark.parametrize("name", ["rule of law", "Rule of Law", "rule_of_law", "RULE-OF-LAW"])
def test_topic_words_may_be_spaced(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("topics", name)
    assert r.code == 0, r.stderr
    assert r.stdout.startswith("rule-of-law ")


def test_topic_counts_agree_in_number(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("topics").stdout + cli("topics", "-f", "md").stdout
    assert not re.search(r"\b1 articles", out)
    assert "[1 article]" in out  # the capital: one article (2026 art. 2)
    assert "(1 article)" in out
