"""The JSON and JSON Lines shapes are an API (version "kzconst": 1): this test guards them.

Changing a key set here is a breaking change for scripts: bump SCHEMA_VERSION with it.
"""

from __future__ import annotations

import json

import pytest

KEY = {"kzconst", "id", "eid", "ref", "edition", "article", "paragraph", "item"}
PROVISION = KEY | {
    "type",
    "section",
    "title",
    "title_editorial",
    "status",
    "status_note",
    "in_force",
    "paragraphs",
    "topics",
    "xrefs",
    "concordance",
    "sources",
    "official_source",
    "commentary",
}
CONTRACT = {
    ("show", "21"): PROVISION,
    ("toc",): KEY | {"type", "section", "title", "title_editorial", "status"},
    ("topics", "privacy"): {"kzconst", "type", "topic", "description", "edition", "articles"},
    ("info",): {
        "kzconst",
        "type",
        "corpus_version",
        "corpus_path",
        "translation_note",
        "editions",
        "timeline",
    },
    ("search", "privacy"): KEY
    | {"type", "rank", "total", "score", "title", "section", "best_ref", "matches"},
    ("compare", "21"): {"kzconst", "type", "left", "right", "similarity", "diff"},
    ("changes",): KEY | {"type", "section", "title", "status", "counterparts", "note"},
    ("refs", "-"): {
        "kzconst",
        "type",
        "line",
        "column",
        "text",
        "ref",
        "edition",
        "exists",
        "message",
        "id",
        "predecessors_1995",
    },
}
STDIN = "As Article 21(1) of the Constitution says"


@pytest.mark.parametrize("args", list(CONTRACT))
def test_json_document_shape(cli, args: tuple[str, ...]) -> None:
    r = cli(*args, "--format", "json", input=STDIN)
    assert r.code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert set(doc) == {"kzconst", "command", "results"}
    assert doc["kzconst"] == 1
    assert doc["command"] == args[0]
    assert doc["results"]
    for record in doc["results"]:
        assert set(record) == CONTRACT[args], set(record) ^ CONTRACT[args]
        assert record["kzconst"] == 1


@pytest.mark.parametrize("args", list(CONTRACT))
def test_jsonl_is_one_record_per_line_same_as_json(cli, args: tuple[str, ...]) -> None:
    lines = cli(*args, "--format", "jsonl", input=STDIN).stdout.splitlines()
    doc = json.loads(cli(*args, "--format", "json", input=STDIN).stdout)
    assert [json.loads(line) for line in lines] == doc["results"]


def test_show_record_details(cli) -> None:
    [rec] = json.loads(cli("show", "46(3)", "-f", "json").stdout)["results"]
    assert rec["id"] == "2026/art_46__point_3"
    assert rec["ref"] == "46(3)" and rec["item"] == "3" and rec["paragraph"] is None
    assert rec["section"] == {"number": "III", "title": "The President"}
    [para] = rec["paragraphs"]
    assert [i["number"] for i in para["items"]] == ["3"]
    assert rec["concordance"]["relation"] == "predecessors"


def test_every_command_builds_the_same_identifiers(cli) -> None:
    """One identifier scheme: the preamble is `preamble`, not `art_preamble`, everywhere."""
    hit = json.loads(cli("search", "Great Steppe", "-f", "jsonl").stdout.splitlines()[0])
    toc = json.loads(cli("toc", "-f", "jsonl").stdout.splitlines()[0])
    shown = json.loads(cli("show", "preamble", "-f", "jsonl").stdout)
    assert hit["id"] == toc["id"] == shown["id"] == "2026/preamble"


def test_non_ascii_is_kept(cli) -> None:
    out = cli("search", "Құрылтай", "-f", "jsonl", "--limit", "1").stdout
    assert "\\u" not in out


def test_check_json_lists_problems(cli, tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    from test_corpus import MINIMAL

    bad.write_text(MINIMAL.replace('topics = ["privacy"]', 'topics = ["x"]'), encoding="utf-8")
    r = cli("check", str(bad), "-f", "json")
    assert r.code == 3
    [problem] = json.loads(r.stdout)["results"]
    assert set(problem) == {"kzconst", "file", "line", "field", "message"}
    assert problem["line"] == 26
