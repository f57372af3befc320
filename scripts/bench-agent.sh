#!/usr/bin/env bash
# The agent's overhead, as a ratio to a plain run of the same work, measured side by side:
# javac compiling the sources of commons-lang3 3.17.0 (from Maven Central's sources jar), which
# must produce the same class files. (The samples call the Gc API, so they cannot run without
# the agent: they are not in this table.)
# Usage: scripts/bench-agent.sh [java executable]   (default: java on the PATH)
# Prints a table: workload, plain seconds, agent seconds, ratio; the last line is "ratio <worst ratio>".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${1:-java}"
agent="$root/agent/target/refshadow-agent.jar"
[[ -f "$agent" ]] || (cd "$root" && mvn -B -q -DskipTests package >&2)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sources="$HOME/.m2/repository/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0-sources.jar"
[[ -f "$sources" ]] || mvn -B -q dependency:get -Dartifact=org.apache.commons:commons-lang3:3.17.0:jar:sources >&2
mkdir -p "$work/src" "$work/plain" "$work/agent"
(cd "$work/src" && unzip -q "$sources" && find . -name '*.java' ! -name module-info.java | sed 's|^\./|src/|' > ../files.txt)

seconds() { # runs "$@" in $work, prints the elapsed seconds
  local start end
  start=$(date +%s.%N)
  (cd "$work" && "$@" > /dev/null 2>> "$work/stderr.log")
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

worst=0
row() { # name plain agent
  local ratio
  ratio=$(echo "scale=2; $3 / $2" | bc)
  printf '%-28s %10.2f %10.2f %8.2fx\n' "$1" "$2" "$3" "$ratio"
  if (( $(echo "$ratio > $worst" | bc) )); then worst=$ratio; fi
}

printf '%-28s %10s %10s %9s\n' workload "plain s" "agent s" ratio
plain=$(seconds "$java" -m jdk.compiler/com.sun.tools.javac.Main -nowarn -d plain @files.txt)
with=$(seconds "$java" -Xmx8g "-javaagent:$agent=report=$work/javac-report,formats=json" \
  -m jdk.compiler/com.sun.tools.javac.Main -nowarn -d agent @files.txt)
row "javac commons-lang3" "$plain" "$with"
if ! diff -r "$work/plain" "$work/agent" > /dev/null; then
  echo "javac under the agent produced different class files" >&2
  exit 1
fi

echo "ratio $worst"
