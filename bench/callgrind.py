#!/usr/bin/env python3
"""Instructions per event of the Rust core under callgrind: the load-independent speed figure.

Entry point: `scripts/callgrind`. Standard library only; needs valgrind.

    scripts/callgrind                              parse_many over 5k DataHub ECEs and 5k Atlan envelopes
    scripts/callgrind --modes parse_many filter_all filter_selective
    scripts/callgrind --save before.json           keep the figures ...
    scripts/callgrind --baseline before.json       ... and show them beside the next run's
    scripts/callgrind --ref main --time --corpora datahub-ece atlan-envelope datahub-platform-event mixed
                                                   before (main) and after in one run: instructions
                                                   and wall-clock throughput, the builds interleaved

Builds `crates/metaevents/examples/instructions.rs` (release profile, line tables for
attribution, in target/callgrind so it never disturbs other builds), generates the corpora with
bench/gen_corpus.py (seed 42) and runs the example under `valgrind --tool=callgrind`, collecting
only inside its `measured_*` function (start-up and reading the file do not count).

SHA-256: valgrind does not run the SHA extensions (SHA-NI), so under it the `sha2` crate takes its
portable software path, about 110 instructions per byte hashed, where the CPU's SHA-NI path is a
few. Every figure is therefore given twice: with SHA-256 as valgrind runs it (software), and with
the `sha2` functions left out (what the rest of the core costs). Attribution is by source file
of each instruction (inlined code counts where it was written), calls into libc (malloc, free,
memcpy) count where they are made.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "target", "callgrind")
EXAMPLE = os.path.join(TARGET, "release", "examples", "instructions")
CORPUS = os.path.join(ROOT, "bench", "corpus")

CORPORA = {
    "datahub-ece": ["--platform", "datahub", "--format", "ece"],
    "atlan-envelope": ["--platform", "atlan", "--format", "envelope", "--documented-only"],
    "datahub-platform-event": ["--platform", "datahub", "--format", "platform-event"],
    "datahub-mcl": ["--platform", "datahub", "--format", "mcl"],
    "atlas-notification": ["--platform", "atlas", "--format", "envelope"],
    "mixed": ["--platform", "mixed"],
}
DEFAULT_CORPORA = ["datahub-ece", "atlan-envelope"]
MODES = ["parse_many", "parse_many_lazy", "filter_all", "filter_selective", "filter_actions"]

# Category of an instruction by the source file it was written in (first match wins).
FILE_CATEGORIES = [
    ("/sha2-", "sha256"),
    ("/sha2/", "sha256"),
    ("metaevents/src/json/canonical.rs", "id: canonical JSON"),
    ("/itoa-", "id: canonical JSON"),
    ("/ryu-", "id: canonical JSON"),
    ("/core/src/slice/sort/", "json: object sort"),
    ("metaevents/src/json/", "json: parse"),
    ("/serde_json-1", "json: parse"),  # refined below: serde_json's Value code is event building
    ("/bumpalo-", "json: parse"),
    ("metaevents/src/normalize/", "normalize"),
    ("metaevents/src/catalog/", "normalize"),
    ("metaevents/src/input/", "envelopes, detect"),
    ("metaevents/src/model/", "event: build, raw"),
    ("metaevents/src/stream/", "stream reader"),
    ("metaevents/src/filter/", "filter"),
    ("/memchr-", "stream reader"),
]
# Code of generic crates (core, alloc, std) counts by the function it runs in.
FUNCTION_CATEGORIES = [
    (
        re.compile(
            r"drop_in_place<metaevents::model|Arc<T,A>::drop_slow|drop_in_place<metaevents::parser|drop_in_place<metaevents::model::event::Record"
        ),
        "event: drop",
    ),
    (re.compile(r"^sha2::"), "sha256"),
    (re.compile(r"json::canonical"), "id: canonical JSON"),
    (re.compile(r"json::tree|json::parse|serde_json::de|StrRead|serde_core::de"), "json: parse"),
    (re.compile(r"metaevents::normalize|metaevents::catalog|Details"), "normalize"),
    (re.compile(r"metaevents::input"), "envelopes, detect"),
    (re.compile(r"metaevents::model"), "event: build, raw"),
    (re.compile(r"metaevents::stream|EventReader"), "stream reader"),
    (re.compile(r"metaevents::filter|filter_ndjson|matches"), "filter"),
    (re.compile(r"measured_"), "stream reader"),
]
CALLBACKS = re.compile(r"start_main|below main|_dl_|__cxa|exit")
SERDE_VALUE = re.compile(r"serde_json-[^/]*/src/(value/|map\.rs|number\.rs)")

CATEGORY_ORDER = [
    "json: parse",
    "json: object sort",
    "id: canonical JSON",
    "sha256",
    "envelopes, detect",
    "normalize",
    "event: build, raw",
    "event: drop",
    "stream reader",
    "filter",
    "other",
]


def file_category(file: str) -> str | None:
    if SERDE_VALUE.search(file):
        return "normalize"
    for needle, name in FILE_CATEGORIES:
        if needle in file:
            return name
    return None


def function_category(function: str) -> str | None:
    for pattern, name in FUNCTION_CATEGORIES:
        if pattern.search(function):
            return name
    return None


def is_libc(obj: str) -> bool:
    return "libc.so" in obj or "ld-linux" in obj or "libm.so" in obj


def analyse(path: str) -> dict:
    """Instructions by category and by function from one callgrind output file.

    An instruction counts in the category of the source file it was written in; code of generic
    crates (core, alloc, std) in the category its function's name says, else in that of the
    function's biggest caller (so `RawVec::finish_grow` counts where vectors grow most).
    """
    names: dict[str, dict[str, str]] = {"ob": {}, "fl": {}, "fn": {}}
    kind_of = {
        "ob": "ob",
        "cob": "ob",
        "fl": "fl",
        "fi": "fl",
        "fe": "fl",
        "cfi": "fl",
        "cfl": "fl",
        "fn": "fn",
        "cfn": "fn",
    }

    def name(key: str, value: str) -> str:
        table = names[kind_of[key]]
        match = re.match(r"\((\d+)\)(?: (.*))?$", value)
        if not match:
            return value
        ident, text = match.groups()
        if text is not None:
            table[ident] = text
            return text
        return table.get(ident, ident)

    def plain(function: str) -> str:
        return re.sub(r"'\d+$", "", function)

    # (function, category or None) -> cost; callee -> caller -> inclusive cost.
    costs: dict[tuple[str, str | None], int] = defaultdict(int)
    callers: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    obj = file = fn_file = function = ""
    call_obj = callee = ""
    pending_call = False
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            head = line[0]
            if head.isdigit() or head in "+-*":
                parts = line.split()
                if len(parts) < 2:
                    continue
                cost = int(parts[1])
                if pending_call:
                    pending_call = False
                    callee_obj, call_obj = call_obj or obj, ""
                    if is_libc(obj):
                        continue
                    # Calls into libc (malloc, free, memcpy, ...) count where they are made; not
                    # those that call back into the program.
                    if is_libc(callee_obj):
                        if not CALLBACKS.search(callee):
                            costs[(function, file_category(file))] += cost
                    elif plain(callee) != function:
                        callers[plain(callee)][function] += cost
                    continue
                if not is_libc(obj):
                    costs[(function, file_category(file))] += cost
                continue
            key, _, value = line.partition("=")
            if key == "ob":
                obj = name(key, value)
            elif key == "fl":
                fn_file = file = name(key, value)
            elif key in ("fi", "fe"):
                file = name(key, value)
            elif key == "fn":
                function = plain(name(key, value))
                file = fn_file
            elif key == "cob":
                call_obj = name(key, value)
            elif key in ("cfi", "cfl"):
                name(key, value)
            elif key == "cfn":
                callee = name(key, value)
            elif key == "calls":
                pending_call = True

    resolved: dict[str, str] = {}

    def resolve(function: str, seen: frozenset = frozenset()) -> str:
        if function in resolved:
            return resolved[function]
        found = function_category(function)
        if found is None and function not in seen and callers.get(function):
            biggest = max(callers[function].items(), key=lambda item: item[1])[0]
            found = resolve(biggest, seen | {function})
        resolved[function] = found or "other"
        return resolved[function]

    by_category: dict[str, int] = defaultdict(int)
    by_function: dict[str, int] = defaultdict(int)
    for (function, cat), cost in costs.items():
        by_category[cat or resolve(function)] += cost
        by_function[function] += cost
    total = sum(by_category.values())
    return {"total": total, "categories": dict(by_category), "functions": dict(by_function)}


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kwargs)


def build_env(target_dir: str) -> dict:
    return dict(os.environ, CARGO_TARGET_DIR=target_dir, CARGO_PROFILE_RELEASE_DEBUG="line-tables-only")


def build() -> str:
    run(
        ["cargo", "build", "--release", "--locked", "-p", "metaevents", "--example", "instructions"],
        cwd=ROOT,
        env=build_env(TARGET),
    )
    return EXAMPLE


def build_ref(ref: str) -> tuple[str, str]:
    """Builds the same example against the core at git `ref` (its source exported with `git
    archive` under target/callgrind/ref/, nothing checked out); returns (commit, binary)."""
    commit = run(
        ["git", "rev-parse", "--verify", f"{ref}^{{commit}}"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    base = os.path.join(TARGET, "ref", commit[:12])
    src = os.path.join(base, "src")
    if not os.path.exists(os.path.join(src, "Cargo.toml")):
        os.makedirs(src, exist_ok=True)
        archive = subprocess.Popen(["git", "archive", commit], cwd=ROOT, stdout=subprocess.PIPE)
        run(["tar", "-x", "-C", src], stdin=archive.stdout)
        archive.wait()
    example = os.path.join(src, "crates", "metaevents", "examples", "instructions.rs")
    shutil.copyfile(os.path.join(ROOT, "crates", "metaevents", "examples", "instructions.rs"), example)
    run(
        ["cargo", "build", "--release", "--locked", "-p", "metaevents", "--example", "instructions"],
        cwd=src,
        env=build_env(os.path.join(base, "target")),
    )
    return commit, os.path.join(base, "target", "release", "examples", "instructions")


def corpus(name: str, count: int) -> str:
    path = os.path.join(CORPUS, f"callgrind-{name}-{count}.ndjson")
    if not os.path.exists(path):
        os.makedirs(CORPUS, exist_ok=True)
        run(
            [
                sys.executable,
                os.path.join(ROOT, "bench", "gen_corpus.py"),
                *CORPORA[name],
                "--count",
                str(count),
                "--seed",
                "42",
                "--out",
                path,
            ]
        )
    return path


def measure(binary: str, corpus_path: str, mode: str, out: str) -> dict:
    proc = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            "--toggle-collect=*measured_*",
            binary,
            corpus_path,
            mode,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    summary = dict(item.split("=", 1) for item in proc.stdout.split())
    result = analyse(out)
    result["lines"] = int(summary["lines"])
    result["events"] = int(summary["events"])
    result["bytes"] = int(summary["bytes"])
    result["file"] = out
    return result


def time_passes(binaries: dict[str, str], corpus_path: str, mode: str, rounds: int, seconds: float) -> dict[str, float]:
    """Median seconds per pass of each binary, their runs interleaved (A B, B A, ...) and pinned to
    one core, so that the load of a shared machine falls on both alike."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    samples: dict[str, list[float]] = {label: [] for label in binaries}
    labels = list(binaries)
    for round_index in range(rounds):
        order = labels if round_index % 2 == 0 else labels[::-1]
        for label in order:
            out = run(
                [*pin, binaries[label], corpus_path, mode, "--time", str(seconds)], capture_output=True, text=True
            ).stdout
            value = dict(item.split("=", 1) for item in out.split())["seconds_per_pass"]
            samples[label].append(float(value))
    return {label: statistics.median(values) for label, values in samples.items()}


def held_per_event(binary: str, corpus_path: str) -> float | None:
    out = run([binary, corpus_path, "hold"], capture_output=True, text=True).stdout
    value = dict(item.split("=", 1) for item in out.split()).get("held_bytes_per_event")
    return float(value) if value else None


def per(value: int, count: int) -> str:
    return f"{value / max(count, 1):,.0f}"


def report(results: dict, baseline: dict | None, top: int) -> None:
    for key, result in results.items():
        lines = result["lines"]
        sha = result["categories"].get("sha256", 0)
        before = (baseline or {}).get(key)
        print(
            f"\n## {key}: {lines:,} lines, {result['bytes'] / lines:,.0f} bytes per line, {result['events']:,} events"
        )

        def row(label: str, value: int, old: int | None, lines: int = lines, before: dict | None = before) -> None:
            cells = f"{label:<34} {per(value, lines):>9}"
            if old is not None and before:
                old_per = old / max(before["lines"], 1)
                new_per = value / max(lines, 1)
                change = f"{new_per / old_per:.2f}x" if old_per else "-"
                cells = f"{label:<34} {old_per:>9,.0f} {new_per:>9,.0f} {change:>7}"
            print(cells)

        if before:
            print(f"{'instructions per line':<34} {'before':>9} {'after':>9} {'ratio':>7}")
        else:
            print(f"{'instructions per line':<34} {'':>9}")
        old_sha = before["categories"].get("sha256", 0) if before else None
        row("total, SHA-256 in software", result["total"], before["total"] if before else None)
        row("total without SHA-256", result["total"] - sha, before["total"] - old_sha if before else None)
        for name in CATEGORY_ORDER:
            value = result["categories"].get(name, 0)
            old = before["categories"].get(name, 0) if before else None
            if value or old:
                row(f"  {name}", value, old)
        functions = sorted(result["functions"].items(), key=lambda item: -item[1])[:top]
        if top:
            print("top functions (self + their libc calls, per line):")
            for function, value in functions:
                print(f"  {per(value, lines):>9}  {function[:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000, help="lines per corpus (default 5000)")
    parser.add_argument("--modes", nargs="+", default=["parse_many"], choices=MODES)
    parser.add_argument("--corpora", nargs="+", default=DEFAULT_CORPORA, choices=list(CORPORA))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--save", help="write the figures to this JSON file")
    parser.add_argument("--baseline", help="a file written by --save, shown beside these figures")
    parser.add_argument(
        "--ref",
        help="also build the core at this git commit (e.g. main) and show its figures beside these, "
        "measured in the same run",
    )
    parser.add_argument(
        "--time",
        action="store_true",
        help="also time one pass (wall clock, median; with --ref, the two builds interleaved)",
    )
    parser.add_argument(
        "--memory",
        action="store_true",
        help="also the resident memory that holding every event adds, per event (with --ref, both builds)",
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="timed runs per build with --time (default 5, about a second each)"
    )
    parser.add_argument("--top", type=int, default=15, help="how many top functions to list (0: none)")
    args = parser.parse_args()
    binary = EXAMPLE if args.no_build else build()
    ref_binary = None
    if args.ref:
        commit, ref_binary = build_ref(args.ref)
        print(f"before: {args.ref} ({commit[:12]}); after: the working tree")
    out_dir = os.path.join(TARGET, "out")
    os.makedirs(out_dir, exist_ok=True)
    results, before, timings, memory = {}, {}, {}, {}
    for name in args.corpora:
        path = corpus(name, args.count)
        for mode in args.modes:
            key = f"{name} {mode}"
            stem = os.path.join(out_dir, f"{os.path.basename(path)}.{mode}")
            results[key] = measure(binary, path, mode, stem + ".callgrind")
            if ref_binary:
                before[key] = measure(ref_binary, path, mode, stem + ".ref.callgrind")
            if args.time:
                binaries = {"after": binary} | ({"before": ref_binary} if ref_binary else {})
                timings[key] = time_passes(binaries, path, mode, args.rounds, 1.0)
        if args.memory:
            binaries = {"after": binary} | ({"before": ref_binary} if ref_binary else {})
            memory[name] = {label: held_per_event(program, path) for label, program in binaries.items()}
            memory[name]["input"] = os.path.getsize(path) / max(results[f"{name} {args.modes[0]}"]["lines"], 1)
    if args.baseline and not ref_binary:
        with open(args.baseline, encoding="utf-8") as handle:
            before = json.load(handle)
    print("Instructions per line under callgrind (load-independent). SHA-256 is given both ways: valgrind")
    print("runs the sha2 crate's software path (it has no SHA-NI), so 'without SHA-256' is the rest of the core.")
    report(results, before or None, args.top)
    if timings:
        print("\n## Wall clock: one pass, median of interleaved runs pinned to one core (MB/s of input)")
        print(f"{'':<40} {'before':>10} {'after':>10} {'speed-up':>9}")
        for key, timing in timings.items():
            size = results[key]["bytes"] / 1e6
            after = size / timing["after"]
            if "before" in timing:
                old = size / timing["before"]
                print(f"{key:<40} {old:>10,.1f} {after:>10,.1f} {after / old:>8.2f}x")
            else:
                print(f"{key:<40} {'':>10} {after:>10,.1f}")
    if memory:
        print("\n## Memory held per event (resident memory added by holding every event of the corpus; Rust only)")
        print(f"{'':<28} {'input':>8} {'before':>16} {'after':>16}")
        for name, held in memory.items():
            cells = [
                f"{held[label]:>7,.0f} B {held[label] / held['input']:>5.2f}x" if held.get(label) else f"{'':>16}"
                for label in ("before", "after")
            ]
            print(f"{name:<28} {held['input']:>6,.0f} B {cells[0]} {cells[1]}")
    if args.save:
        with open(args.save, "w", encoding="utf-8") as handle:
            json.dump(
                {
                    key: {k: v for k, v in value.items() if k != "functions"}
                    | {"functions": dict(sorted(value["functions"].items(), key=lambda item: -item[1])[:60])}
                    for key, value in results.items()
                },
                handle,
                indent=1,
            )


if __name__ == "__main__":
    main()
