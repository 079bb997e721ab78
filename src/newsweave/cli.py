"""The `newsweave` command. The only module that prints or configures logging.

Exit codes: 0 all inputs read; 1 the job finished but some inputs had problems (listed on
stderr and in the report); 2 the command could not run (bad option, missing or unusable
database, unwritable output); 3 newsweave itself failed (a bug: please report it). 130 when
interrupted with Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from newsweave import __version__
from newsweave.errors import NewsweaveError
from newsweave.ingest.config import DEFAULT_MAX_RECORDS
from newsweave.ingest.sources import printable_source

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2
EXIT_CRASH = 3


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: no usage block before the message, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def _whole_number(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            bounds = f"from {minimum} to {maximum}" if maximum is not None else f">= {minimum}"
            raise argparse.ArgumentTypeError(f"expected a whole number {bounds}, got {text!r}")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsweave",
        description="Read many news reports of the same events: what is corroborated, "
        "single-source or disputed, traced to the sentences it came from.",
    )
    parser.add_argument("--version", action="version", version=f"newsweave {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="analyze inputs and write one report")
    _add_inputs(analyze)
    _add_output(analyze)
    _add_engine(analyze)

    ingest = commands.add_parser("ingest", help="add inputs to a database, incrementally")
    _add_inputs(ingest)
    ingest.add_argument("--db", required=True, help="SQLite database file (created if missing)")
    _add_output(ingest, required=False)
    _add_engine(ingest)

    report = commands.add_parser("report", help="write the report of everything in a database")
    report.add_argument("--db", required=True, help="SQLite database file")
    _add_output(report)
    _add_engine(report)

    serve = commands.add_parser("serve", help="browse a database in a local web app")
    serve.add_argument("--db", required=True, help="SQLite database file")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: loopback only)"
    )
    serve.add_argument(
        "--port",
        type=_whole_number(0, 65535),
        default=8765,
        help="port to listen on (default 8765; 0: any free one)",
    )
    serve.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also accept requests whose Host header is NAME (default: loopback names only)",
    )

    show = commands.add_parser(
        "config", help="print every setting with its default and calibration note (TOML)"
    )
    for command in (analyze, ingest, report, serve, show):
        command.add_argument(
            "--config",
            metavar="FILE",
            help="TOML file of settings (see `newsweave config`); unset ones keep their defaults",
        )
    return parser


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files or directories (.txt, .html, .jsonl, .json, .warc[.gz], .gz), or - for stdin",
    )
    parser.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=KEY",
        help="JSONL field mapping, e.g. --field text=body --field published=date (repeatable)",
    )
    parser.add_argument(
        "--max-records",
        type=_whole_number(1),
        default=None,
        metavar="N",
        help="records read per input file; the rest is skipped with one problem line (default "
        f"{DEFAULT_MAX_RECORDS:,}: raise it for big JSONL exports and Common Crawl WARCs, "
        "e.g. 100000)",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def _add_output(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "-o",
        "--output",
        required=required,
        metavar="OUT",
        help="report file (default: standard output)",
    )
    parser.add_argument(
        "--format",
        choices=("json", "md", "html"),
        help="report format (default: from the extension of OUT, else json)",
    )


def _add_engine(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="where the work runs: in this process, or on Dask (default: local)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786); default: a local Dask cluster",
    )
    parser.add_argument(
        "--workers",
        type=_whole_number(1),
        default=None,
        help="worker processes (default: local: this machine's cores, at most 4; dask: 2)",
    )
    parser.add_argument(
        "--partition-size",
        type=_whole_number(1),
        default=None,
        metavar="N",
        help="items per task for every stage (default: each stage's own; the report is the same)",
    )


def _report_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower() if args.output else ""
    return {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}.get(suffix, "json")


def _progress(args: argparse.Namespace) -> tuple[Callable[[], None] | None, Callable[[], None]]:
    """A per-record callback drawing a progress bar on a terminal, and a function closing it."""
    if getattr(args, "no_progress", False) or not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar: Any = tqdm(desc="reading", unit=" docs", file=sys.stderr, leave=False)
    return (lambda: bar.update(1)), bar.close


def _config(args: argparse.Namespace) -> Any:
    """The settings of this run: the --config file (or the defaults), then --field and
    --max-records on top."""
    import dataclasses

    from newsweave.config import Config, load_config
    from newsweave.ingest.config import parse_field_options

    config = load_config(args.config) if args.config else Config()
    if getattr(args, "field", None):
        ingest = dataclasses.replace(config.ingest, field_map=parse_field_options(args.field))
        config = dataclasses.replace(config, ingest=ingest)
    if getattr(args, "max_records", None) is not None:
        ingest = dataclasses.replace(config.ingest, max_records=args.max_records)
        config = dataclasses.replace(config, ingest=ingest)
    return config


def _write(text: str, output: str | None) -> None:
    """Write the report to `output` (stdout for None or "-"), all or nothing.

    A temporary file beside `output` is renamed over it once complete: a run that fails, or is
    killed, while writing leaves an earlier report whole instead of truncated.
    """
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    path = Path(os.path.realpath(str(output)))  # through a symlink: replace what it points to
    temporary: str | None = None
    try:
        if path.exists() and not path.is_file():  # /dev/null, a FIFO: written in place
            with open(path, "w", encoding="utf-8", newline="\n") as device:
                device.write(text)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        with open(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        if path.exists():  # keep the permissions of the report being replaced
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        where = printable_source(str(output))
        raise NewsweaveError(f"{where}: cannot write the report ({error.strerror})") from error
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _say_problems(problems: Sequence[Any]) -> int:
    for problem in problems:
        # Escaped again here: a problem line must never carry a line break or a terminal
        # escape from a file name or an input, whoever made the Problem.
        source, error = printable_source(problem.source), printable_source(problem.error)
        print(f"newsweave: {source}: {error}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from newsweave import api
    from newsweave.executors import make_executor

    config = _config(args)
    if args.command == "config":
        from newsweave.config import to_toml

        sys.stdout.write(to_toml(config))
        return EXIT_OK
    if args.command == "serve":
        from newsweave.web import serve

        # Prints the URL once listening; a bad port, a port in use or an unusable database is
        # a one-line error and exit status 2; Ctrl-C stops it.
        serve(
            args.db,
            host=args.host,
            port=args.port,
            allowed_hosts=args.allow_host,
            on_ready=lambda url: print(
                f"newsweave: serving {args.db} read-only at {url} (Ctrl-C to stop)", flush=True
            ),
        )
        return EXIT_OK

    fmt = _report_format(args)
    executor = make_executor(
        args.executor,
        scheduler=args.scheduler,
        workers=args.workers,
        partition_size=args.partition_size,
    )
    try:
        if args.command == "analyze":
            on_record, close_bar = _progress(args)
            try:
                report = api.analyze(
                    args.inputs,
                    executor=executor,
                    on_record=on_record,
                    config=config,
                )
            finally:
                close_bar()
        elif args.command == "ingest":
            on_record, close_bar = _progress(args)
            try:
                added, report = api.ingest_into(
                    args.inputs,
                    args.db,
                    executor=executor,
                    on_record=on_record,
                    config=config,
                )
            finally:
                close_bar()
            print(
                f"newsweave: {len(added)} new article(s); {len(report.articles)} in {args.db}",
                file=sys.stderr,
            )
        else:
            report = api.report_from_store(args.db, config=config, executor=executor)
    finally:
        executor.close()
    if args.command != "ingest" or args.output:
        _write(api.render(report, fmt), args.output)  # type: ignore[arg-type]
    return _say_problems(report.problems)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsweave` command."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except NewsweaveError as error:
        print(f"newsweave: {printable_source(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newsweave: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug of ours: say so, distinctly from "inputs had problems"
        print(
            f"newsweave: internal error (a bug; please report it with the lines below): "
            f"{type(error).__name__}: {printable_source(str(error))}",
            file=sys.stderr,
        )
        for line in "".join(traceback.format_exception(error)).splitlines():
            print(f"  {printable_source(line)}", file=sys.stderr)
        return EXIT_CRASH


if __name__ == "__main__":
    sys.exit(main())
