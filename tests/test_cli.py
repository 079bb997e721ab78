from __future__ import annotations

import argparse
import io

import pytest

from newsweave import cli


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    tick, close = cli._progress(argparse.Namespace(no_progress=False))
    assert tick is not None
    for _ in range(3):
        tick()
    close()
    assert "reading:" in terminal.getvalue() and "docs" in terminal.getvalue()
    assert cli._progress(argparse.Namespace(no_progress=True))[0] is None
    monkeypatch.setattr(cli.sys, "stderr", io.StringIO())
    assert cli._progress(argparse.Namespace(no_progress=False))[0] is None


def test_a_bad_field_option_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["analyze", "examples", "--field", "nonsense"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--field 'nonsense'" in err[0]


def test_format_follows_the_output_extension() -> None:
    parse = cli.build_parser().parse_args
    assert cli._report_format(parse(["analyze", "x", "-o", "r.md"])) == "md"
    assert cli._report_format(parse(["analyze", "x", "-o", "r.HTML"])) == "html"
    assert cli._report_format(parse(["analyze", "x"])) == "json"
    assert cli._report_format(parse(["analyze", "x", "-o", "r.txt", "--format", "html"])) == "html"
