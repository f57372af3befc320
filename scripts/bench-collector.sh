#!/usr/bin/env bash
# Full-collection speed: the analyzer's Collector against CPython 3.12's gc.collect(), on the
# same graphs, in the same run.
#
# Graphs: N (default 1,000,000) tracked objects of a class with four reference fields
# (Python: a class with __slots__ = ('f0', 'f1', 'f2', 'f3'); analyzer: a class defined with
# ObjectTable.CONTAINER, fields labelled Node.f0..Node.f3), built the same way, event for event,
# on both sides, with automatic collection disabled while building:
#   none   N nodes without edges
#   edge1  each node gets 1 random edge (f0)
#   edge4  each node gets 4 random edges (f0..f3)
#   ring   node i's f0 holds node i+1, the last node's f0 holds the first
# Keeping the graph alive is the same structure on both sides:
#   none, edge1, edge4: one holder of N slots (Python: a list created by [None] * N; analyzer: a
#     reference array, a container allocated before the nodes) whose slot i holds node i, itself
#     held by one external reference (Python: a module global; analyzer: a pin). The holder is
#     tracked and collected too (N + 1 tracked objects; the figures are per node).
#   ring: one external reference to the first node, nothing else.
# Random edges: node i, field k (i ascending, then k) gets node (x >> 33) % N, x the 64-bit LCG
# x = x * 6364136223846793005 + 1442695040888963407 from x = 42, on both sides; the script checks
# that both sides print the same checksum of the edges.
# Python calls gc.collect() then gc.freeze() before building, so the interpreter's own objects sit
# in the permanent generation (never scanned, as the analyzer has none of them).
#
# Measured: a full collection (gc.collect() / Analyzer.collect()) of the live graph, repeated:
# WARM warm-up collections then REPS measured ones per process (the JVM warms up for at least
# JAVA_WARM collections and one second: JIT). Per shape, ROUNDS rounds, each running the Python
# process and the analyzer's JVM (dev.refshadow.analyzer.bench.CollectorBench, analyzer test
# sources) one after the other, the side that goes first alternating; the figure is the median
# of all measured collections of a side, divided by N. ratio = cpython ns/obj / analyzer ns/obj
# (above 1: the analyzer is faster). Last line: "ratio <the worst ratio over the shapes>".
#
# Usage: scripts/bench-collector.sh            (builds the analyzer if needed)
# Environment: N, ROUNDS (3), WARM (2), REPS (9), JAVA_WARM (10), SHAPES ("none edge1 edge4 ring"),
#              PYTHON (~/.pyenv/versions/3.12.1/bin/python3), JAVA_OPTS (-Xms1g -Xmx4g), VERBOSE=1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${N:-1000000}"
ROUNDS="${ROUNDS:-3}"
WARM="${WARM:-2}"
REPS="${REPS:-9}"
JAVA_WARM="${JAVA_WARM:-10}"
SHAPES="${SHAPES:-none edge1 edge4 ring}"
PYTHON="${PYTHON:-$HOME/.pyenv/versions/3.12.1/bin/python3}"
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx4g}"
VERBOSE="${VERBOSE:-0}"

CLASSES="$ROOT/analyzer/target/classes"
BENCH_CLASSES="$ROOT/analyzer/target/bench-classes"
BENCH_SRC="$ROOT/analyzer/src/test/java/dev/refshadow/analyzer/bench"

if [[ ! -x "$PYTHON" ]]; then
    echo "bench-collector: no CPython at $PYTHON (set PYTHON)" >&2
    exit 2
fi

# Build: the analyzer's classes (Maven, only when a source is newer), then the bench class alone
# (javac), so that the benchmark does not depend on the rest of the test sources.
stamp="$CLASSES/dev/refshadow/analyzer/Analyzer.class"
if [[ ! -f "$stamp" ]] || [[ -n "$(find "$ROOT/analyzer/src/main" -newer "$stamp" -print -quit)" ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests compile -pl analyzer) >&2
fi
bench_stamp="$BENCH_CLASSES/dev/refshadow/analyzer/bench/CollectorBench.class"
if [[ ! -f "$bench_stamp" ]] || [[ "$stamp" -nt "$bench_stamp" ]] \
        || [[ -n "$(find "$BENCH_SRC" -newer "$bench_stamp" -name '*.java' -print -quit)" ]]; then
    mkdir -p "$BENCH_CLASSES"
    javac -nowarn -d "$BENCH_CLASSES" -cp "$CLASSES" "$BENCH_SRC"/*.java
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/gcbench.py" <<'PY'
import gc
import sys
import time

shape, N, warm, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
M64 = (1 << 64) - 1
gc.collect()
gc.freeze()
gc.disable()


class Node:
    __slots__ = ('f0', 'f1', 'f2', 'f3')


checksum = 0
if shape == 'ring':
    first = prev = Node()
    for _ in range(N - 1):
        n = Node()
        prev.f0 = n
        prev = n
    prev.f0 = first
    del prev, n
    root = first
else:
    edges = {'none': 0, 'edge1': 1, 'edge4': 4}[shape]
    root = [None] * N
    for i in range(N):
        root[i] = Node()
    x = 42
    names = ('f0', 'f1', 'f2', 'f3')
    for i in range(N):
        n = root[i]
        for k in range(edges):
            x = (x * 6364136223846793005 + 1442695040888963407) & M64
            t = (x >> 33) % N
            checksum = (checksum * 31 + t) & M64
            setattr(n, names[k], root[t])
    n = None

times = []
for r in range(warm + reps):
    start = time.perf_counter_ns()
    collected = gc.collect()
    elapsed = time.perf_counter_ns() - start
    if collected != 0:
        sys.exit(f"collected {collected} objects from a live graph")
    if r >= warm:
        times.append(elapsed)
print(f"cpython shape={shape} checksum={checksum} tracked={len(gc.get_objects())} "
      f"times_ns={','.join(map(str, times))}")
PY

run_python() {
    "$PYTHON" "$work/gcbench.py" "$1" "$N" "$WARM" "$REPS"
}

run_java() {
    # shellcheck disable=SC2086
    java $JAVA_OPTS -cp "$BENCH_CLASSES:$CLASSES" dev.refshadow.analyzer.bench.CollectorBench \
        "$1" "$N" "$JAVA_WARM" "$REPS"
}

: > "$work/results"
for round in $(seq 1 "$ROUNDS"); do
    for shape in $SHAPES; do
        if (( round % 2 == 1 )); then
            py="$(run_python "$shape")"; an="$(run_java "$shape")"
        else
            an="$(run_java "$shape")"; py="$(run_python "$shape")"
        fi
        [[ "$VERBOSE" == 1 ]] && { echo "$py" | cut -c1-160; echo "$an" | cut -c1-160; } >&2
        printf '%s\n%s\n' "$py" "$an" >> "$work/results"
    done
done

"$PYTHON" - "$N" "$work/results" $SHAPES <<'PY'
import statistics
import sys

n = int(sys.argv[1])
lines = open(sys.argv[2]).read().split('\n')
shapes = sys.argv[3:]
times = {}
checksums = {}
for line in lines:
    if not line.strip():
        continue
    fields = line.split()
    side = fields[0]
    kv = dict(f.split('=', 1) for f in fields[1:])
    times.setdefault((side, kv['shape']), []).extend(int(t) for t in kv['times_ns'].split(','))
    checksums.setdefault(kv['shape'], set()).add(kv['checksum'])
for shape in shapes:
    if len(checksums[shape]) != 1:
        sys.exit(f"bench-collector: the sides built different graphs for {shape}: {checksums[shape]}")
print(f"{'shape':<8} {'analyzer ns/obj':>16} {'cpython ns/obj':>15} {'ratio':>7}")
worst = None
for shape in shapes:
    a = statistics.median(times[('analyzer', shape)]) / n
    c = statistics.median(times[('cpython', shape)]) / n
    ratio = c / a
    worst = ratio if worst is None else min(worst, ratio)
    print(f"{shape:<8} {a:16.2f} {c:15.2f} {ratio:7.2f}")
print(f"ratio {worst:.2f}")
PY
