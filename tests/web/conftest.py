from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.report.json import dumps
from newsweave.store import Store
from tests.store.test_tables import report_with_unknown_sources


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the sample report (with two unknown-source articles), analysed."""
    report = report_with_unknown_sources()
    path = tmp_path_factory.mktemp("web") / "n.db"
    with Store(path) as store:
        store.add_articles(report.articles)
        store.add_problems(report.problems)
        store.put_report("latest", dumps(report))
        store.put_report_tables(report)
    return path
