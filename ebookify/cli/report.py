"""How the command line speaks: errors as one ``Error:`` line with its exit code, findings as
``warning:`` lines whose hint names the flag that would change the guess.

The library names options (``"title"``, ``"chapter_pattern"``); only this module knows them as
flags, so another front end (the web page, a batch report) can phrase the same findings its way.
"""

from __future__ import annotations

import typer

from ..errors import EbookifyError, Finding

# An option as the command line spells it, where that is not simply --option-name.
_FLAGS = {"authors": "--author", "metadata": "--set", "cover": "--no-cover", "cover_image": "--cover",
          "smart": "--no-smart", "reading": "--no-chapters"}
_HINTS = {"title": "set one with {}", "authors": "set one with {}", "language": "set it with {} if wrong"}


def flag(option: str) -> str:
    return _FLAGS.get(option, "--" + option.replace("_", "-"))


def finding_line(finding: Finding) -> str:
    line = str(finding)
    if finding.option in _HINTS:
        line += f" ({_HINTS[finding.option].format(flag(finding.option))})"
    return line


def error_line(error: EbookifyError) -> str:
    hint = error.hint
    if error.option == "force" and not hint:
        hint = "--force writes it anyway"
    elif error.option and hint:
        hint = f"{hint} with {flag(error.option)}"
    return f"Error: {error.message}" + (f"; {hint}" if hint else "")


def fail(error: EbookifyError) -> None:
    typer.echo(error_line(error), err=True)
    raise typer.Exit(error.exit_code)


def echo_findings(findings: tuple[Finding, ...], verbose: bool) -> None:
    for finding in findings:
        if verbose or finding.severity != "info":
            typer.echo(finding_line(finding), err=True)
