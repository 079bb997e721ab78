from __future__ import annotations

import argparse
import io
import os
import sqlite3
from pathlib import Path

import pytest

from newsweave import api, cli
from newsweave.errors import ConfigError, StoreError
from newsweave.model import Problem, Report


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


# ---- contracts (issue 14): one-line errors, exit statuses, nothing created, whole reports ----


def _one_stderr_line(capsys: pytest.CaptureFixture[str]) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["analyze", "examples", "--workers", "0"], "--workers"),
        (["analyze", "examples", "--workers", "two"], "--workers"),
        (["serve", "--db", "x.db", "--port", "99999"], "--port"),
        (["serve", "--db", "x.db", "--port", "-1"], "--port"),
        (["serve", "--db", "x.db", "--port", "http"], "--port"),
        (["analyze", "examples", "--format", "pdf"], "--format"),
    ],
)
def test_a_bad_option_value_is_one_line_and_exit_status_2(
    argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == cli.EXIT_ERROR
    line = _one_stderr_line(capsys)
    assert option in line and "Traceback" not in line


@pytest.mark.parametrize("command", ["report", "serve"])
def test_report_and_serve_on_a_missing_database_create_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "missing" / "typo.db"
    assert cli.main([command, "--db", str(typo)]) == cli.EXIT_ERROR
    assert "no such database" in _one_stderr_line(capsys)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["report", "serve"])
def test_report_and_serve_on_a_foreign_file_change_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE things (name TEXT)")
    db.close()
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    for foreign in (notes, other):
        assert cli.main([command, "--db", str(foreign)]) == cli.EXIT_ERROR
        assert str(foreign) in _one_stderr_line(capsys)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_report_from_store_on_a_missing_path_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        api.report_from_store(tmp_path / "a" / "b" / "news.db")
    assert list(tmp_path.iterdir()) == []


def test_a_string_or_path_is_one_input_never_its_characters() -> None:
    assert api.as_inputs("articles/") == ("articles/",)
    assert api.as_inputs(Path("articles")) == ("articles",)
    assert api.as_inputs(["a.txt", Path("b")]) == ("a.txt", "b")
    with pytest.raises(ConfigError):
        api.as_inputs(b"articles/")  # type: ignore[arg-type]


def test_an_unknown_render_format_is_an_error() -> None:
    with pytest.raises(ConfigError, match="pdf"):
        api.render(Report(version="0"), "pdf")  # type: ignore[arg-type]


def test_the_report_file_is_replaced_whole_or_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("earlier report\n")
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate cannot be written as UTF-8
        cli._write("new report \udcff that fails half way", str(out))
    assert out.read_text() == "earlier report\n"
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]  # no temporary left
    cli._write("new report\n", str(out))
    assert out.read_text() == "new report\n"
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]
    cli._write("discarded\n", os.devnull)  # a device is written in place, never replaced
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_a_crash_is_exit_status_3_and_keeps_the_earlier_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    out.write_text("earlier report\n")

    def broken(*args: object, **kwargs: object) -> Report:
        raise ZeroDivisionError("a bug\nnewsweave: FAKE-SOURCE: forged")

    monkeypatch.setattr(api, "analyze", broken)
    assert cli.main(["analyze", str(tmp_path), "-o", str(out)]) == cli.EXIT_CRASH
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("newsweave: internal error") and "ZeroDivisionError" in lines[0]
    assert not any(line.startswith("newsweave: FAKE-SOURCE") for line in lines)
    assert out.read_text() == "earlier report\n"


def test_problem_lines_escape_line_breaks_and_terminal_escapes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    problems = [
        Problem(source="evil\nnewsweave: FAKE-SOURCE: forged", error="binary file"),
        Problem(source="colour\x1b[31m.txt", error="bad\rreason \u202e reversed"),
    ]
    assert cli._say_problems(problems) == cli.EXIT_PROBLEMS
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("newsweave: ") for line in lines)
    assert "\x1b" not in err and "\r" not in err and "\u202e" not in err
    assert "evil\\nnewsweave: FAKE-SOURCE" in lines[0]


def test_exit_statuses_are_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Command line") : readme.index("## Configuration")]
    for status in (cli.EXIT_OK, cli.EXIT_PROBLEMS, cli.EXIT_ERROR, cli.EXIT_CRASH):
        assert f"| {status} |" in section
