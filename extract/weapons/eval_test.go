package weapons

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/text"
)

// Figures reached on re3d-dev (weapon type, computed as score.py does); the
// regression test fails if either drops more than allowedDrop below.
const (
	re3dExactF1   = 0.8889
	re3dOverlapF1 = 0.8889
	allowedDrop   = 0.01
)

// predEntity is a predicted weapon as score.py reads it (FORMAT.md).
type predEntity struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Type   string `json:"type"`
	Text   string `json:"text"`
	Entity string `json:"entity"`
}

// codePointSpans converts the byte spans of src's matches to code points,
// the unit score.py measures overlaps in.
func codePointSpans(src string, ms []Match) []text.Span {
	out := make([]text.Span, len(ms))
	for i, m := range ms {
		out[i] = evaldata.CodePointSpan(src, text.Span{Start: m.Start, End: m.End})
	}
	return out
}

// tally counts what score.py counts for one type: spans, and the pane's
// distinct entities.
type tally struct {
	spans                                  evaldata.Scorer
	paneGold, panePred, paneHitG, paneHitP int
}

// bySpan orders spans by start, then end.
func bySpan(a, b text.Span) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}

// scoreDocs runs Find on each document and scores its weapon spans in code
// points; with verbose it logs misses and false alarms.
func scoreDocs(t testing.TB, docs []evaldata.Doc, verbose bool) tally {
	var tl tally
	for _, d := range docs {
		ms := Find(text.Analyze(d.Text), nil)
		predSet := map[text.Span]string{}
		for i, sp := range codePointSpans(d.Text, ms) {
			predSet[sp] = strings.ToLower(ms[i].Groups[0])
		}
		goldSet := map[text.Span]evaldata.Entity{}
		for _, e := range d.Entities {
			if e.Type == "weapon" {
				goldSet[evaldata.CodePointSpan(d.Text, text.Span{Start: e.Start, End: e.End})] = e
			}
		}
		pred := slices.SortedFunc(maps.Keys(predSet), bySpan)
		gold := slices.SortedFunc(maps.Keys(goldSet), bySpan)
		tl.spans.Add(pred, gold)
		tl.pane(goldSet, predSet)
		if verbose {
			logDiff(t, d, pred, gold, predSet, goldSet)
		}
	}
	return tl
}

// pane adds score.py's pane counts: distinct entities per document.
func (tl *tally) pane(gold map[text.Span]evaldata.Entity, pred map[text.Span]string) {
	ents := map[string]map[string]bool{}
	for _, e := range gold {
		k := strings.ToLower(e.Name)
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

// logDiff logs a document's false alarms (FP) and misses (FN), given in
// code points.
func logDiff(t testing.TB, d evaldata.Doc, pred, gold []text.Span, ps map[text.Span]string, gs map[text.Span]evaldata.Entity) {
	r := []rune(d.Text)
	ctx := func(sp text.Span) string {
		return fmt.Sprintf("%q [%s] %q", string(r[max(0, sp.Start-40):sp.Start]), string(r[sp.Start:sp.End]), string(r[sp.End:min(len(r), sp.End+25)]))
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
func dumpPredictions(t *testing.T, docs []evaldata.Doc, env string) {
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
		ents := []predEntity{}
		for i, sp := range codePointSpans(d.Text, ms) {
			ents = append(ents, predEntity{Start: sp.Start, End: sp.End, Type: "weapon", Entity: ms[i].Groups[0]})
		}
		if err := enc.Encode(map[string]any{"id": d.ID, "text": d.Text, "entities": ents}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRe3dDevRegression(t *testing.T) {
	docs := evaldata.Docs(t, "re3d-dev.jsonl")
	dumpPredictions(t, docs, "WEAPONS_DUMP")
	tl := scoreDocs(t, docs, os.Getenv("WEAPONS_VERBOSE") != "")
	ex := tl.spans.Exact()
	exact, overlap := ex.F1, tl.spans.Overlap().F1
	t.Logf("re3d-dev weapon: gold %d pred %d exact F1 %.4f overlap F1 %.4f", ex.Gold, ex.Pred, exact, overlap)
	if exact < re3dExactF1-allowedDrop || overlap < re3dOverlapF1-allowedDrop {
		t.Errorf("weapon F1 fell: exact %.4f (want ≥ %.4f), overlap %.4f (want ≥ %.4f)",
			exact, re3dExactF1-allowedDrop, overlap, re3dOverlapF1-allowedDrop)
	}
}

func TestSeedPane(t *testing.T) {
	docs := evaldata.Docs(t, "seed.jsonl")
	dumpPredictions(t, docs, "WEAPONS_DUMP_SEED")
	tl := scoreDocs(t, docs, os.Getenv("WEAPONS_VERBOSE") != "")
	t.Logf("seed weapon: exact F1 %.4f overlap F1 %.4f pane %d/%d hit-pred, %d/%d hit-gold",
		tl.spans.Exact().F1, tl.spans.Overlap().F1, tl.paneHitP, tl.panePred, tl.paneHitG, tl.paneGold)
	if tl.paneHitP != tl.panePred || tl.paneHitG != tl.paneGold {
		t.Errorf("seed pane P or R below 1: %d/%d predicted names hit, %d/%d gold entities found",
			tl.paneHitP, tl.panePred, tl.paneHitG, tl.paneGold)
	}
}
