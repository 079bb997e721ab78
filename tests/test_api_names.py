from __future__ import annotations

import newsweave
import newsweave.ingest  # a subpackage import must not shadow a public function


def test_public_functions_survive_subpackage_imports() -> None:
    assert callable(newsweave.ingest_into)
    assert callable(newsweave.analyze)
