"""The stubs: ``mypy.stubtest`` checks them against the installed module, and ``mypy --strict``
checks the documented uses (``typing_sample.py``) against them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

pytest.importorskip("mypy", reason="mypy is not installed")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # From the tests directory, so mypy sees the installed package, never python/src.
    return subprocess.run([sys.executable, "-m", *args], cwd=HERE, capture_output=True, text=True, check=False)


def test_stubtest() -> None:
    result = run("mypy.stubtest", "metaevents")
    assert result.returncode == 0, result.stdout + result.stderr


def test_documented_uses_type_check() -> None:
    result = run("mypy", "--strict", "--no-incremental", "typing_sample.py")
    assert result.returncode == 0, result.stdout + result.stderr
