#!/usr/bin/env bash
# The main job: builds refshadow if needed, runs a sample app (the seed material's four links plus
# a parent/child tree with back-pointers) under the agent, and prints its leak report.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/demo"
mkdir -p "$out"
for sample in FourLinks ParentChildTree; do
  echo "== $sample under the agent: its figures"
  REFSHADOW_OPTIONS="report=$out/$sample,formats=json:text:html,top=5" "$root/scripts/run-sample.sh" "$sample"
done
echo
echo "== the leak report of ParentChildTree, its own groups (the JDK's cycles too are in $out/ParentChildTree.txt; HTML: $out/ParentChildTree.html)"
java -jar "$root/analyzer/target/refshadow-cli.jar" report "$out/ParentChildTree.json" --only 'dev.refshadow.samples.*'
