"""Shared paths and fixtures of the Python tests. They test the installed package (the wheel),
never the source directory: ``src/`` is not on ``sys.path``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: The shared conformance vectors (``METAEVENTS_VECTORS`` points elsewhere, for a trial run).
VECTORS = Path(os.environ.get("METAEVENTS_VECTORS", ROOT / "tests" / "vectors"))
DATA = Path(__file__).resolve().parent / "data"
#: The core's table of error kinds (``tests/vectors/error-kinds.json``): kind, category, and the
#: exception class raised for it.
ERROR_KINDS: list[dict[str, Any]] = json.loads((VECTORS / "error-kinds.json").read_text(encoding="utf-8"))["kinds"]
#: Error kind → the name of its exception class.
ERROR_CLASS_NAMES: dict[str, str] = {row["kind"]: row["class"] for row in ERROR_KINDS}


@pytest.fixture
def atlan_text() -> str:
    """A 2 KB Atlan CLASSIFICATION_ADD notification (one line)."""
    return (DATA / "atlan_classification_add.json").read_text(encoding="utf-8").strip()


@pytest.fixture
def datahub_text() -> str:
    """A DataHub Entity Change Event: TAG ADD on a Snowflake dataset (one line)."""
    return (DATA / "datahub_tag_added.json").read_text(encoding="utf-8").strip()
