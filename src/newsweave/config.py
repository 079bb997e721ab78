"""One configuration for the whole job: every stage's settings, from defaults or a TOML file.

Each stage package owns its config class (`StoryConfig` lives in `cluster/stories.py`, beside
the code that reads it, with the calibration note of each threshold); `Config` only gathers
them, one section per stage, so that `newsweave analyze --config FILE`, `newsweave config` and
the API's `config=` all mean the same settings. A report names what produced it by
`config_hash` (in its provenance), so two reports made with different settings never look alike.

A TOML file sets any subset: `[stories]\nthreshold = 0.45`. An unknown section or key, or a value
of the wrong type, is a `ConfigError` naming it.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import hashlib
import inspect
import json
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave.align.claims import ClaimConfig
from newsweave.align.conflicts import ConflictConfig
from newsweave.align.timeline import TimelineConfig
from newsweave.brief import BriefConfig
from newsweave.clean.config import CleanConfig
from newsweave.cluster.stories import StoryConfig
from newsweave.dedupe.config import DedupeConfig
from newsweave.describe import DescribeConfig
from newsweave.errors import ConfigError
from newsweave.extract.dates import DatesConfig
from newsweave.extract.entities import EntityConfig
from newsweave.extract.speakers import SpeakerConfig
from newsweave.ingest.config import IngestConfig

# Settings of a section that another section overrides: claims compute conflicts with the
# [conflicts] section, so `claims.conflicts` is neither printed, hashed nor settable.
SHADOWED = frozenset({"claims.conflicts"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every stage's settings; the defaults are what `newsweave analyze` ships with."""

    ingest: IngestConfig = field(default_factory=IngestConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    describe: DescribeConfig = field(default_factory=DescribeConfig)
    copies: DedupeConfig = field(default_factory=DedupeConfig)
    dates: DatesConfig = field(default_factory=DatesConfig)
    stories: StoryConfig = field(default_factory=StoryConfig)
    entities: EntityConfig = field(default_factory=EntityConfig)
    speakers: SpeakerConfig = field(default_factory=SpeakerConfig)
    claims: ClaimConfig = field(default_factory=ClaimConfig)
    conflicts: ConflictConfig = field(default_factory=ConflictConfig)
    timeline: TimelineConfig = field(default_factory=TimelineConfig)
    brief: BriefConfig = field(default_factory=BriefConfig)

    def to_dict(self) -> dict[str, Any]:
        """Every setting as plain values, section by section (what the hash is taken of)."""
        plain = {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}
        for path in SHADOWED:
            section, key = path.split(".")
            plain[section].pop(key, None)
        return plain

    def hash(self) -> str:
        """A short content hash of every setting: same settings, same hash."""
        text = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def claim_settings(self) -> ClaimConfig:
        """The claims section with the conflicts section in force (claims compute conflicts)."""
        return dataclasses.replace(self.claims, conflicts=self.conflicts)


def load_config(path: str | Path) -> Config:
    """The configuration in the TOML file at `path` (defaults for whatever it does not set)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    return config_from_dict(data, origin=str(path))


def config_from_dict(data: Mapping[str, Any], *, origin: str = "config") -> Config:
    """A `Config` from nested plain values, as a TOML file gives them."""
    built = _build(Config, data, "", origin)
    assert isinstance(built, Config)
    return built


def _build(cls: type[Any], data: Any, path: str, origin: str) -> Any:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{origin}: {path or 'config'}: expected a table, got {_kind(data)}")
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls) if f.init}
    values: dict[str, Any] = {}
    for key, value in data.items():
        key_path = f"{path}.{key}" if path else key
        if key_path in SHADOWED:
            raise ConfigError(f"{origin}: {key_path}: set it in the [{key}] section instead")
        if key not in known:
            choices = ", ".join(sorted(k for k in known if f"{path}.{k}" not in SHADOWED))
            raise ConfigError(f"{origin}: unknown setting {key_path!r} (known here: {choices})")
        values[key] = _coerce(hints[key], value, key_path, origin)
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{origin}: {path or 'config'}: {error}") from None


def _coerce(hint: Any, value: Any, path: str, origin: str) -> Any:
    def wrong(expected: str) -> ConfigError:
        return ConfigError(f"{origin}: {path}: expected {expected}, got {_kind(value)}")

    kind = typing.get_origin(hint)
    if kind in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _coerce(options[0], value, path, origin) if len(options) == 1 else value
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, path, origin)  # type: ignore[arg-type]
    if hint is bool:
        if not isinstance(value, bool):
            raise wrong("true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong("an integer")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise wrong("a number")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise wrong("a string")
        return value
    if kind in (tuple, list, collections.abc.Sequence):
        if not isinstance(value, list):
            raise wrong("a list")
        args = [a for a in typing.get_args(hint) if a is not Ellipsis]
        item = args[0] if args else Any
        return tuple(_coerce(item, v, f"{path}[{i}]", origin) for i, v in enumerate(value))
    if kind in (dict, collections.abc.Mapping):
        if not isinstance(value, Mapping):
            raise wrong("a table")
        item = typing.get_args(hint)[1] if typing.get_args(hint) else Any
        return {str(k): _coerce(item, v, f"{path}.{k}", origin) for k, v in value.items()}
    return value


def _kind(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"[:80]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return value


# ---- printing: `newsweave config` -------------------------------------------------------------

_FIELD_LINE = re.compile(r"^\s{4}(\w+)\s*:[^#]*?(?:#\s*(.*))?$")
_COMMENT_LINE = re.compile(r"^\s{4}#\s?(.*)$")


def field_notes(cls: type[Any]) -> dict[str, str]:
    """The comments written beside or above each field of a config class (its calibration note)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    notes: dict[str, str] = {}
    pending: list[str] = []
    for line in source.splitlines():
        comment = _COMMENT_LINE.match(line)
        if comment:
            pending.append(comment.group(1).strip())
            continue
        found = _FIELD_LINE.match(line)
        if found and not line.strip().startswith(("def ", "@", "return")):
            parts = [*pending, found.group(2) or ""]
            note = " ".join(p for p in parts if p).strip()
            if note:
                notes[found.group(1)] = note
        pending = []
    return notes


def to_toml(config: Config) -> str:
    """The whole configuration as a TOML file with each setting's note as a comment."""
    lines = [
        "# newsweave configuration: every setting with its default and calibration note.",
        "# Copy this file, change what you need, and pass it as --config FILE.",
        f"# config hash: {config.hash()}",
    ]
    for section in dataclasses.fields(config):
        _section_lines(section.name, getattr(config, section.name), lines)
    return "\n".join(lines) + "\n"


def _section_lines(name: str, value: Any, lines: list[str]) -> None:
    lines.extend(["", f"[{name}]"])
    notes = field_notes(type(value))
    nested: list[tuple[str, Any]] = []
    for item in dataclasses.fields(value):
        if not item.init:
            continue
        setting = getattr(value, item.name)
        if f"{name}.{item.name}" in SHADOWED:
            continue
        if dataclasses.is_dataclass(setting):
            nested.append((f"{name}.{item.name}", setting))
            continue
        note = notes.get(item.name)
        if note:
            lines.extend(f"# {chunk}" for chunk in _wrap(note))
        if setting is None:  # TOML has no null: an unset optional setting is shown commented out
            lines.append(f"# {item.name} = (unset)")
        else:
            lines.append(f"{item.name} = {_toml_value(_plain(setting))}")
    for sub_name, sub_value in nested:
        _section_lines(sub_name, sub_value, lines)


def _wrap(text: str, width: int = 96) -> list[str]:
    out: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        out.append(current)
    return out


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{json.dumps(str(k))} = {_toml_value(v)}" for k, v in value.items())
        return "{" + inner + "}"
    return json.dumps(str(value))
