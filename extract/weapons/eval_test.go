package weapons

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// Figures reached on re3d-dev (weapon type, computed as score.py does); the
// regression test fails if either drops more than allowedDrop below.
const (
	re3dExactF1   = 0.8889
	re3dOverlapF1 = 0.8889
	allowedDrop   = 0.01
)

type goldEntity struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Type   string `json:"type"`
	Text   string `json:"text"`
	Entity string `json:"entity"`
}

type goldDoc struct {
	ID        string       `json:"id"`
	Text      string       `json:"text"`
	Annotated []string     `json:"annotated"`
	Entities  []goldEntity `json:"entities"`
}

// evalData returns <root>/../shared/eval/data, root being the directory of
// go.mod, or skips the test when it is absent.
func evalData(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("no go.mod above the test directory")
		}
		dir = up
	}
	data := filepath.Join(dir, "..", "shared", "eval", "data")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("evaluation data absent (%s): skipping", data)
	}
	return data
}

func readDocs(t testing.TB, path string) []goldDoc {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s absent: skipping", path)
	}
	defer f.Close()
	var docs []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

type runeSpan struct{ s, e int }

// toRunes converts byte spans of src to code-point spans.
func toRunes(src string, ms []Match) []runeSpan {
	out := make([]runeSpan, len(ms))
	for i, m := range ms {
		out[i] = runeSpan{utf8.RuneCountInString(src[:m.Start]), utf8.RuneCountInString(src[:m.End])}
	}
	return out
}

// tally counts what score.py counts for one type.
type tally struct{ gold, pred, exact, overlap, paneGold, panePred, paneHitG, paneHitP int }

func (t tally) f1(tp int) float64 {
	if t.pred == 0 || t.gold == 0 || tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(t.pred), float64(tp)/float64(t.gold)
	return 2 * p * r / (p + r)
}

// overlapMatches is score.py's one-to-one greedy matching by overlap size.
func overlapMatches(pred, gold []runeSpan) int {
	type pair struct{ score, i, j int }
	var pairs []pair
	for i, p := range pred {
		for j, g := range gold {
			if p.s < g.e && g.s < p.e {
				pairs = append(pairs, pair{min(p.e, g.e) - max(p.s, g.s), i, j})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.score != y.score {
			return x.score > y.score
		}
		if x.i != y.i {
			return x.i < y.i
		}
		return x.j < y.j
	})
	ui, uj, n := map[int]bool{}, map[int]bool{}, 0
	for _, p := range pairs {
		if !ui[p.i] && !uj[p.j] {
			ui[p.i], uj[p.j] = true, true
			n++
		}
	}
	return n
}

// scoreDocs runs Find on each document and scores its weapon spans; with
// verbose it logs misses and false alarms.
func scoreDocs(t testing.TB, docs []goldDoc, verbose bool) tally {
	var tl tally
	for _, d := range docs {
		a := text.Analyze(d.Text)
		ms := Find(a, nil)
		predSet := map[runeSpan]string{}
		for i, sp := range toRunes(d.Text, ms) {
			predSet[sp] = strings.ToLower(ms[i].Groups[0])
		}
		goldSet := map[runeSpan]goldEntity{}
		for _, e := range d.Entities {
			if e.Type == "weapon" {
				goldSet[runeSpan{e.Start, e.End}] = e
			}
		}
		var pred, gold []runeSpan
		for sp := range predSet {
			pred = append(pred, sp)
			if _, ok := goldSet[sp]; ok {
				tl.exact++
			}
		}
		for sp := range goldSet {
			gold = append(gold, sp)
		}
		sort.Slice(pred, func(i, j int) bool { return pred[i].s < pred[j].s })
		sort.Slice(gold, func(i, j int) bool { return gold[i].s < gold[j].s })
		tl.gold, tl.pred = tl.gold+len(gold), tl.pred+len(pred)
		tl.overlap += overlapMatches(pred, gold)
		tl.pane(goldSet, predSet)
		if verbose {
			logDiff(t, d, pred, gold, predSet, goldSet)
		}
	}
	return tl
}

// pane adds score.py's pane counts: distinct entities per document.
func (tl *tally) pane(gold map[runeSpan]goldEntity, pred map[runeSpan]string) {
	ents := map[string]map[string]bool{}
	for _, e := range gold {
		k := strings.ToLower(e.Entity)
		if k == "" {
			k = strings.ToLower(e.Text)
		}
		if ents[k] == nil {
			ents[k] = map[string]bool{k: true}
		}
		ents[k][strings.ToLower(e.Text)] = true
	}
	names := map[string]bool{}
	for _, n := range pred {
		names[n] = true
	}
	tl.paneGold += len(ents)
	tl.panePred += len(names)
	for _, al := range ents {
		for n := range names {
			if al[n] {
				tl.paneHitG++
				break
			}
		}
	}
	for n := range names {
		for _, al := range ents {
			if al[n] {
				tl.paneHitP++
				break
			}
		}
	}
}

func logDiff(t testing.TB, d goldDoc, pred, gold []runeSpan, ps map[runeSpan]string, gs map[runeSpan]goldEntity) {
	r := []rune(d.Text)
	ctx := func(sp runeSpan) string {
		return fmt.Sprintf("%q [%s] %q", string(r[max(0, sp.s-40):sp.s]), string(r[sp.s:sp.e]), string(r[sp.e:min(len(r), sp.e+25)]))
	}
	for _, sp := range pred {
		if _, ok := gs[sp]; !ok {
			t.Logf("FP %s  (%s)", ctx(sp), ps[sp])
		}
	}
	for _, sp := range gold {
		if _, ok := ps[sp]; !ok {
			t.Logf("FN %s", ctx(sp))
		}
	}
}

// dumpPredictions writes Find's weapons as score.py input when
// the environment variable env names a file (WEAPONS_DUMP for re3d-dev,
// WEAPONS_DUMP_SEED for the seed), to check these figures against the scorer.
func dumpPredictions(t *testing.T, docs []goldDoc, env string) {
	path := os.Getenv(env)
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, d := range docs {
		ms := Find(text.Analyze(d.Text), nil)
		ents := []goldEntity{}
		for i, sp := range toRunes(d.Text, ms) {
			ents = append(ents, goldEntity{Start: sp.s, End: sp.e, Type: "weapon", Entity: ms[i].Groups[0]})
		}
		if err := enc.Encode(map[string]any{"id": d.ID, "text": d.Text, "entities": ents}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRe3dDevRegression(t *testing.T) {
	docs := readDocs(t, filepath.Join(evalData(t), "re3d-dev.jsonl"))
	dumpPredictions(t, docs, "WEAPONS_DUMP")
	tl := scoreDocs(t, docs, os.Getenv("WEAPONS_VERBOSE") != "")
	exact, overlap := tl.f1(tl.exact), tl.f1(tl.overlap)
	t.Logf("re3d-dev weapon: gold %d pred %d exact F1 %.4f overlap F1 %.4f", tl.gold, tl.pred, exact, overlap)
	if exact < re3dExactF1-allowedDrop || overlap < re3dOverlapF1-allowedDrop {
		t.Errorf("weapon F1 fell: exact %.4f (want ≥ %.4f), overlap %.4f (want ≥ %.4f)",
			exact, re3dExactF1-allowedDrop, overlap, re3dOverlapF1-allowedDrop)
	}
}

func TestSeedPane(t *testing.T) {
	docs := readDocs(t, filepath.Join(evalData(t), "seed.jsonl"))
	dumpPredictions(t, docs, "WEAPONS_DUMP_SEED")
	tl := scoreDocs(t, docs, os.Getenv("WEAPONS_VERBOSE") != "")
	t.Logf("seed weapon: exact F1 %.4f overlap F1 %.4f pane %d/%d hit-pred, %d/%d hit-gold",
		tl.f1(tl.exact), tl.f1(tl.overlap), tl.paneHitP, tl.panePred, tl.paneHitG, tl.paneGold)
	if tl.paneHitP != tl.panePred || tl.paneHitG != tl.paneGold {
		t.Errorf("seed pane P or R below 1: %d/%d predicted names hit, %d/%d gold entities found",
			tl.paneHitP, tl.panePred, tl.paneHitG, tl.paneGold)
	}
}
