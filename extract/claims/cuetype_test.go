package claims

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

// TestTypedCueScore checks that the cue score read from the type cache is
// bit for bit the score of the hashed features, on every token, and that
// boundedCueScore is that score or a bound of it that marks nothing.
func TestTypedCueScore(t *testing.T) {
	texts := []string{"“We are ready,” she said. “Now.”", "Blinken said that \"the talks\" were ''useful'' and, adding, noted"}
	if dir, ok := corpus.DataDir(); ok {
		for _, f := range []string{"seed.jsonl", "polnear-dev.jsonl"} {
			docs, err := corpus.Load(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				texts = append(texts, d.Text)
			}
		}
	}
	n := 0
	for _, s := range texts {
		a := text.Analyze(s)
		d := newDoc(a)
		d.inf = d.infos()
		ts := d.m.cue.cueTypes(d.inf)
		for _, se := range d.sentences(a.Sentences) {
			for i := se.First; i < se.Last; i++ {
				want := d.m.cue.score(d.cueFeatures(d.inf, i, se.First, se.Last, nil))
				got := d.typedCueScore(ts, i, se.First, se.Last)
				if math.Float32bits(got) != math.Float32bits(want) {
					t.Fatalf("token %q: typed score %v, hashed %v", d.toks[i].Text, got, want)
				}
				// The bounded score is the score, or a bound of it that
				// marks nothing.
				b := d.boundedCueScore(ts, i, se.First, se.Last)
				if cand, cue := d.marks(i, se.First, se.Last, b); math.Float32bits(b) != math.Float32bits(want) && (b < want || cand || cue) {
					t.Fatalf("token %q: bounded score %v, score %v", d.toks[i].Text, b, want)
				}
				n++
			}
		}
	}
	t.Logf("%d tokens agree", n)
}
