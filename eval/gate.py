"""The evaluation gate's logic: floors and pinned data hashes from `eval/floors.toml`."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FLOORS = HERE / "floors.toml"


@dataclass(frozen=True, slots=True)
class Floor:
    """The lowest acceptable value of one quick figure."""

    eval: str
    metric: str
    min: float


def load_floors() -> tuple[list[Floor], dict[str, str]]:
    """The floors and the pinned sha256 of each data file (paths relative to the repo's parent)."""
    data: dict[str, Any] = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    floors = [Floor(eval=f["eval"], metric=f["metric"], min=float(f["min"])) for f in data["floor"]]
    return floors, dict(data.get("data", {}))


def data_path(name: str) -> Path:
    """Where a pinned data file lives: `shared/...` beside the repo, `eval/...` inside it."""
    return REPO.parent / name if name.startswith("shared/") else REPO / name


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_script(name: str) -> ModuleType:
    """`eval/NAME.py` as a module (with `eval/` on sys.path, as running it does)."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    spec = importlib.util.spec_from_file_location(f"eval_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered first: dataclasses of the script look their module up while it executes.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
