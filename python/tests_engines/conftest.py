"""Fixtures of the engine tests (``scripts/test-spark``): the installed wheel read by pyarrow,
Polars, DuckDB and Spark. A generated corpus of all four sources (DataHub, Atlan, Apache Atlas,
OpenMetadata), gzipped NDJSON files in one directory, as an archive in object storage would hold
them."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
#: The metaevents command line (scripts/test-spark builds it and sets this).
CLI = Path(os.environ.get("METAEVENTS_CLI", ROOT / "target" / "debug" / "metaevents"))
#: A line no reader takes: every file of the corpus ends with one, so bad records are counted too.
BAD_LINE = b'{"entityUrn": "urn:li:dataset:x", "category": "TAG"\n'


def generate(platform: str, count: int, seed: int, fmt: str | None = None) -> bytes:
    """NDJSON from the benchmark's seeded generator (standard library only)."""
    command = [sys.executable, str(ROOT / "bench" / "gen_corpus.py"), "--platform", platform]
    command += ["--count", str(count), "--seed", str(seed)]
    command += ["--format", fmt] if fmt else []
    return subprocess.run(command, check=True, capture_output=True).stdout


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seven gzipped NDJSON files: the CLI's demo corpus (a split Atlan message, a poll response,
    a webhook validation request), DataHub, Atlan, two of both mixed, Apache Atlas (current and
    older envelopes, gzipped messages) and OpenMetadata (ChangeEvents that fan out to several
    events, Lambda requests, the lists of older servers); each ends on a bad line."""
    directory = tmp_path_factory.mktemp("archive")
    files = {
        "demo": (ROOT / "crates" / "metaevents-cli" / "demo" / "corpus.ndjson").read_bytes(),
        "datahub": generate("datahub", 3000, 1),
        "atlan": generate("atlan", 1500, 2),
        "mixed-a": generate("mixed", 3000, 3),
        "mixed-b": generate("mixed", 3000, 4),
        "atlas": generate("atlas", 1500, 5, "mixed"),
        "openmetadata": generate("openmetadata", 1500, 6, "mixed"),
    }
    for name, data in files.items():
        (directory / f"{name}.ndjson.gz").write_bytes(gzip.compress(data + BAD_LINE, compresslevel=1))
    return directory


def cli(*args: str | Path, check_bad: bool = True) -> subprocess.CompletedProcess[bytes]:
    """Runs the command line; exit code 1 (some records bad) is expected with the corpus."""
    done = subprocess.run([str(CLI), *map(str, args)], capture_output=True, timeout=300)
    assert done.returncode in ((0, 1) if check_bad else (0,)), done.stderr.decode()
    return done


def stats_by_kind(paths: list[Path]) -> dict[str, int]:
    """``metaevents stats --json``'s events per kind."""
    stats = json.loads(cli("stats", "--json", *paths).stdout)
    return {entry["name"]: entry["count"] for entry in stats["byKind"]}


def stats_by_kind_and_source(paths: list[Path]) -> dict[tuple[str, str], int]:
    """``metaevents stats --json``'s events per kind and source (each ``byKind`` entry carries
    its count per source)."""
    stats = json.loads(cli("stats", "--json", *paths).stdout)
    sources = {entry["name"] for entry in stats["bySource"]}
    return {
        (entry["name"], source): count
        for entry in stats["byKind"]
        for source, count in entry.items()
        if source in sources
    }


def ndjson_events(paths: list[Path]) -> list[dict[str, Any]]:
    """What ``metaevents normalize`` writes, one event per line."""
    return [json.loads(line) for line in cli("normalize", *paths).stdout.splitlines()]


@pytest.fixture(scope="session")
def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(corpus_dir.glob("*.ndjson.gz"))


@pytest.fixture(scope="session")
def corpus_bytes(corpus_files: list[Path]) -> bytes:
    """All files' lines, decompressed, one after another."""
    return b"".join(gzip.decompress(path.read_bytes()) for path in corpus_files)


@pytest.fixture
def chdir_root() -> Iterator[None]:
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(here)
