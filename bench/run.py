#!/usr/bin/env python3
"""Runs every benchmark row side by side and writes bench/RESULTS.md (raw data: bench/corpus/results.json).

Entry point: `scripts/bench [--quick]`. Standard library only; the Python rows run in the
bench venv (.bench-venv, made here), the Node rows in node, the Rust rows through criterion.

Steps:
 1. the venv: pinned comparison packages (bench/requirements.txt) and, when python/ has a
    pyproject.toml, metaevents itself (`pip install ./python`, rebuilt when its sources change);
 2. the npm package (`cd js && npm install && npm run build`, when its output is older than its
    sources);
 3. the corpora (bench/gen_corpus.py, seeded) in bench/corpus/;
 4. Python rows (interleaved repetitions, medians), memory and import time, pinned to one core;
 5. Node rows, likewise;
 6. `cargo bench -p metaevents --bench throughput` (criterion), estimates read back;
 6b. instructions per event of the core under callgrind (`bench/callgrind.py`, load-independent);
 6c. the Arrow rows: Arrow tables in Python (metaevents.read_arrow vs pyarrow, DuckDB, Polars,
     orjson) on 1 thread pinned and on 2 threads, `metaevents normalize --output parquet` MB/s on
     1 and 2 threads, and its peak RSS converting a ~1 GB NDJSON file (100 MB in --quick);
 7. one Markdown table: events/s, MB/s, the ratio to each row's baseline, target, met?
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
CORPUS = os.path.join(BENCH, "corpus")
LOGS = os.path.join(CORPUS, "logs")
VENV = os.path.join(ROOT, ".bench-venv")
VPY = os.path.join(VENV, "bin", "python")
sys.path.insert(0, BENCH)
import gen_corpus  # noqa: E402

# WebAssembly in Node against the native core on the same work (issue 15: at least 0.7x).
WASM_TARGET = 0.7

MODES = {
    "quick": {
        "corpora": {
            "datahub-ece.ndjson": 10_000,
            "datahub-platform-event.ndjson": 10_000,
            "atlan-envelope.ndjson": 2_000,
            "mixed.ndjson": 10_000,
        },
        "py": {"reps": 3, "atlan": 2_000, "datahub": 5_000},
        "memory": {"atlan": 2_000, "datahub": 10_000, "peers_atlan": 0, "peers_datahub": 0},
        "import_reps": 3,
        "import_reps_peers": 1,
        "node": {"reps": 3, "atlan": 2_000, "datahub": 10_000, "mixed": 10_000},
        "criterion": ["--warm-up-time", "0.5", "--measurement-time", "1"],
        "arrow": {
            "corpora": {"atlan-arrow.ndjson": 5_000, "mixed-large.ndjson": 78_000},
            "datahub": ("datahub-ece.ndjson", 10_000),
            "atlan": ("atlan-arrow.ndjson", 5_000),
            "reps": 3,
            "cli_corpus": "mixed.ndjson",
            "cli_reps": 3,
            "memory_corpus": "mixed-large.ndjson",
        },
    },
    "full": {
        "corpora": {
            "datahub-ece.ndjson": 100_000,
            "datahub-platform-event.ndjson": 100_000,
            "atlan-envelope.ndjson": 20_000,
            "mixed.ndjson": 100_000,
        },
        "py": {"reps": 5, "atlan": 10_000, "datahub": 50_000},
        "memory": {"atlan": 20_000, "datahub": 100_000, "peers_atlan": 5_000, "peers_datahub": 20_000},
        "import_reps": 7,
        "import_reps_peers": 5,
        "node": {"reps": 5, "atlan": 20_000, "datahub": 100_000, "mixed": 100_000},
        "criterion": ["--warm-up-time", "2", "--measurement-time", "5"],
        "arrow": {
            # mixed-large: about 1.1 GB, generated once (46 s) and kept in bench/corpus/.
            "corpora": {"atlan-arrow.ndjson": 100_000, "mixed-large.ndjson": 780_000},
            "datahub": ("datahub-ece.ndjson", 100_000),
            "atlan": ("atlan-arrow.ndjson", 100_000),
            "reps": 3,
            "cli_corpus": "mixed.ndjson",
            "cli_reps": 5,
            "memory_corpus": "mixed-large.ndjson",
        },
    },
}
GENERATOR_ARGS = {
    "datahub-ece.ndjson": ["--platform", "datahub", "--format", "ece"],
    "datahub-platform-event.ndjson": ["--platform", "datahub", "--format", "platform-event"],
    # pyatlan's models accept only the six documented operation types: the Atlan corpus keeps to them.
    "atlan-envelope.ndjson": ["--platform", "atlan", "--format", "envelope", "--documented-only"],
    "mixed.ndjson": ["--platform", "mixed"],
    # The Arrow rows: Atlan envelopes of all ten operation types (no pyatlan row reads them).
    "atlan-arrow.ndjson": ["--platform", "atlan", "--format", "envelope"],
    "mixed-large.ndjson": ["--platform", "mixed"],
}
ROW_SETS = ["python", "node", "rust", "callgrind", "arrow"]
SEED = 42


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(
    cmd: list[str], *, cwd: str = ROOT, logfile: str | None = None, env: dict | None = None, check: bool = True
) -> subprocess.CompletedProcess:
    if logfile:
        os.makedirs(os.path.dirname(logfile), exist_ok=True)
        with open(logfile, "w") as f:
            proc = subprocess.run(cmd, cwd=cwd, stdout=f, stderr=subprocess.STDOUT, env=env)
    else:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        detail = f"see {os.path.relpath(logfile, ROOT)}" if logfile else (proc.stderr or "")[-2000:]
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {detail}")
    return proc


def pin() -> list[str]:
    """One core for every measured process, when taskset is there."""
    return ["taskset", "-c", "0"] if shutil.which("taskset") else []


def newest_mtime(patterns: list[str]) -> float:
    newest = 0.0
    for pattern in patterns:
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            if (
                os.path.isfile(path)
                and "__pycache__" not in path
                and "/node_modules/" not in path
                and "/dist/" not in path
            ):
                newest = max(newest, os.path.getmtime(path))
    return newest


# --------------------------------------------------------------------------------------------
# 1-2. Environments
# --------------------------------------------------------------------------------------------


def setup_venv(notes: list[str], build: bool = True) -> str:
    """The venv with the comparison packages and, when it can be built, metaevents."""
    if not os.path.exists(VPY):
        log("creating .bench-venv")
        run([sys.executable, "-m", "venv", VENV])
    requirements = os.path.join(BENCH, "requirements.txt")
    stamp = os.path.join(VENV, ".requirements-stamp")
    digest = hashlib.sha256(Path(requirements).read_bytes()).hexdigest()
    if not os.path.exists(stamp) or Path(stamp).read_text() != digest:
        log("installing the comparison packages (pinned in bench/requirements.txt)")
        run(
            [VPY, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", requirements],
            logfile=os.path.join(LOGS, "pip-requirements.log"),
        )
        with open(stamp, "w") as f:
            f.write(digest)
    if not os.path.exists(os.path.join(ROOT, "python", "pyproject.toml")):
        notes.append("Python package: not built (python/pyproject.toml does not exist yet); its rows are skipped.")
        return "not built"
    sources = [
        "python/**/*",
        "bindings/python/**/*",
        "crates/metaevents/src/**/*",
        "crates/metaevents/Cargo.toml",
        "Cargo.lock",
    ]
    stamp = os.path.join(VENV, ".metaevents-stamp")
    installed = os.path.getmtime(stamp) if os.path.exists(stamp) else 0.0
    if newest_mtime(sources) > installed and not build:
        if run([VPY, "-c", "import metaevents"], check=False).returncode != 0:
            notes.append("Python package: not built into the bench venv (--no-build); its rows are skipped.")
            return "not built"
        notes.append(
            "Python package: its sources may have changed since it was built into the bench venv "
            "(not rebuilt: --no-build)."
        )
    elif newest_mtime(sources) > installed:
        log("building metaevents into the bench venv (pip install ./python; first time takes minutes)")
        logfile = os.path.join(LOGS, "pip-metaevents.log")
        env = {**os.environ, "PATH": os.path.join(VENV, "bin") + os.pathsep + os.environ.get("PATH", "")}
        proc = run(
            [
                VPY,
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--force-reinstall",
                "--no-deps",
                "--no-build-isolation",
                "./python",
            ],
            logfile=logfile,
            env=env,
            check=False,
        )
        if proc.returncode != 0:
            notes.append(
                f"Python package: not built (`pip install ./python` failed, see {os.path.relpath(logfile, ROOT)}); "
                "its rows are skipped."
            )
            run([VPY, "-m", "pip", "uninstall", "-q", "-y", "metaevents"], check=False)
            return "not built"
        with open(stamp, "w") as f:
            f.write(time.strftime("%Y-%m-%dT%H:%M:%S"))
    return "ok"


def setup_js(notes: list[str], build: bool = True) -> str:
    js = os.path.join(ROOT, "js")
    if not os.path.exists(os.path.join(js, "package.json")) or not shutil.which("node"):
        notes.append("npm package: not built (js/package.json or node missing); its rows are skipped.")
        return "not built"
    entry = os.path.join(js, "dist", "node.js")
    sources = [
        "js/src/**/*",
        "js/scripts/**/*",
        "js/package.json",
        "bindings/wasm/**/*.rs",
        "bindings/wasm/Cargo.toml",
        "crates/metaevents/src/**/*",
    ]
    built = os.path.getmtime(entry) if os.path.exists(entry) else 0.0
    if newest_mtime(sources) > built and not build:
        if built:
            notes.append(
                "npm package: js/dist is older than its sources (not rebuilt: --no-build); "
                "the existing build was measured."
            )
        else:
            notes.append("npm package: not built (--no-build); its rows are skipped.")
            return "not built"
    elif newest_mtime(sources) > built:
        log("building the npm package (cd js && npm install && npm run build)")
        try:
            run(
                ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=js,
                logfile=os.path.join(LOGS, "npm-install.log"),
            )
            run(["npm", "run", "build"], cwd=js, logfile=os.path.join(LOGS, "npm-build.log"))
        except RuntimeError as err:
            if os.path.exists(entry):
                notes.append(f"npm package: rebuild failed ({err}); the previous build was measured.")
            else:
                notes.append(f"npm package: not built ({err}); its rows are skipped.")
                return "not built"
    return "ok"


# --------------------------------------------------------------------------------------------
# 3. Corpora
# --------------------------------------------------------------------------------------------


def make_corpora(corpora: dict[str, int]) -> dict[str, dict]:
    os.makedirs(CORPUS, exist_ok=True)
    manifest_path = os.path.join(CORPUS, "manifest.json")
    manifest = json.loads(Path(manifest_path).read_text()) if os.path.exists(manifest_path) else {}
    generator_digest = hashlib.sha256(Path(BENCH, "gen_corpus.py").read_bytes()).hexdigest()[:16]
    info = {}
    for name, count in corpora.items():
        args = GENERATOR_ARGS[name] + ["--count", str(count), "--seed", str(SEED)]
        path = os.path.join(CORPUS, name)
        key = " ".join(args) + f" gen={generator_digest}"
        if manifest.get(name) != key or not os.path.exists(path):
            log(f"generating bench/corpus/{name} ({count} events)")
            run([sys.executable, os.path.join(BENCH, "gen_corpus.py"), *args, "--out", path])
            manifest[name] = key
            with open(manifest_path, "w") as f:
                json.dump(manifest, f, indent=1)
        info[name] = {"lines": count, "bytes": os.path.getsize(path), "args": " ".join(args)}
    return info


# --------------------------------------------------------------------------------------------
# 4-6. Measurements
# --------------------------------------------------------------------------------------------


def python_rows(mode: dict) -> dict:
    py = mode["py"]
    log("Python rows: parse and filter (interleaved, medians)")
    proc = run(
        [
            *pin(),
            VPY,
            os.path.join(BENCH, "py_bench.py"),
            "speed",
            "--corpus-dir",
            CORPUS,
            "--reps",
            str(py["reps"]),
            "--atlan-lines",
            str(py["atlan"]),
            "--datahub-lines",
            str(py["datahub"]),
        ]
    )
    speed = json.loads(proc.stdout)
    log("Python rows: memory held per parsed event")
    memory = []
    mem = mode["memory"]
    for corpus, impls in (
        ("atlan-envelope.ndjson", ["metaevents", "orjson", "pyatlan", "pyatlan_v9"]),
        ("datahub-ece.ndjson", ["metaevents", "orjson", "datahub_actions"]),
    ):
        platform_key = "atlan" if corpus.startswith("atlan") else "datahub"
        for impl in impls:
            if impl not in ("metaevents", "orjson") and not mem.get("peers_atlan"):
                continue  # --quick: the peers' memory (and their seconds-long imports) only in full runs
            lines = mem[platform_key] if impl in ("metaevents", "orjson") else mem[f"peers_{platform_key}"]
            proc = run(
                [
                    *pin(),
                    VPY,
                    os.path.join(BENCH, "py_bench.py"),
                    "memory",
                    "--impl",
                    impl,
                    "--corpus",
                    os.path.join(CORPUS, corpus),
                    "--lines",
                    str(lines),
                ],
                check=False,
            )
            try:
                result = json.loads(proc.stdout)
            except json.JSONDecodeError:
                result = {"status": f"failed: {(proc.stderr or '').strip().splitlines()[-1:]}"}
            memory.append({"impl": impl, "corpus": corpus, **result})
    log("Python rows: import time")
    imports = []
    for label, module, target in (
        ("metaevents", "metaevents", 0.050),
        ("orjson", "orjson", None),
        ("pyatlan (AtlanEvent, as its Lambda handler imports it)", "pyatlan.model.events", None),
        ("pyatlan_v9 (AtlanEvent)", "pyatlan_v9.model.events", None),
        (
            "datahub-actions (EntityChangeEvent, FilterTransformer)",
            "datahub_actions.plugin.transform.filter.filter_transformer, datahub_actions.event.event_registry",
            None,
        ),
    ):
        reps = mode["import_reps"] if target else mode["import_reps_peers"]
        proc = run(
            [*pin(), VPY, os.path.join(BENCH, "py_bench.py"), "import", "--module", module, "--reps", str(reps)],
            check=False,
        )
        try:
            result = json.loads(proc.stdout)
        except json.JSONDecodeError:
            result = {"status": "failed"}
        imports.append({"label": label, "module": module, "target": target, **result})
    return {"speed": speed, "memory": memory, "imports": imports}


def node_rows(mode: dict) -> dict | None:
    if not shutil.which("node"):
        return None
    n = mode["node"]
    log("Node rows (interleaved, medians)")
    proc = run(
        [
            *pin(),
            "node",
            "--expose-gc",
            os.path.join(BENCH, "node_bench.mjs"),
            "--corpus-dir",
            CORPUS,
            "--js-dir",
            os.path.join(ROOT, "js"),
            "--reps",
            str(n["reps"]),
            "--atlan-lines",
            str(n["atlan"]),
            "--datahub-lines",
            str(n["datahub"]),
            "--mixed-lines",
            str(n["mixed"]),
            "--datahub-pii",
            gen_corpus.DATAHUB_PII_TAG,
            "--atlan-pii",
            gen_corpus.ATLAN_PII_TAG,
        ]
    )
    return json.loads(proc.stdout)


def rust_rows(mode: dict, notes: list[str]) -> list[dict]:
    if not shutil.which("cargo"):
        notes.append("Rust rows: cargo not found.")
        return []
    log("Rust rows: building the criterion bench (cargo bench --no-run)")
    env = {**os.environ, "METAEVENTS_BENCH_CORPUS": CORPUS}
    try:
        run(
            ["cargo", "bench", "-p", "metaevents", "--bench", "throughput", "--no-run"],
            env=env,
            logfile=os.path.join(LOGS, "cargo-bench-build.log"),
        )
    except RuntimeError as err:
        notes.append(f"Rust rows: the bench does not build ({err}).")
        return []
    log("Rust rows: cargo bench (criterion)")
    started = time.time()
    logfile = os.path.join(LOGS, "cargo-bench.log")
    run(
        [*pin(), "cargo", "bench", "-p", "metaevents", "--bench", "throughput", "--", *mode["criterion"]],
        env=env,
        logfile=logfile,
        check=False,
    )
    rows = []
    for path in glob.glob(os.path.join(ROOT, "target", "criterion", "*", "*", "new", "estimates.json")):
        if os.path.getmtime(path) < started:
            continue  # an older run's result
        bench = json.loads(Path(os.path.dirname(path), "benchmark.json").read_text())
        estimates = json.loads(Path(path).read_text())
        throughput = bench.get("throughput") or {}
        rows.append(
            {
                "id": bench["full_id"],
                "median_ns": estimates["median"]["point_estimate"],
                "bytes": throughput.get("Bytes") or throughput.get("BytesDecimal"),
            }
        )
    # The bench prints the corpus sizes and event counts; keep them for events/s.
    counts = {}
    for line in Path(logfile).read_text(errors="replace").splitlines():
        # "datahub-ece: 10000 lines, 10000 events, 4246262 bytes"
        if ": " in line and " lines, " in line and " events, " in line:
            name, rest = line.strip().split(": ", 1)
            parts = rest.replace(",", "").split()
            counts[name] = {"lines": int(parts[0]), "events": int(parts[2])}
        # "datahub/selective: 100 of 10000 lines match (1.00%), literals ..."
        if " lines match (" in line:
            name, rest = line.strip().split(": ", 1)
            parts = rest.split()
            counts[name] = {"matches": int(parts[0]), "lines": int(parts[2])}
    for row in rows:
        group, bench_id = row["id"].split("/", 1)
        corpus_key = bench_id.rsplit("/", 1)[0]
        row["counts"] = counts.get(corpus_key if group == "parse" else bench_id, {})
    if not rows:
        notes.append(f"Rust rows: no criterion results (see {os.path.relpath(logfile, ROOT)}).")
    order = [
        "parse/datahub-ece/",
        "parse/datahub-platform-event/",
        "parse/atlan-envelope/",
        "parse/mixed/",
        "filter_ndjson/datahub/",
        "filter_ndjson/atlan/",
    ]
    return sorted(
        rows,
        key=lambda r: (next((i for i, prefix in enumerate(order) if r["id"].startswith(prefix)), len(order)), r["id"]),
    )


def cli_binary(notes: list[str]) -> str | None:
    """`cargo build --release -p metaevents-cli` (Parquet and Arrow are on in the CLI); its path."""
    if not shutil.which("cargo"):
        notes.append("CLI rows: cargo not found.")
        return None
    log("CLI rows: building the CLI (cargo build --release -p metaevents-cli)")
    try:
        run(
            ["cargo", "build", "--release", "-p", "metaevents-cli"],
            logfile=os.path.join(LOGS, "cargo-build-cli.log"),
        )
    except RuntimeError as err:
        notes.append(f"CLI rows: the CLI does not build ({err}).")
        return None
    metadata = json.loads(run(["cargo", "metadata", "--format-version", "1", "--no-deps"]).stdout)
    return os.path.join(metadata["target_directory"], "release", "metaevents")


def to_parquet(binary: str, corpus: str, threads: int | None, cores: str | None, logfile: str) -> dict:
    """One `metaevents normalize --output parquet` run: wall seconds and the peak RSS of the process
    (the kernel's high-water mark, from wait4), the output deleted."""
    out = os.path.join(CORPUS, f".bench-{os.getpid()}.parquet")
    cmd = [binary, "--quiet", "normalize", "--output", "parquet", "-o", out, corpus]
    if threads is not None:
        cmd[3:3] = ["--threads", str(threads)]
    if cores is not None and shutil.which("taskset"):
        cmd = ["taskset", "-c", cores, *cmd]
    try:
        with open(logfile, "a") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        # 1: some records were bad (reported on stderr), the file is still written.
        if proc.returncode not in (0, 1) or not os.path.getsize(out):
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): see {os.path.relpath(logfile, ROOT)}")
        return {"seconds": seconds, "peak_rss": usage.ru_maxrss * 1024, "parquet_bytes": os.path.getsize(out)}
    finally:
        if os.path.exists(out):
            os.unlink(out)


def cli_speed(binary: str, arrow: dict, corpora: dict, logfile: str) -> dict:
    """`normalize --output parquet` with --threads 1 (one core) and 2 (two), interleaved; medians."""
    corpus = os.path.join(CORPUS, arrow["cli_corpus"])
    log(f"CLI rows: normalize --output parquet, --threads 1 and 2 (interleaved, medians of {arrow['cli_reps']})")
    variants = [("1", 1, "0"), ("2", 2, "0,1")]
    to_parquet(binary, corpus, 2, "0,1", logfile)  # warm: the input in the page cache
    times: dict[str, list[float]] = {key: [] for key, _, _ in variants}
    for rep in range(arrow["cli_reps"]):
        for key, threads, cores in variants[rep % 2 :] + variants[: rep % 2]:
            times[key].append(to_parquet(binary, corpus, threads, cores, logfile)["seconds"])
    return {
        "corpus": arrow["cli_corpus"],
        "bytes": os.path.getsize(corpus),
        "lines": corpora[arrow["cli_corpus"]]["lines"],
        "median_s": {key: statistics.median(values) for key, values in times.items()},
        "times": times,
    }


def arrow_rows(mode: dict, corpora: dict, notes: list[str]) -> dict:
    arrow = mode["arrow"]
    results: dict[str, Any] = {"python": [], "cli": None, "memory": None}
    for threads in (1, 2):
        # One thread: pinned to one core like the other Python rows. Two: every engine gets two
        # threads and the machine's two cores (not pinned), so the comparison stays like for like.
        log(f"Arrow rows: Python, every engine on {threads} thread{'s' if threads > 1 else ''} (interleaved, medians)")
        cmd = [
            *(pin() if threads == 1 else []),
            VPY,
            os.path.join(BENCH, "py_bench.py"),
            "arrow",
            "--threads",
            str(threads),
            "--reps",
            str(arrow["reps"]),
            "--scratch-dir",
            CORPUS,
        ]
        for key in ("datahub", "atlan"):
            name, lines = arrow[key]
            cmd += [f"--{key}", f"{os.path.join(CORPUS, name)}:{lines}"]
        proc = run(cmd, check=False)
        try:
            results["python"].append(json.loads(proc.stdout))
        except json.JSONDecodeError:
            notes.append(f"Arrow rows (Python, {threads} threads) failed: {(proc.stderr or '').strip()[-300:]}")
    binary = cli_binary(notes)
    if binary is None:
        return results
    logfile = os.path.join(LOGS, "cli-parquet.log")
    Path(logfile).write_text("")
    try:
        results["cli"] = cli_speed(binary, arrow, corpora, logfile)
        corpus = os.path.join(CORPUS, arrow["memory_corpus"])
        log(f"CLI rows: peak RSS of normalize --output parquet over {os.path.getsize(corpus) / 1e6:,.0f} MB")
        results["memory"] = {
            "corpus": arrow["memory_corpus"],
            "bytes": os.path.getsize(corpus),
            "lines": corpora[arrow["memory_corpus"]]["lines"],
            "threads": os.cpu_count(),
            **to_parquet(binary, corpus, None, None, logfile),
        }
    except RuntimeError as err:
        notes.append(f"CLI rows: {err}")
    return results


# Instructions per event: the targets of the core that do not move with the machine's load.
CALLGRIND_TARGETS = {
    "datahub-ece parse_many": ("DataHub ECEs", 10_000),
    "atlan-envelope parse_many": ("Atlan envelopes", 45_000),
}


def callgrind_rows(notes: list[str]) -> dict | None:
    if not shutil.which("valgrind"):
        notes.append("Instruction counts: valgrind not found (apt-get install valgrind); rows skipped.")
        return None
    log("Rust core: instructions per event under callgrind (bench/callgrind.py)")
    out = os.path.join(CORPUS, "callgrind.json")
    logfile = os.path.join(LOGS, "callgrind.log")
    proc = run(
        [
            sys.executable,
            os.path.join(BENCH, "callgrind.py"),
            "--modes",
            "parse_many",
            "parse_many_lazy",
            "--top",
            "0",
            "--save",
            out,
        ],
        logfile=logfile,
        check=False,
    )
    if proc.returncode != 0 or not os.path.exists(out):
        notes.append(f"Instruction counts: bench/callgrind.py failed (see {os.path.relpath(logfile, ROOT)}).")
        return None
    return json.load(open(out))


# --------------------------------------------------------------------------------------------
# 7. The table
# --------------------------------------------------------------------------------------------


def fmt_rate(x: float | None) -> str:
    return "—" if x is None else f"{x:,.0f}"


def fmt_mb(x: float | None) -> str:
    return "—" if x is None else (f"{x:,.1f}" if x < 10_000 else f"{x:,.0f}")


def fmt_ratio(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.2f}x" if x < 0.1 else f"{x:.1f}x"


def met(value: float | None, target: float | None, at_most: bool = False) -> str:
    if target is None:
        return ""
    if value is None:
        return "not measured"
    return "yes" if (value <= target if at_most else value >= target) else "**no**"


class Table:
    def __init__(self):
        self.lines = ["| Row | events/s | MB/s | ratio | target | met? |", "|---|---:|---:|---:|---|---|"]

    def section(self, title: str) -> None:
        self.lines.append(f"| **{title}** | | | | | |")

    def row(self, label: str, rate=None, mb=None, ratio: str = "—", target: str = "", ok: str = "") -> None:
        label = label.replace("|", "\\|")
        self.lines.append(
            f"| {label} | {rate if isinstance(rate, str) else fmt_rate(rate)} "
            f"| {mb if isinstance(mb, str) else fmt_mb(mb)} | {ratio} | {target} | {ok} |"
        )

    def text(self) -> str:
        return "\n".join(self.lines)


def speed_groups(table: Table, groups: list[dict], kind: str, summary: list) -> None:
    """Rows of one language: the first row of each group is metaevents; ratios are its speed ÷ each row's."""
    for group in groups:
        mb_total = group["bytes"] / 1e6
        extra = f", {group['matches']:,} match" if group.get("matches") is not None else ""
        table.section(f"{group['title']} — {group['lines']:,} lines, {mb_total:.1f} MB{extra}")
        rows = group["rows"]
        head = rows[0]
        head_time = head.get("median_s")
        for index, row in enumerate(rows):
            label = row["label"] + (" *(info)*" if row.get("info") else "")
            if row.get("status") != "ok" or row.get("median_s") is None:
                status = row.get("status", "not run")
                table.row(
                    label,
                    status,
                    "—",
                    "—",
                    target_text(row.get("target")),
                    ("row failed" if status.startswith("failed") else "not built") if row.get("target") else "",
                )
                if row.get("target"):
                    summary.append((kind, group["title"], row["label"], None, row["target"]))
                continue
            seconds = row["median_s"]
            rate = group["lines"] / seconds
            mb = group["bytes"] / 1e6 / seconds
            ratio = None if index == 0 or head_time is None else seconds / head_time
            table.row(label, rate, mb, fmt_ratio(ratio), target_text(row.get("target")), met(ratio, row.get("target")))
            if row.get("target"):
                summary.append((kind, group["title"], row["label"], ratio, row["target"]))
        if group.get("agree") is False:
            table.row(f"⚠ the rows disagree on the matches: {group.get('disagreement')}")


def target_text(target: float | None) -> str:
    return "" if target is None else f"≥ {target:.1f}x"


def arrow_table(table: Table, arrow: dict, summary: list) -> None:
    """The Arrow rows: Python tables per thread count, the CLI's Parquet speed-up and peak RSS."""
    for part in arrow["python"]:
        speed_groups(table, part["groups"], "arrow", summary)
    cli = arrow.get("cli")
    if cli:
        mb_total = cli["bytes"] / 1e6
        table.section(
            f"CLI `metaevents normalize --output parquet -o FILE`, {cli['corpus']} — {cli['lines']:,} lines, "
            f"{mb_total:.1f} MB; ratio = speed-up of 2 threads over 1"
        )
        one, two = cli["median_s"]["1"], cli["median_s"]["2"]
        table.row("--threads 1, pinned to one core (taskset -c 0)", cli["lines"] / one, mb_total / one)
        ratio = one / two
        table.row(
            "--threads 2 on two cores (taskset -c 0,1)",
            cli["lines"] / two,
            mb_total / two,
            fmt_ratio(ratio),
            "≥ 1.7x",
            met(ratio, 1.7),
        )
        summary.append(("arrow", "cli", "Parquet speed-up on 2 threads", ratio, 1.7))
    memory = arrow.get("memory")
    if memory:
        mb_total = memory["bytes"] / 1e6
        peak_mb = memory["peak_rss"] / 1e6
        table.section(
            f"CLI peak RSS, `normalize --output parquet` of {memory['corpus']} — {memory['lines']:,} lines, "
            f"{mb_total:,.0f} MB, default threads ({memory['threads']} cores)"
        )
        table.row(
            f"peak RSS (wait4 ru_maxrss) {peak_mb:,.0f} MB; Parquet {memory['parquet_bytes'] / 1e6:,.0f} MB",
            memory["lines"] / memory["seconds"],
            mb_total / memory["seconds"],
            "—",
            "≤ 200 MB",
            met(peak_mb, 200.0, at_most=True),
        )
        summary.append(("arrow", "memory", "peak RSS converting NDJSON to Parquet", peak_mb, 200.0, "at_most"))


def build_table(results: dict) -> tuple[str, list]:
    table = Table()
    summary: list = []
    py = results.get("python")
    if py:
        speed_groups(table, py["speed"]["groups"], "python", summary)
        table.section("Python memory held per parsed event (RSS growth ÷ events; ratio = held bytes ÷ input bytes)")
        for m in py["memory"]:
            corpus = "Atlan envelopes" if m["corpus"].startswith("atlan") else "DataHub ECEs"
            what = {
                "metaevents": "metaevents Event",
                "orjson": "orjson dict",
                "pyatlan": "pyatlan AtlanEvent",
                "pyatlan_v9": "pyatlan_v9 AtlanEvent",
                "datahub_actions": "datahub-actions EntityChangeEvent",
            }[m["impl"]]
            target = 2.0 if m["impl"] == "metaevents" else None
            if m.get("status") != "ok":
                table.row(
                    f"{what}, {corpus}",
                    m.get("status", "failed"),
                    "—",
                    "—",
                    "≤ 2.0x" if target else "",
                    "not built" if target else "",
                )
                if target:
                    summary.append(("python", "memory", f"{what}, {corpus}", None, target))
                continue
            ratio = m["bytes_per_event"] / m["input_per_event"]
            label = (
                f"{what}, {corpus}: {m['bytes_per_event'] / 1024:,.1f} KiB held per event "
                f"(input {m['input_per_event'] / 1024:,.2f} KiB; {m['events']:,} held, "
                f"peak RSS {m['peak_rss'] / 2**20:,.0f} MiB)"
            )
            table.row(label, "—", "—", fmt_ratio(ratio), "≤ 2.0x" if target else "", met(ratio, target, at_most=True))
            if target:
                summary.append(("python", "memory", f"{what}, {corpus}", ratio, target, "at_most"))
        table.section("Python import time (fresh interpreter, median)")
        for imp in py["imports"]:
            target = imp.get("target")
            if imp.get("status") != "ok":
                table.row(
                    f"import {imp['label']}",
                    imp.get("status", "failed"),
                    "—",
                    "—",
                    "≤ 50 ms" if target else "",
                    "not built" if target else "",
                )
                if target:
                    summary.append(("python", "import", imp["label"], None, target))
                continue
            ms = imp["median_s"] * 1000
            table.row(
                f"import {imp['label']}: {ms:,.1f} ms",
                "—",
                "—",
                "—",
                "≤ 50 ms" if target else "",
                met(imp["median_s"], target, at_most=True),
            )
            if target:
                summary.append(("python", "import", imp["label"], imp["median_s"], target, "at_most"))
    arrow = results.get("arrow")
    if arrow:
        arrow_table(table, arrow, summary)
    node = results.get("node")
    rust = {r["id"]: r for r in results.get("rust", [])}
    if node:
        speed_groups(table, node["groups"], "node", summary)
        mixed = next((g for g in node["groups"] if g["id"] == "parse-mixed"), None)
        table.section("WebAssembly in Node vs native Rust — the same work on the same lines")
        # Like for like: filter_ndjson with an all-match filter parses, normalizes and matches
        # every line and returns only line indexes, in wasm and natively alike.
        like_for_like = [
            ("filter-datahub-all", "filter_ndjson/datahub/all-match", "DataHub ECEs"),
            ("filter-atlan-all", "filter_ndjson/atlan/all-match", "Atlan envelopes"),
        ]
        for node_id, rust_id, what in like_for_like:
            group = next((g for g in node["groups"] if g["id"] == node_id), None)
            native = rust.get(rust_id)
            label = f"filterNdjson, every line matching, {what}: Node (wasm) ÷ Rust filter_ndjson (criterion)"
            node_mb = (
                group["bytes"] / 1e6 / group["rows"][0]["median_s"]
                if group and group["rows"][0].get("median_s")
                else None
            )
            native_mb = native["bytes"] / 1e6 / (native["median_ns"] / 1e9) if native else None
            ratio = node_mb / native_mb if node_mb and native_mb else None
            if node_mb is None:
                table.row(label, "not built", "—", "—", f"≥ {WASM_TARGET}x", "not built")
            else:
                table.row(
                    label + (f"; native {native_mb:,.1f} MB/s" if native_mb else "; native not measured"),
                    group["lines"] / group["rows"][0]["median_s"],
                    node_mb,
                    fmt_ratio(ratio),
                    f"≥ {WASM_TARGET}x",
                    met(ratio, WASM_TARGET),
                )
            summary.append(("node", "wasm", f"wasm ÷ native, {what}", ratio, WASM_TARGET))
        # parseMany also builds a JS object per event (JSON text across the boundary, then
        # JSON.parse): information on what the JS API costs on top of the core.
        node_mb = None
        if mixed and mixed["rows"][0].get("median_s"):
            node_mb = mixed["bytes"] / 1e6 / mixed["rows"][0]["median_s"]
        native_mb = native_mb_mixed = (
            rust["parse/mixed/parse_many"]["bytes"] / 1e6 / (rust["parse/mixed/parse_many"]["median_ns"] / 1e9)
            if "parse/mixed/parse_many" in rust
            else None
        )
        ratio = node_mb / native_mb if node_mb and native_mb else None
        label = "parseMany in Node, mixed NDJSON, events as JS objects ÷ Rust parse_many *(info)*"
        if node_mb is not None:
            table.row(
                label + (f"; native {native_mb_mixed:,.1f} MB/s" if native_mb_mixed else ""),
                mixed["lines"] / mixed["rows"][0]["median_s"],
                node_mb,
                fmt_ratio(ratio),
                "",
                "",
            )
    if rust:
        table.section("Rust core (criterion medians, cargo bench -p metaevents --bench throughput)")
        for row in rust.values():
            seconds = row["median_ns"] / 1e9
            mb = row["bytes"] / 1e6 / seconds if row.get("bytes") else None
            counts = row.get("counts", {})
            n = counts.get("events") or counts.get("lines")
            rate = n / seconds if n else None
            group, name = row["id"].split("/", 1)
            if group == "parse":
                target, label = 300.0, f"parse + normalize: {name}"
            else:
                target = 1000.0 if "selective" in name else None
                share = f" ({counts['matches']:,} of {counts['lines']:,} lines match)" if "matches" in counts else ""
                label = f"filter_ndjson: {name}{share}"
            table.row(label, rate, mb, "—", f"≥ {target:,.0f} MB/s" if target else "", met(mb, target))
            if target:
                summary.append(("rust", group, name, mb, target))
    counts = results.get("callgrind")
    if counts:
        table.section(
            "Rust core, instructions per event under callgrind (load-independent; `scripts/callgrind`, "
            "5,000 lines; SHA-256 left out of the count: valgrind runs it in software, the CPU with SHA-NI)"
        )
        for key, (what, target) in CALLGRIND_TARGETS.items():
            result = counts.get(key)
            if not result:
                continue
            events = max(result["events"], 1)
            sha = result["categories"].get("sha256", 0)
            without = (result["total"] - sha) / events
            label = (
                f"parse_many, {what}: {without:,.0f} instructions per event without SHA-256 "
                f"({result['total'] / events:,.0f} with SHA-256 in software)"
            )
            table.row(label, "—", "—", "—", f"≤ {target:,} instructions", met(without, target, at_most=True))
            summary.append(("rust", "instructions", what, without, target, "at_most"))
        # What the Python and JavaScript bindings run: ids left for first use.
        for key, (what, _) in CALLGRIND_TARGETS.items():
            result = counts.get(key.replace("parse_many", "parse_many_lazy"))
            if result:
                per_event = result["total"] / max(result["events"], 1)
                label = f"parse_many with lazy ids (as the bindings parse), {what}: {per_event:,.0f} instructions"
                table.row(label + " *(info)*", "—", "—", "—")
    return table.text(), summary


def machine_info() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass

    def version(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "not found"

    commit = version(["git", "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": platform.platform(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "rustc": version(["rustc", "-V"]),
        "node": version(["node", "-v"]),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "taskset": bool(pin()),
    }


def write_results(results: dict, args: argparse.Namespace) -> str:
    table, summary = build_table(results)
    machine = results["machine"]
    versions = (results.get("python") or {}).get("speed", {}).get("versions") or next(
        iter(part.get("versions", {}) for part in (results.get("arrow") or {}).get("python", [])), {}
    )
    node_versions = (results.get("node") or {}).get("versions", {})
    corpora = results["corpora"]
    missed = [s for s in summary if s[3] is not None and not (s[3] <= s[4] if len(s) > 5 else s[3] >= s[4])]
    unmeasured = [s for s in summary if s[3] is None]
    lines = [
        "# Benchmark results",
        "",
        f"`scripts/bench{' --quick' if args.quick else ''}` on {results['date']} ({results['elapsed_s']:.0f} s). "
        "Written by `bench/run.py`; do not edit by hand.",
        "",
        "Every row of a group runs on the same lines, in the same process, with repetitions interleaved "
        "(A B C, B C A, ...) and the median kept; Python, Node and the criterion run are pinned to one core"
        + (" (`taskset -c 0`)." if machine["taskset"] else " (taskset not available here: not pinned)."),
        "**ratio** = metaevents' speed ÷ that row's speed (the first row of each group is metaevents), "
        "except memory (held bytes ÷ input bytes) and WebAssembly (Node ÷ native).",
        "",
        f"Targets met: {sum(1 for s in summary if s[3] is not None) - len(missed)} of {len(summary)}"
        + (f"; not measured (package not built or row failed): {len(unmeasured)}" if unmeasured else "")
        + ".",
        "",
        table,
        "",
        "## Machine",
        "",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores, {machine['memory']} RAM; {machine['os']}",
        (
            f"- Load average when the run started: {machine['load']} "
            "(the machine may be shared: compare ratios, not absolute speeds)"
        ),
        f"- {machine['rustc']}; Node {machine['node']}; Python {versions.get('python', '?')}",
        f"- Commit {machine['commit']}",
        "",
        "## Versions compared",
        "",
        (
            f"- metaevents (Python): {versions.get('metaevents', 'not installed')}; "
            f"metaevents (npm): {node_versions.get('metaevents') or 'not built'}"
        ),
        (
            f"- pyatlan {versions.get('pyatlan', '?')} (its distribution also ships `pyatlan_v9`), "
            f"pydantic {versions.get('pydantic', '?')}, msgspec {versions.get('msgspec', '?')}"
        ),
        (
            f"- acryl-datahub-actions {versions.get('acryl-datahub-actions', '?')} "
            f"(acryl-datahub {versions.get('acryl-datahub', '?')})"
        ),
        f"- orjson {versions.get('orjson', '?')}",
        (
            f"- pyarrow {versions.get('pyarrow', '?')}, polars {versions.get('polars', '?')}, "
            f"duckdb {versions.get('duckdb', '?')}"
        ),
        "",
        "## Corpora",
        "",
        f"Generated by `bench/gen_corpus.py` (seed {SEED}) into `bench/corpus/`:",
        "",
    ]
    for name, info in corpora.items():
        lines.append(f"- `{name}`: {info['lines']:,} events, {info['bytes'] / 1e6:.1f} MB (`{info['args']}`)")
    lines += [
        "",
        "Python rows use the first lines of a corpus (the counts in each group's title); the Atlan corpus keeps to the "
        "six operation types pyatlan's models accept, so every row parses every line.",
        "",
    ]
    if results["notes"]:
        lines += ["## Notes", ""] + [f"- {note}" for note in results["notes"]] + [""]
    text = "\n".join(lines)
    # A run of some rows only (--only) leaves RESULTS.md, the record of a whole run, alone.
    with open(results_path(args), "w") as f:
        f.write(text)
    with open(
        os.path.join(CORPUS, "results.json"), "w"
    ) as f:  # the raw measurements, beside the corpora (not committed)
        json.dump(results, f, indent=1)
    return table


def results_path(args: argparse.Namespace) -> str:
    return os.path.join(CORPUS, "RESULTS-only.md") if args.only else os.path.join(BENCH, "RESULTS.md")


def main() -> int:
    parser = argparse.ArgumentParser(
        description="metaevents benchmarks against pyatlan, datahub-actions, orjson and JSON.parse"
    )
    parser.add_argument(
        "--quick", action="store_true", help="small corpora and short runs (under 3 minutes once built)"
    )
    parser.add_argument("--skip", nargs="*", default=[], choices=ROW_SETS, help="leave these rows out")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=ROW_SETS,
        help="run these rows only and write bench/corpus/RESULTS-only.md (RESULTS.md is left alone)",
    )
    parser.add_argument(
        "--no-build",
        action="store_true",
        help="measure the Python and npm packages as they are built now; never rebuild them",
    )
    args = parser.parse_args()
    mode = MODES["quick" if args.quick else "full"]
    started = time.time()
    notes: list[str] = []
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(),
        "mode": "quick" if args.quick else "full",
        "notes": notes,
    }
    if not results["machine"]["taskset"]:
        notes.append("taskset not found: processes were not pinned to one core.")
    selected = set(args.only) if args.only else set(ROW_SETS) - set(args.skip)
    if selected & {"python", "arrow"}:
        setup_venv(notes, build=not args.no_build)
    if "node" in selected:
        setup_js(notes, build=not args.no_build)
    results["corpora"] = make_corpora({**mode["corpora"], **(mode["arrow"]["corpora"] if "arrow" in selected else {})})
    if "python" in selected:
        results["python"] = python_rows(mode)
    if "arrow" in selected:
        results["arrow"] = arrow_rows(mode, results["corpora"], notes)
    if "node" in selected:
        results["node"] = node_rows(mode)
    if "rust" in selected:
        results["rust"] = rust_rows(mode, notes)
    if "callgrind" in selected:
        results["callgrind"] = callgrind_rows(notes)
    results["elapsed_s"] = time.time() - started
    table = write_results(results, args)
    print(table)
    log(f"wrote {os.path.relpath(results_path(args), ROOT)} in {results['elapsed_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
