#!/usr/bin/env bash
# Real programs under the agent and without it, on JDK 17 and on the Temurin 25 JDK:
#   javac  javac compiles the sources of commons-lang3 3.17.0 (Maven Central's sources jar):
#          the class files must be the same;
#   h2     the H2 database 2.3.232 runs scripts/real-world/H2Workload.java (100,000 orders,
#          indexes, joins, updates, deletes): the query results must be the same;
#   tests  commons-collections4 4.5.0's own JUnit suite, built from its sources and test-sources
#          jars and run by the JUnit console launcher: the same test counts and failures.
# Prints a Markdown table, a row a program and JDK: outputs identical?, agent errors, tracked
# objects, cyclic garbage, anomalies, verification agreement, plain and agent seconds, slowdown.
#
# Usage: scripts/real-world.sh [--case javac|h2|tests|all] [--jdk 17|25|all]
#                              [--check[=all|outputs]] [--update-readme]
#   --check          exit 1 when a goal is missed: outputs differ, an agent error (exception,
#                    VerifyError, crash, timeout, lost report), more than 1 anomaly per 10,000
#                    tracked objects, verification agreement under 99.99 %;
#   --check=outputs  only the first two (identical outputs, no agent error, report written);
#   --update-readme  rewrites the rows measured now in README.md's table (between its markers).
# Defaults: --case all --jdk all. Downloads (Maven Central, through mvn) are cached in
# $REFSHADOW_CACHE/real-world (default ~/.cache/refshadow); runs go to target/real-world/.
# Environment: JDK17_HOME, JDK25_HOME; REAL_WORLD_TIMEOUT seconds a run (default 5400);
# REAL_WORLD_VERIFY, the agent's verify= option (default sample:100); REAL_WORLD_AGENT_HEAP, the
# -Xmx of the runs under the agent (default 10g: the agent keeps objects until its shadow frees
# them, and H2 thrashes in the JVM's default heap of a quarter of this 23 GB machine).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${REFSHADOW_CACHE:-$HOME/.cache/refshadow}/real-world"
work="$root/target/real-world"
agent="$root/agent/target/refshadow-agent.jar"
timeout_s="${REAL_WORLD_TIMEOUT:-5400}"
verify="${REAL_WORLD_VERIFY:-sample:100}"
agent_heap="${REAL_WORLD_AGENT_HEAP:-10g}"
all_cases=(javac h2 tests)
all_jdks=(17 25)
readme_begin='<!-- real-world:begin -->'
readme_end='<!-- real-world:end -->'

say() { printf 'real-world: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

usage() {
  sed -n '/^# Usage:/,/^# them, and H2/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

jdk_home() { # 17|25: the JDK's home directory
  local home
  case "$1" in
    17) home="${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}" ;;
    25) home="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" ;;
  esac
  [[ -x "$home/bin/java" ]] || die "no JDK $1 at $home (set JDK$1_HOME)"
  echo "$home"
}

fetch() { # groupId:artifactId:version[:packaging[:classifier]]: prints the cached file's path
  local a v p c file log
  IFS=: read -r _ a v p c <<< "$1"
  file="$cache/lib/$a-$v${c:+-$c}.${p:-jar}"
  if [[ ! -f "$file" ]]; then
    say "downloading $1"
    mkdir -p "$cache/lib"
    # Run outside the project so that mvn does not read its pom.
    if ! log=$(cd "$cache" && mvn -B -q dependency:copy "-Dartifact=$1" "-DoutputDirectory=$cache/lib" 2>&1); then
      printf '%s\n' "$log" >&2
      die "could not download $1 from Maven Central"
    fi
  fi
  echo "$file"
}

unpack() { # jar directory: unzips the jar into a fresh directory
  rm -rf "$2"
  mkdir -p "$2"
  unzip -q "$1" -d "$2"
}

java_files() { # directory list-file: writes the absolute paths of the directory's sources
  find "$1" -name '*.java' ! -name module-info.java ! -name package-info.java | sort > "$2"
}

compile() { # classes-dir classpath list-file: javac of JDK 17, without the agent, for both JDKs
  rm -rf "$1"
  mkdir -p "$1"
  "$(jdk_home 17)/bin/javac" --release 17 -nowarn -encoding UTF-8 -XDsuppressNotes -d "$1" -cp "$2" "@$3" >&2 \
    || die "compiling the inputs ($3) failed"
}

# ---- the programs. Each has <case>_prepare (inputs, once a run of this script), <case>_program
# DIR (sets the array `program`, the java arguments after the agent option; DIR is the run's own
# directory and working directory) and <case>_output DIR (prints the file or directory to compare).

javac_prepare() {
  unpack "$(fetch org.apache.commons:commons-lang3:3.17.0:jar:sources)" "$work/javac/src"
  java_files "$work/javac/src" "$work/javac/files.txt"
}
javac_program() {
  program=(-m jdk.compiler/com.sun.tools.javac.Main -nowarn -encoding UTF-8 -d "$1/classes" "@$work/javac/files.txt")
}
javac_output() { echo "$1/classes"; }

h2_classpath=""
h2_prepare() {
  h2_classpath="$(fetch com.h2database:h2:2.3.232):$work/h2/classes"
  printf '%s\n' "$root/scripts/real-world/H2Workload.java" > "$work/h2/files.txt"
  compile "$work/h2/classes" "$h2_classpath" "$work/h2/files.txt"
}
h2_program() { program=(-cp "$h2_classpath" H2Workload 100000); }
h2_output() { echo "$1/stdout"; }

tests_classpath=""
tests_prepare() {
  local lib="" gav t="$work/tests"
  # The test dependencies of commons-collections4 4.5.0's pom (JUnit 5.11.4 from commons-parent
  # 81; easymock's and guava-testlib's own runtime dependencies; JUnit 4 for the vintage engine
  # that runs GuavaTestlibTest).
  for gav in org.junit.platform:junit-platform-console-standalone:1.11.4 \
      org.easymock:easymock:5.5.0 org.objenesis:objenesis:3.4 net.bytebuddy:byte-buddy:1.15.10 \
      org.ow2.asm:asm:9.7.1 org.apache.commons:commons-lang3:3.17.0 commons-io:commons-io:2.19.0 \
      commons-codec:commons-codec:1.18.0 com.google.guava:guava-testlib:33.3.1-jre \
      com.google.guava:guava:33.3.1-jre com.google.guava:failureaccess:1.0.2 junit:junit:4.13.2 \
      org.hamcrest:hamcrest-core:1.3; do
    lib+="$(fetch "$gav"):"
  done
  unpack "$(fetch org.apache.commons:commons-collections4:4.5.0:jar:sources)" "$t/main-src"
  unpack "$(fetch org.apache.commons:commons-collections4:4.5.0:jar:test-sources)" "$t/test-src"
  java_files "$t/main-src" "$t/main-files.txt"
  java_files "$t/test-src" "$t/test-files.txt"
  say "compiling commons-collections4 and its tests"
  compile "$t/main" "$lib" "$t/main-files.txt"
  compile "$t/test" "$t/main:$lib" "$t/test-files.txt"
  # The test-sources jar holds the test resources too.
  tests_classpath="$t/test:$t/main:$t/test-src:$lib"
}
tests_program() {
  # The tests read their data files from src/test/resources, relative to the working directory.
  mkdir -p "$1/src/test"
  ln -s "$work/tests/test-src" "$1/src/test/resources"
  # The classes surefire runs in the library's own build (its pom's includes and excludes).
  program=(-cp "$tests_classpath" org.junit.platform.console.ConsoleLauncher execute --disable-banner
    --details=summary --single-color --scan-classpath "$work/tests/test"
    --include-classname '^[^$]*Test$' --exclude-classname '^.*\.(Abstract[^.]*|BulkTest|TestUtils)$')
}
tests_output() { # the summary counts (not the time) and the names of the failed tests
  { grep -E '^\[ +[0-9]+ (containers|tests) [a-z]+ +\]$' "$1/stdout" || true
    grep -E '^  JUnit [A-Za-z]+:' "$1/stdout" | sort || true; } > "$1/results.txt"
  echo "$1/results.txt"
}

# ---- running and comparing

run() { # case jdk plain|agent: runs the program once in target/real-world/CASE/JDK/MODE
  local dir="$work/$1/jdk$2/$3" java start rc=0 options=()
  java="$(jdk_home "$2")/bin/java"
  rm -rf "$dir"
  mkdir -p "$dir"
  "$1_program" "$dir"
  [[ "$3" == plain ]] || options=("-Xmx$agent_heap" "-javaagent:$agent=report=$dir/report,formats=json,verify=$verify")
  say "$1 on JDK $2, $3: started $(date +%H:%M:%S) (output in $dir)"
  start=$(date +%s.%N)
  (cd "$dir" && timeout --kill-after=30 "$timeout_s" "$java" "${options[@]}" "${program[@]}" > stdout 2> stderr) || rc=$?
  echo "$(date +%s.%N) - $start" | bc > "$dir/seconds"
  echo "$rc" > "$dir/rc"
  say "$1 on JDK $2, $3: exit $rc after $(printf '%.0f' "$(< "$dir/seconds")") s"
}

# Lines that say the JVM or the agent went wrong; counted when the agent run has them and the
# plain run does not.
jvm_errors='VerifyError|ClassCircularityError|LinkageError|NoClassDefFoundError|ExceptionInInitializerError|IncompatibleClassChangeError|IllegalAccessError|StackOverflowError|OutOfMemoryError|Exception in thread|A fatal error has been detected|deadlock'
agent_errors='refshadow: the analyzer stopped early.*|the report could not be written.*|[0-9]+ classes not instrumented \(first: [^)]*\)|refshadow: .*(error|failed|Exception).*'

errors() { # plain-dir agent-dir: prints the agent run's errors, one a line
  local rc
  rc=$(< "$2/rc")
  if (( rc == 124 )); then echo "timed out after $timeout_s s (deadlock?)"
  elif (( rc == 137 )); then echo "killed (SIGKILL: the kill after a timeout, or the system)"
  elif (( rc > 128 )); then echo "crashed (exit $rc)"
  fi
  [[ -s "$2/report.json" ]] || echo "lost report (no report.json)"
  grep -ohE "$agent_errors" "$2/stderr" | sed 's/; report: .*//' || true
  comm -13 <(cat "$1/stdout" "$1/stderr" | grep -E "$jvm_errors" | sort -u) \
           <(cat "$2/stdout" "$2/stderr" | grep -E "$jvm_errors" | sort -u)
}

figures() { # report.json: tracked cyclic anomalies per-10k agreement missed-goals, tab-separated
  # (n/a where the report or its verification is missing; missed goals: "anomalies", "agreement")
  python3 - "$1" <<'EOF'
import json, sys
try:
    with open(sys.argv[1]) as f:
        report = json.load(f)
except (OSError, ValueError):
    print("n/a\tn/a\tn/a\tn/a\tn/a\t")
    sys.exit(0)
s = report["summary"]
tracked, anomalies = s["trackedObjects"], s["anomalies"]["total"]
agreement = (report.get("verification") or {}).get("agreement")
missed = (["anomalies"] if anomalies * 10000 > tracked else []) \
    + (["agreement"] if agreement is not None and agreement < 0.9999 else [])
print(tracked, s["cyclicGarbage"], anomalies, f"{anomalies * 10000 / max(tracked, 1):.2f}",
      "n/a" if agreement is None else f"{agreement * 100:.3f} %", " ".join(missed), sep="\t")
EOF
}

missed=()
row() { # case jdk: compares the two runs, prints the table's row and notes the missed goals
  local plain="$work/$1/jdk$2/plain" agent_run="$work/$1/jdk$2/agent" same=yes problems
  local tracked cyclic anomalies per10k agreement goals ps as
  # The outputs and the exit status (a crash is also an agent error, below).
  if ! diff -r "$("$1_output" "$plain")" "$("$1_output" "$agent_run")" > "$agent_run/output.diff" 2>&1 \
      || ! diff "$plain/rc" "$agent_run/rc" >> "$agent_run/output.diff"; then
    same=no
    missed+=("outputs:$1 on JDK $2: outputs differ ($agent_run/output.diff)")
  fi
  errors "$plain" "$agent_run" > "$agent_run/errors.txt"
  problems=none
  if [[ -s "$agent_run/errors.txt" ]]; then
    missed+=("outputs:$1 on JDK $2: agent errors: $(head -3 "$agent_run/errors.txt" | paste -sd ';')")
    problems="$(head -2 "$agent_run/errors.txt" | cut -c1-120 | paste -sd ';' | sed 's/|/\\|/g')"
  fi
  IFS=$'\t' read -r tracked cyclic anomalies per10k agreement goals < <(figures "$agent_run/report.json")
  [[ " $goals " != *" anomalies "* ]] \
    || missed+=("all:$1 on JDK $2: $anomalies anomalies in $tracked tracked objects ($per10k per 10,000)")
  [[ " $goals " != *" agreement "* ]] || missed+=("all:$1 on JDK $2: verification agreement $agreement")
  ps=$(< "$plain/seconds") as=$(< "$agent_run/seconds")
  printf '| %s | %s | %s | %s | %s | %s | %s (%s / 10k) | %s | %.1f | %.1f | %.1fx |\n' \
    "$1" "$2" "$same" "$problems" "$tracked" "$cyclic" "$anomalies" "$per10k" "$agreement" \
    "$ps" "$as" "$(echo "scale=4; $as / $ps" | bc)"
}

table_header() {
  echo '| program | JDK | outputs identical | agent errors | tracked objects | cyclic garbage | anomalies | verification agreement | plain s | agent s | slowdown |'
  echo '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
}

update_readme() { # table-file: replaces the README's rows of the same program and JDK, keeps the others
  python3 - "$root/README.md" "$1" "$readme_begin" "$readme_end" "$(date -u +%Y-%m-%d)" <<'EOF'
import re, sys
readme, table, begin, end, day = sys.argv[1:]
text = open(readme).read()
if begin not in text or end not in text:
    sys.exit(f"README.md has no {begin} ... {end} markers")
head, rest = text.split(begin, 1)
old, tail = rest.split(end, 1)
key = lambda line: tuple(c.strip() for c in line.split("|")[1:3])
order = {p: i for i, p in enumerate(["javac", "h2", "tests"])}
rows = {key(l): l for l in old.splitlines() if re.match(r"\| (javac|h2|tests) \|", l)}
new = open(table).read().splitlines()
rows.update({key(l): l for l in new[2:]})
lines = new[:2] + [rows[k] for k in sorted(rows, key=lambda k: (order[k[0]], k[1]))]
block = f"\n{chr(10).join(lines)}\n\nLast regenerated {day}.\n"
open(readme, "w").write(head + begin + block + end + tail)
EOF
}

main() {
  local cases=() jdks=() check="" readme=no c j
  while (( $# )); do
    case "$1" in
      --case) [[ $# -ge 2 ]] || usage; [[ "$2" == all ]] && cases=("${all_cases[@]}") || cases+=("$2"); shift ;;
      --jdk) [[ $# -ge 2 ]] || usage; [[ "$2" == all ]] && jdks=("${all_jdks[@]}") || jdks+=("$2"); shift ;;
      --check|--check=all) check=all ;;
      --check=outputs) check=outputs ;;
      --update-readme) readme=yes ;;
      -h|--help) usage ;;
      *) say "unknown argument: $1"; usage ;;
    esac
    shift
  done
  (( ${#cases[@]} )) || cases=("${all_cases[@]}")
  (( ${#jdks[@]} )) || jdks=("${all_jdks[@]}")
  for c in "${cases[@]}"; do [[ " ${all_cases[*]} " == *" $c "* ]] || die "no case '$c' (javac, h2, tests, all)"; done
  for j in "${jdks[@]}"; do [[ " ${all_jdks[*]} " == *" $j "* ]] || die "no JDK '$j' (17, 25, all)"; jdk_home "$j" > /dev/null; done
  command -v python3 > /dev/null || die "python3 is needed to read the reports"

  # Builds the agent when it is missing or older than its sources.
  "$root/scripts/refshadow" --help > /dev/null
  mkdir -p "$work"
  local table="$work/table.md"
  table_header > "$table"
  for c in "${cases[@]}"; do
    mkdir -p "$work/$c"
    say "preparing $c"
    "${c}_prepare"
    for j in "${jdks[@]}"; do
      run "$c" "$j" plain
      run "$c" "$j" agent
      row "$c" "$j" >> "$table"
    done
  done
  cat "$table"
  [[ "$readme" == no ]] || { update_readme "$table"; say "README.md's table updated"; }

  local m failed=0
  for m in "${missed[@]}"; do
    say "goal missed: ${m#*:}"
    if [[ -n "$check" && ( "$check" == all || "${m%%:*}" == outputs ) ]]; then failed=1; fi
  done
  return "$failed"
}

# Run when executed; sourcing only defines the functions.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then main "$@"; exit; fi
