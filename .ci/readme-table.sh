#!/usr/bin/env bash
# Regenerates the accuracy and speed table in README.md (between the
# "table:start" and "table:end" markers) from the official scorer and the Go
# benchmarks, and the screen capture (between "screen:start" and
# "screen:end") with ../shared/tools/tui-capture:  bash .ci/readme-table.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for g in seed conll2003-dev re3d-dev polnear-dev; do
  bash .ci/score.sh "$g" --json >"$tmp/$g.json" 2>/dev/null
done
go test -run '^$' -bench 'BenchmarkTag$|BenchmarkBaselineFields' -benchtime 20x ./extract/ >"$tmp/bench.txt"
python3 - "$tmp" <<'PY' >"$tmp/table.md"
import json, re, sys, os
tmp = sys.argv[1]
def cell(r, key="exact"):
    return f"{r[key]['f1']:.3f}" if r else "–"
print("| file | person F1 exact / overlap | country F1 | demonym F1 | weapon F1 exact / overlap | claims content F1 · source acc · cue acc |")
print("| --- | --- | --- | --- | --- | --- |")
for g in ["seed", "conll2003-dev", "re3d-dev", "polnear-dev"]:
    d = json.load(open(os.path.join(tmp, g + ".json")))
    t = d["types"]
    def both(k):
        return f"{cell(t[k])} / {cell(t[k], 'overlap')}" if k in t else "–"
    c = d.get("claims")
    cl = f"{c['f1']:.3f} · {c['source_acc'] or 0:.3f} · {c['cue_acc'] or 0:.3f}" if c else "–"
    print(f"| `{g}` | {both('person')} | {cell(t.get('country'))} | {cell(t.get('demonym'))} | {both('weapon')} | {cl} |")
bench = open(os.path.join(tmp, "bench.txt")).read()
ws = dict(re.findall(r"Benchmark(\w+)-\d+\s+\d+\s+\d+ ns/op\s+([\d.e+]+) words/s", bench))
tag, base = float(ws["Tag"]), float(ws["BaselineFields"])
print()
print(f"Speed (`go test -bench 'BenchmarkTag$|BenchmarkBaselineFields' ./extract/`, one goroutine, text of conll2003-dev): "
      f"**{tag:,.0f} words/s**, {tag/base:.3f}× the baseline that only splits and lower-cases the same words ({base:,.0f} words/s) in the same run.")
PY
python3 - "$tmp/table.md" README.md <<'PY'
import sys
table, readme = open(sys.argv[1]).read(), open(sys.argv[2]).read()
a, b = "<!-- table:start -->", "<!-- table:end -->"
i, j = readme.index(a) + len(a), readme.index(b)
open(sys.argv[2], "w").write(readme[:i] + "\n" + table + readme[j:])
PY
# The screen capture: the sample at 100x30 after "1 enter n", as a new user sees it.
if command -v tmux >/dev/null && [ -x ../shared/tools/tui-capture ]; then
  go build -o "$tmp/dossier" .
  XDG_DATA_HOME=$tmp/data ../shared/tools/tui-capture -s 100x30 -- "$tmp/dossier" --theme dark :: 1 Enter n \
    | awk '/^--- n$/{on=1; next} on' | sed 's/[[:space:]]*$//' >"$tmp/screen.txt"
  python3 - "$tmp/screen.txt" README.md <<'PY'
import sys
screen, readme = open(sys.argv[1]).read().rstrip("\n"), open(sys.argv[2]).read()
a, b = "<!-- screen:start -->", "<!-- screen:end -->"
i, j = readme.index(a) + len(a), readme.index(b)
open(sys.argv[2], "w").write(readme[:i] + "\n```\n" + screen + "\n```\n" + readme[j:])
PY
fi
echo "README.md table and screen updated"
