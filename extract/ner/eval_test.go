package ner

import (
	"testing"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
)

// The figures the embedded model reaches on the dev files (person spans,
// score.py's definitions). TestDevRegression fails when a change loses more
// than 0.01 on any of them.
const (
	conllDevExactF1  = 0.9558
	re3dDevOverlapF1 = 0.8354
)

func TestDevRegression(t *testing.T) {
	for _, c := range []struct {
		file    string
		overlap bool
		want    float64
	}{
		{"conll2003-dev.jsonl", false, conllDevExactF1},
		{"re3d-dev.jsonl", true, re3dDevOverlapF1},
	} {
		docs := evaldata.Docs(t, c.file)
		ex, ov := Evaluate(defaultModel(), docs)
		got := ex
		if c.overlap {
			got = ov
		}
		t.Logf("%s: exact %v; overlap %v", c.file, ex, ov)
		if got.F1 < c.want-0.01 {
			t.Errorf("%s: person F1 %.4f, want at least %.4f", c.file, got.F1, c.want-0.01)
		}
	}
}
