#!/usr/bin/env bash
# Runs one sample under the agent (building first if needed) and prints its figures:
#   scripts/run-sample.sh FourLinks
# The expected figures are in samples/expected/<NAME>.txt; the agent's report goes to the
# current directory. JAVA_HOME selects the JDK; REFSHADOW_OPTIONS is passed to the agent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
samples=$(cd "$root/samples/expected" && ls -- *.txt | sed 's/\.txt$//' | tr '\n' ' ')
if [[ $# -ne 1 ]]; then
  echo "usage: scripts/run-sample.sh NAME, one of: $samples" >&2
  exit 2
fi
name="$1"
if [[ ! -f "$root/samples/src/main/java/dev/refshadow/samples/$name.java" ]]; then
  echo "no sample '$name'; samples: $samples" >&2
  exit 2
fi
jar="$root/agent/target/refshadow-agent.jar"
class="$root/samples/target/classes/dev/refshadow/samples/$name.class"
if [[ ! -f "$jar" || ! -f "$class" ]] || [[ -n "$(cd "$root" && find analyzer/src/main agent/src/main \
    pom.xml analyzer/pom.xml agent/pom.xml -newer "$jar" -print -quit)" ]] \
    || [[ -n "$(cd "$root" && find samples/src/main samples/pom.xml -newer "$class" -print -quit)" ]]; then
  echo "refshadow: building (mvn -B -q -DskipTests package -pl analyzer,agent,samples)..." >&2
  (cd "$root" && mvn -B -q -DskipTests package -pl analyzer,agent,samples >&2)
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" "-javaagent:$jar${REFSHADOW_OPTIONS:+=$REFSHADOW_OPTIONS}" -cp "$root/samples/target/classes" \
  "dev.refshadow.samples.$name"
