"""Run every evaluation through the shipped path and write `docs/evaluation.md`.

Usage: python eval/run_all.py [--quick] [--only NAME,NAME] [--output docs/evaluation.md]

Each script in `SCRIPTS` exposes `figures(quick=...)`, measured on the output of
`newsweave.analyze` (or the very stages it runs) with the shipped `Config`; this runner only
collects them into one table per script, with the split, the baseline beside each figure and
the command that reproduces it. A script whose data is absent is listed as not measured.
`--only` re-measures some scripts and keeps the other sections of the existing file.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import re
import sys
import tempfile
import time
import traceback
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gate import REPO, load_script
from harness import Figure

# In the order the stages run.
SCRIPTS = (
    "cleaning",
    "metadata",
    "copies",
    "stories",
    "timebank",
    "dates",
    "entities",
    "quotes",
    "conflicts",
    "claims",
    "single_source",
    "briefs",
    "nanco",
)
OUTPUT = REPO / "docs" / "evaluation.md"
CACHE = REPO / "docs" / ".evaluation.json"
LOCK = Path(tempfile.gettempdir()) / "newsweave-evaluation.lock"
README = REPO / "README.md"
# The README's evaluation table lives between these markers and is written from the same figures.
START = "<!-- evaluation table: written by eval/run_all.py -->"
END = "<!-- end of evaluation table -->"

HEADER = """# Evaluation

Every figure here is measured through the **shipped path**: the output of `newsweave.analyze`
(or the very stage objects it builds) with the shipped `Config` (`newsweave config` prints it),
on input written as a user would give it, and on data the setting was **not tuned on** unless the
row says otherwise. The simple baseline of each task is run in the same script and printed beside
it. This file is written by one command, `python eval/run_all.py`; the README's table is copied
from it. A fast subset of these figures is the evaluation gate of the test suite
(`tests/eval/test_gate.py`, floors and data hashes pinned in `eval/floors.toml`).

Labelled data is read from `../shared/eval/` by path (never copied here) and from our own
annotations in `eval/data/` (guidelines in `eval/README_annotation.md`).
"""


def _cell(value: float | None) -> str:
    if value is None:
        return "—"
    # Counts (e.g. pairs wrongly joined) read as counts; scores with three decimals.
    return f"{value:.0f}" if value > 1 and float(value).is_integer() else f"{value:.3f}"


def section(name: str, figures: list[Figure], seconds: float, doc: str) -> str:
    """The Markdown section of one script."""
    lines = [f"## {name}", ""]
    intro = _intro(doc)
    if intro:
        lines += [intro, ""]
    if not figures:
        lines += ["Not measured: its data is not present on this machine.", ""]
        return "\n".join(lines)
    lines += [
        "| metric | data | tuned on | newsweave | baseline | baseline value |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        arrow = "" if f.higher_is_better else " (lower is better)"
        lines.append(
            f"| {f.metric}{arrow} | {f.data} | {f.tuned_on} | **{_cell(f.value)}** | "
            f"{f.baseline or '—'} | {_cell(f.baseline_value)} |"
        )
    commands = sorted({f.command for f in figures})
    lines += ["", "Reproduce: " + ", ".join(f"`{c}`" for c in commands), ""]
    lines += [f"_Measured in {seconds:.0f} s._", ""]
    return "\n".join(lines)


def _intro(doc: str) -> str:
    """The docstring of a script without its usage line, as prose."""
    kept = [line for line in doc.strip().splitlines()[1:] if not line.startswith("Usage:")]
    return "\n".join(kept).strip()


def measure(name: str, quick: bool) -> tuple[list[Figure], float, str]:
    module = load_script(name)
    started = time.perf_counter()
    figures = list(module.figures(quick=quick))
    return figures, time.perf_counter() - started, module.__doc__ or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the gate's subsets only")
    parser.add_argument("--only", default="", help="comma-separated script names")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    wanted = [n for n in args.only.split(",") if n] or list(SCRIPTS)
    unknown = sorted(set(wanted) - set(SCRIPTS))
    if unknown:
        parser.error(f"unknown evaluation(s): {', '.join(unknown)}")
    measured: dict[str, dict[str, Any]] = {}
    failed = 0
    for name in SCRIPTS:
        if name not in wanted or not (REPO / "eval" / f"{name}.py").exists():
            continue
        print(f"evaluating {name} ...", file=sys.stderr)
        try:
            figures, seconds, doc = measure(name, args.quick)
        except Exception:
            failed += 1
            traceback.print_exc()
            continue
        for figure in figures:
            print(figure.to_json())
        measured[name] = {
            "section": section(name, figures, seconds, doc),
            "figures": [asdict(f) for f in figures],
        }
    write(measured, args.output, keep=not args.quick)
    return 1 if failed else 0


def write(measured: dict[str, dict[str, Any]], output: Path, *, keep: bool) -> None:
    """Merge the new sections into the kept ones; write the document and the README's table.

    Several runs (`--only a`, `--only b`) may finish at once: the cache is re-read and written
    under a lock, so none of them drops the sections another one measured meanwhile.
    """
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        cache = load_cache()
        cache.update(measured)
        body = [HEADER] + [cache[n]["section"] for n in SCRIPTS if n in cache]
        output.write_text(re.sub(r"\n{3,}", "\n\n", "\n".join(body)), encoding="utf-8")
        if keep:
            CACHE.write_text(json.dumps(cache, indent=1, ensure_ascii=False), encoding="utf-8")
            README.write_text(with_summary(README.read_text(encoding="utf-8"), cache), "utf-8")


def load_cache() -> dict[str, dict[str, Any]]:
    """The sections and figures of the last full measurement of each script."""
    if not CACHE.exists():
        return {}
    data: dict[str, Any] = json.loads(CACHE.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def summary_table(cache: dict[str, dict[str, Any]]) -> str:
    """The README's table: every figure of each script but those of page/document halves."""
    lines = [
        "| stage | metric | data | tuned on | newsweave | baseline |",
        "|---|---|---|---|---|---|",
    ]
    for name in SCRIPTS:
        for item in cache.get(name, {}).get("figures", []):
            figure = Figure(**item)
            if _per_half(figure):
                continue
            base = f"{figure.baseline} {_cell(figure.baseline_value)}" if figure.baseline else "—"
            lines.append(
                f"| {name} | {figure.metric} | {figure.data} | {figure.tuned_on} | "
                f"**{_cell(figure.value)}** | {base} |"
            )
    return "\n".join(lines)


def _per_half(figure: Figure) -> bool:
    """A figure of one half of a set (the docs show them; the README shows the whole set)."""
    return bool(re.search(r"_[AB]$", figure.metric)) or bool(
        re.search(r"\bhalf [AB]\b", figure.data)
    )


def with_summary(readme: str, cache: dict[str, dict[str, Any]]) -> str:
    """`readme` with the table between the evaluation markers replaced by `summary_table`."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        return readme
    return readme[: start + len(START)] + "\n" + summary_table(cache) + "\n" + readme[end:]


if __name__ == "__main__":
    raise SystemExit(main())
