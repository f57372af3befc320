#!/usr/bin/env bash
# The main job: builds refshadow if needed, then runs the demo and prints its report.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cli="analyzer/target/refshadow-cli.jar"
if [[ ! -f "$cli" ]] || [[ -n "$(find analyzer/src pom.xml analyzer/pom.xml -newer "$cli" -print -quit)" ]]; then
  echo "refshadow: building (mvn -B -q -DskipTests package)..." >&2
  mvn -B -q -DskipTests package >&2
fi
exec java -jar "$cli" demo
