#!/usr/bin/env bash
# Rewrites samples/expected/<NAME>.baseline.json: each sample's own leak groups (classes of, or
# allocated by, dev.refshadow.samples), as the agent reports them now. CI checks every sample's report against
# its baseline with `refshadow check --only 'dev.refshadow.samples.*' --baseline ...`: a new leak
# group in a sample fails. Review the diff before committing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for source in "$root"/samples/expected/*.txt; do
  name=$(basename "$source" .txt)
  (cd "$work" && REFSHADOW_OPTIONS="report=$work/$name,formats=json" "$root/scripts/run-sample.sh" "$name" > /dev/null)
  java -jar "$root/analyzer/target/refshadow-cli.jar" report "$work/$name.json" --only 'dev.refshadow.samples.*' \
    --format json -o "$root/samples/expected/$name.baseline.json"
  echo "$name: $(grep -c '"fingerprint"' "$root/samples/expected/$name.baseline.json") leak groups"
done
