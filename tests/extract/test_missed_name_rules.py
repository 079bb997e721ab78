"""The `missed-names` key holds a hash of the modules the missed names can run only (issue 15,
session 20): a linking rule edited in `entities.py` or `mention_repair.py` no longer finds every
stored article's missed names again; an edit of a module they import still does."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.extract import entities, missed_names
from newsweave.extract.entities import missed_name_rules, name_rule_files


def _names() -> set[str]:
    return {p.name for p in name_rule_files(Path(missed_names.__file__))}


def test_the_key_hashes_what_missed_names_imports_and_no_linking_module() -> None:
    names = _names()
    assert {"missed_names.py", "aliases.py", "mentions.py", "gazetteer.py"} <= names
    assert {"entity_records.py", "name_linking.py", "person_linking.py"} <= names
    assert not names & {"entities.py", "mention_repair.py", "quotes.py", "stage.py", "__init__.py"}


def test_every_module_a_hashed_module_imports_is_hashed() -> None:
    # The closure is closed: whatever `newsweave.extract` module a hashed one imports is in it.
    package = Path(missed_names.__file__).parent
    names = _names()
    for name in names:
        source = (package / name).read_text(encoding="utf-8")
        for other in package.glob("*.py"):
            module = other.stem
            imported = f"from newsweave.extract.{module} import" in source or (
                f"from newsweave.extract import {module}" in source
            )
            if imported and module != "__init__":
                assert other.name in names, (name, other.name)


def test_the_key_follows_an_import_inside_a_function(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("def f():\n    from newsweave.extract.b import g\n")
    (tmp_path / "b.py").write_text("import newsweave.extract.c\n")
    (tmp_path / "c.py").write_text("from newsweave.extract import d, e\n")
    (tmp_path / "d.py").write_text("")
    (tmp_path / "e").mkdir()
    (tmp_path / "e" / "__init__.py").write_text("")
    (tmp_path / "e" / "x.py").write_text("")
    (tmp_path / "z.py").write_text("")
    got = [p.relative_to(tmp_path).as_posix() for p in name_rule_files(tmp_path / "a.py")]
    assert got == ["a.py", "b.py", "c.py", "d.py", "e/__init__.py", "e/x.py"]


def test_the_hash_reads_the_hashed_files(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[list[Path]] = []

    def digest(paths: list[Path]) -> str:
        read.append(list(paths))
        return "d"

    missed_name_rules.cache_clear()
    monkeypatch.setattr(entities, "source_digest", digest)
    try:
        assert missed_name_rules() == "d"
    finally:
        missed_name_rules.cache_clear()
    names = [p.name for p in read[0]]
    assert "person_linking.py" in names and "model.py" in names and "given_names.txt" in names
    assert "mention_repair.py" not in names and "entities.py" not in names
