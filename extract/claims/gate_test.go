package claims

import (
	"path/filepath"
	"testing"

	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

// TestClaimBound checks that claimBound never falls below the claim score
// of the span it bounds, so that the gate drops no frame the full
// computation would keep.
func TestClaimBound(t *testing.T) {
	dir, ok := corpus.DataDir()
	if !ok {
		t.Skip("shared/eval/data not found next to the repository")
	}
	n := 0
	for _, f := range []string{"polnear-dev.jsonl", "seed.jsonl"} {
		docs, err := corpus.Load(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range docs {
			a := text.Analyze(doc.Text)
			if len(a.Tokens) == 0 {
				continue
			}
			d := newDoc(a)
			d.onBound = func(bound, score float32) {
				n++
				if bound < score {
					t.Errorf("%s: claim bound %v below the score %v", doc.ID, bound, score)
				}
			}
			d.propose(a)
		}
	}
	if n == 0 {
		t.Error("no forward frame scored")
	}
}
