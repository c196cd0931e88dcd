"""Options anywhere, batch input, formats each command honours, help that teaches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzconst.cli.main import main
from kzconst.cli.options import hoist_shared_options

CORPUS = str(Path(__file__).resolve().parent.parent / "data" / "articles.toml")


# --- shared options before or after the command ----------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (["--corpus", CORPUS, "show", "1"], ["show", "1", "--corpus", CORPUS]),
        (["--edition", "1995", "show", "18"], ["show", "18", "--edition", "1995"]),
        (["-e", "1995", "toc", "IX"], ["toc", "IX", "-e", "1995"]),
        (["--as-of=2025-01-01", "show", "18"], ["show", "18", "--as-of", "2025-01-01"]),
        (["--plain", "--format", "json", "info"], ["info", "--plain", "--format", "json"]),
        (["--no-pager", "toc"], ["toc", "--no-pager"]),
    ],
)
def test_shared_options_before_the_command_mean_the_same(cli, before, after) -> None:
    first, second = cli(*before), cli(*after)
    assert first.code == 0, first.stderr
    assert first.stdout == second.stdout


def test_hoisting_moves_only_the_front_options() -> None:
    assert hoist_shared_options(["--corpus", "X", "show", "1"]) == ["show", "--corpus", "X", "1"]
    assert hoist_shared_options(["show", "--", "-1"]) == ["show", "--", "-1"]
    assert hoist_shared_options(["--no-color", "show", "1"]) == ["show", "--color", "never", "1"]
    assert hoist_shared_options(["show", "--", "--no-color"]) == ["show", "--", "--no-color"]


def test_console_entry_point_accepts_options_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--edition", "1995", "show", "18", "--text-only"]) == 0
    assert capsys.readouterr().out.startswith("Article 18 · 1995")


def test_an_option_the_command_lacks_is_its_usual_error(cli) -> None:
    r = cli("--edition", "1995", "check")
    assert r.code == 2 and "No such option" in r.stderr


# --- batch input ------------------------------------------------------------------------------


def test_search_refs_pipe_into_show(cli) -> None:
    refs = cli("search", "death penalty", "--format", "refs").stdout
    r = cli("show", "-", "--text-only", input=refs)
    assert r.code == 0, r.stderr
    heads = [line for line in r.stdout.splitlines() if line.startswith("Article ")]
    assert len(heads) == len(refs.split())
    assert heads[0].startswith("Article 17(3) · 2026")


@pytest.mark.parametrize(
    ("args", "first", "count"),
    [
        (["toc", "VI"], "70@2026", 2),
        (["toc", "6"], "70@2026", 2),
        (["toc", "IX@1995"], "90@1995", 12),  # 90-99 and the inserted 94-1, 95-1
        (["toc"], "preamble@2026", 97),
        (["topics", "privacy"], None, None),
    ],
)
def test_listings_as_refs(cli, args: list[str], first: str | None, count: int | None) -> None:
    r = cli(*args, "--format", "refs")
    assert r.code == 0, r.stderr
    refs = r.stdout.split()
    if first is not None:
        assert refs[0] == first and len(refs) == count
    shown = cli("show", "-", "--text-only", input=r.stdout)
    assert shown.code == 0, shown.stderr


def test_toc_section_of_another_edition_and_conflicts(cli) -> None:
    assert cli("toc", "ix@1995").stdout.startswith(
        "Constitution of the Republic of Kazakhstan (1995)"
    )
    r = cli("toc", "IX@1995", "--edition", "2026")
    assert r.code == 2 and r.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("ref", "labels"),
    [
        ("21(1)-(3)", ["21(1)", "21(2)", "21(3)"]),
        ("21(1),(3)", ["21(1)", "21(3)"]),
        ("21(1), (2)", ["21(1)", "21(2)"]),
        ("18(1)-(2)@1995", ["18(1)", "18(2)"]),
    ],
)
def test_paragraph_ranges_and_lists(cli, ref: str, labels: list[str]) -> None:
    r = cli("show", ref, "--text-only")
    assert r.code == 0, r.stderr
    heads = [line.split(" · ")[0] for line in r.stdout.splitlines() if line.startswith("Article")]
    assert heads == [f"Article {label}" for label in labels]


def test_a_backwards_paragraph_range_is_a_usage_error(cli) -> None:
    r = cli("show", "21(3)-(1)")
    assert r.code == 2 and r.stderr.startswith("kzconst: error: ")


@pytest.mark.parametrize(
    ("encoding", "flag"), [("cp1251", ["--encoding", "cp1251"]), ("utf-16", [])]
)
def test_refs_reads_windows_1251_and_utf16_files(
    cli, tmp_path: Path, encoding: str, flag: list[str]
) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes("Согласно п. 1 ст. 21 Конституции.\n".encode(encoding))
    r = cli("refs", str(path), *flag)
    assert r.code == 0, r.stderr
    assert "= 21(1)@2026" in r.stdout


def test_a_windows_1251_file_without_encoding_gets_a_hint(cli, tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes("ст. 21 Конституции\n".encode("cp1251"))
    r = cli("refs", str(path))
    assert r.code == 2
    assert "not valid UTF-8" in r.stderr and "--encoding cp1251" in r.stderr


def test_cite_stdin_with_an_encoding(cli) -> None:
    r = cli("cite", "-", "--encoding", "cp1251", "-S", "ru", input="ст. 21\n".encode("cp1251"))
    assert r.code == 0, r.stderr
    assert r.stdout.startswith("ст. 21 Конституции")
    assert cli("cite", "-", "--encoding", "klingon", input=b"21\n").code == 2


# --- formats ----------------------------------------------------------------------------------


def test_text_only_is_heading_and_text(cli) -> None:
    out = cli("show", "21.1", "--text-only").stdout.splitlines()
    assert out[0].startswith("Article 21(1) · 2026")
    assert out[1] == ""
    assert out[2].startswith("1. The right to the inviolability of private life")
    assert len(out) == 3


@pytest.mark.parametrize("command", [["show", "21"], ["toc"], ["topics"]])
def test_md_is_markdown_where_offered(cli, command: list[str]) -> None:
    r = cli(*command, "--format", "md")
    assert r.code == 0, r.stderr
    assert r.stdout.lstrip().startswith(("#", "- "))


@pytest.mark.parametrize("command", [["check"], ["info"], ["compare", "21"], ["changes"]])
def test_md_is_not_offered_where_not_honoured(cli, command: list[str]) -> None:
    r = cli(*command, "--format", "md")
    assert r.code == 2 and "'md' is not one of" in r.stderr


def test_choices_are_case_insensitive(cli) -> None:
    assert cli("show", "21", "--format", "JSON").code == 0
    assert cli("changes", "--status", "NEW").code == 0
    assert cli("show", "21", "--color", "Never").code == 0


# --- changes ----------------------------------------------------------------------------------


def test_changes_status_filter(cli) -> None:
    r = cli("changes", "--status", "new", "--status", "no-successor")
    assert r.code == 0, r.stderr
    statuses = {line.split()[1] for line in r.stdout.splitlines()}
    assert statuses == {"new", "no-successor"}
    records = json.loads(cli("changes", "--status", "new", "-f", "json").stdout)["results"]
    assert records and all(rec["status"] == "new" for rec in records)


def test_changes_piped_is_one_row_a_line_with_one_word_statuses(cli) -> None:
    out = cli("changes").stdout.splitlines()
    assert all(len(line.split()) >= 4 for line in out)
    assert {line.split()[1] for line in out} <= {
        "identical",
        "reworded",
        "changed",
        "new",
        "excluded",
        "no-successor",
    }


# --- help -------------------------------------------------------------------------------------


def test_a_bare_reference_suggests_show(cli) -> None:
    r = cli("21")
    assert r.code == 2
    assert "kzconst show 21" in r.stderr and r.stderr.count("\n") == 1


def test_short_flags_mean_one_thing() -> None:
    """A short flag names the same long option in every command that has it."""
    import typer

    from kzconst.cli.main import app

    command = typer.main.get_command(app)
    meaning: dict[str, set[str]] = {}
    for sub in command.commands.values():  # type: ignore[attr-defined]
        for param in sub.params:
            longs = [o for o in param.opts if o.startswith("--")]
            for short in (o for o in param.opts if not o.startswith("--")):
                meaning.setdefault(short, set()).update(longs)
    assert {k: v for k, v in meaning.items() if len(v) > 1} == {}


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [(["21"], "kzconst show 21"), (["IX"], "kzconst toc IX"), (["ст. 21"], "kzconst show")],
)
def test_what_looks_like_a_reference_suggests_a_command(cli, args, suggestion) -> None:
    r = cli(*args)
    assert r.code == 2 and suggestion in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--no-color", "cite", "21"],
        ["--plain", "--color", "never", "cite", "21"],
        ["cite", "21", "--no-pager"],
        ["--color=always", "check"],
    ],
)
def test_display_options_are_ignored_by_commands_that_never_style(cli, args) -> None:
    r = cli(*args)
    assert r.code == 0, r.stderr
    assert "\x1b" not in r.stdout


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("21(1)-(3)", "21(1), 21(2), 21(3)"),
        ("21(1)–(2)", "21(1), 21(2)"),
        ("21(1),(2)", "21(1), 21(2)"),
        ("21(1), (3), (5)", "21(1), 21(3), 21(5)"),
        ("21-23", "21-23"),
        ("21(1)", "21(1)"),
        ("ст. 21", "ст. 21"),
    ],
)
def test_expand_paragraph_forms(text: str, expanded: str) -> None:
    from kzconst.refs.grammar import expand_paragraph_forms

    assert expand_paragraph_forms(text) == expanded


def test_a_shared_option_without_a_command_says_so(cli) -> None:
    r = cli("--edition", "1995")
    assert r.code == 2
    assert "--edition is an option of the commands" in r.stderr
    assert "--version" not in r.stderr
