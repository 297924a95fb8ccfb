#!/usr/bin/env bash
# Scores `dossier tag --jsonl` on a gold file from ../shared/eval/data with the
# official scorer:  bash .ci/score.sh conll2003-dev [score.py flags...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=${1:?usage: .ci/score.sh GOLDNAME [score.py flags]}; shift
gold=$root/../shared/eval/data/$name.jsonl
[ -f "$gold" ] || { echo "no gold file $gold" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/dossier" .)
python3 -c 'import json,sys
for l in sys.stdin:
    d=json.loads(l); print(json.dumps({"id":d["id"],"text":d["text"]},ensure_ascii=False))' <"$gold" >"$tmp/in.jsonl"
"$tmp/dossier" tag --jsonl <"$tmp/in.jsonl" >"$tmp/out.jsonl"
python3 "$root/../shared/eval/score.py" "$gold" "$tmp/out.jsonl" "$@"
