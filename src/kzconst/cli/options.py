"""Shared options anywhere: moved from before the command to after it, display options a
command does not style dropped, and a suggestion when a reference is typed as a command."""

from __future__ import annotations

from typing import Any

from kzconst.cli.boundary import KzconstGroup

ROOT_EPILOG = """\b
Shared options go before or after the command (kzconst --edition 1995 show 18):
  --corpus PATH, -e/--edition 2026|1995, --as-of DATE, -f/--format FORMAT,
  --plain, --color auto|always|never (--no-color), --no-pager

\b
Examples:
  kzconst show 21                     read Article 21 (paged on a terminal)
  kzconst show 21.1 --text-only       heading and text only, for pasting
  kzconst search "freedom of speech"  ranked search
  kzconst compare 21                  Article 21 beside its 1995 predecessor
  kzconst cite 21-23 --style oscola   one citation: arts 21–23
  kzconst search court -f refs | kzconst show -

\b
Environment:
  KZCONST_CORPUS     corpus file to use instead of the packaged one
  KZCONST_CACHE_DIR  where the search index is cached
  KZCONST_PAGER      pager for long output (then PAGER, then less -FRX; empty: none)
  NO_COLOR           if set and not empty: no colours (bold and underline stay)
  FORCE_COLOR        if set and not empty or 0: colour even when piped (also CLICOLOR_FORCE)
  KZCONST_DEBUG      if set: show the traceback of an internal error

\b
Exit codes: 0 ok, 1 nothing found, 2 usage error, 3 corpus error, 130 interrupted.
Manual: man kzconst (docs/kzconst.1); reference: docs/CLI.md."""


class SharedOptionsGroup(KzconstGroup):
    """The group that also accepts the shared options before the command's name."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        args = hoist_shared_options(args)
        if args and args[0].split("=", 1)[0] in SHARED_OPTIONS:
            from typer._click import exceptions as click_exc

            raise click_exc.UsageError(
                f"{args[0].split('=', 1)[0]} is an option of the commands: give one after it "
                "(kzconst --edition 1995 show 18; see kzconst --help)",
                ctx,
            )
        command = self.get_command(ctx, args[0]) if args else None
        if command is not None:
            args = _drop_display_options(args, {o for p in command.params for o in p.opts})
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        from typer._click import exceptions as click_exc

        try:
            return super().resolve_command(ctx, args)
        except click_exc.UsageError as exc:
            name = args[0] if args else ""
            hint = _command_for(name)
            if hint:
                raise click_exc.UsageError(
                    f"no such command {name[:40]!r}; did you mean `kzconst {hint}`?", ctx
                ) from None
            raise exc


# Options that only change how output looks; a command whose output is never styled (cite,
# check) accepts and ignores them, so `kzconst --no-color cite 21` in an alias still works.
DISPLAY_OPTIONS = {"--plain": False, "--no-pager": False, "--color": True}


def _drop_display_options(args: list[str], known: set[str]) -> list[str]:
    out: list[str] = []
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg == "--":
            return out + args[i:]
        name = arg.split("=", 1)[0]
        if name in DISPLAY_OPTIONS and name not in known:
            skip = DISPLAY_OPTIONS[name] and "=" not in arg
            continue
        out.append(arg)
    return out


def _command_for(text: str) -> str:
    """`21` -> `show 21`, `ст. 21` -> `show 'ст. 21'`, `IX` -> `toc IX`; else ''."""
    import re
    import shlex

    if re.fullmatch(r"[IVX]+(@\d{4})?", text.strip()):
        return f"toc {text.strip()}"
    if re.match(r"^(\d+|preamble\b|art|ст\.?\s|стат|п\.\s)", text.strip(), re.I):
        return f"show {shlex.quote(text.strip())}"
    return ""


# Shared options and whether each takes a value; hoisted from before the command to after it.
SHARED_OPTIONS = {
    "--corpus": True,
    "--edition": True,
    "-e": True,
    "--as-of": True,
    "--format": True,
    "-f": True,
    "--color": True,
    "--plain": False,
    "--no-pager": False,
    "--no-color": False,
}


def hoist_shared_options(args: list[str]) -> list[str]:
    """`--corpus X show 1` -> `show --corpus X 1`; `--no-color` -> `--color never`.

    Only options in front of the command move; the command then parses them as its own (and
    rejects one it does not take, with its usual message).
    """
    front: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        name = arg.split("=", 1)[0] if arg.startswith("--") else arg
        if name not in SHARED_OPTIONS:
            break
        takes_value = SHARED_OPTIONS[name] and "=" not in arg
        front += args[i : i + 1 + takes_value]
        i += 1 + takes_value
    rest = args[i:]
    if front and rest:
        rest = [rest[0], *front, *rest[1:]]
    elif front:
        rest = front
    out: list[str] = []
    for i, arg in enumerate(rest):
        if arg == "--":
            return out + rest[i:]
        out += ["--color", "never"] if arg == "--no-color" else [arg]
    return out
