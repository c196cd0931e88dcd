"""The JSON and JSON Lines shapes are an API (version "kzconst": 1): this test guards them.

Changing a key set here is a breaking change for scripts: bump SCHEMA_VERSION with it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "docs" / "schema" / "kzconst.schema.json").read_text("utf-8")
)
KEY = {"kzconst", "type", "id", "eid", "ref", "edition", "article", "paragraph", "item"}
# Every command, with the variants that change a record's shape (1995, dated, sub-item, no
# commentary, several results).
CONTRACT = [
    ("show", "21"),
    ("show", "46(3)", "17", "preamble"),
    ("show", "18@1995", "--no-commentary"),
    ("show", "15@2010-01-01"),
    ("show", "84@1995"),
    ("toc",),
    ("toc", "--edition", "1995"),
    ("topics", "privacy"),
    ("topics",),
    ("info",),
    ("search", "privacy"),
    ("search", "Senate", "--edition", "1995"),
    ("compare", "21"),
    ("compare", "44@1995"),
    ("compare", "41@2010-01-01", "41@2023-01-01"),
    ("changes",),
    ("history", "41@1995"),
    ("refs", "-"),
]
STDIN = "As Article 21(1) of the Constitution says"


@pytest.mark.parametrize("args", CONTRACT, ids=" ".join)
def test_json_output_validates_against_the_schema(cli, args: tuple[str, ...]) -> None:
    """docs/schema/kzconst.schema.json is the contract: every command's output must match it."""
    r = cli(*args, "--format", "json", input=STDIN)
    assert r.code == 0, r.stderr
    doc = json.loads(r.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert doc["command"] == args[0]
    assert doc["results"]
    for record in doc["results"]:
        assert set(record) >= KEY, KEY - set(record)


def test_the_schema_rejects_what_it_should() -> None:
    """A schema that accepts anything tests nothing."""
    doc = {"kzconst": 1, "command": "changes", "results": [{"kzconst": 1, "type": "change"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("args", CONTRACT, ids=" ".join)
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
    jsonschema.validate(problem, SCHEMA["$defs"]["problem"])
    assert problem["line"] == 26
