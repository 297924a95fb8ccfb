package claims

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"path/filepath"
	"testing"

	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

// outputHash pins every claim Find returns on four evaluation files
// (source, cue, content, pieces, speaker, kind as byte offsets). Speed work
// must keep it; change it only when a commit deliberately changes output,
// and say so in that commit.
const outputHash = "b7e2856f0018b5cefcc10c3c1d48e511f8ab9bcb5f87482bb1164a41a0a02c5a"

// goldenFiles are the files whose claims outputHash covers.
var goldenFiles = []string{"polnear-dev.jsonl", "conll2003-dev.jsonl", "re3d-dev.jsonl", "seed.jsonl"}

func hashClaims(h hash.Hash, cs []Claim) {
	sp := func(s *text.Span) string {
		if s == nil {
			return "-"
		}
		return fmt.Sprintf("%d:%d", s.Start, s.End)
	}
	for _, c := range cs {
		fmt.Fprintf(h, "%s|%s|%s|%v|%q|%d|%d\n", sp(c.Source), sp(c.Cue), sp(&c.Content), c.Pieces, c.Speaker, c.Person, c.Kind)
	}
}

func TestOutputHash(t *testing.T) {
	dir, ok := corpus.DataDir()
	if !ok {
		t.Skip("shared/eval/data not found next to the repository; skipping output hash")
	}
	h := sha256.New()
	n := 0
	for _, f := range goldenFiles {
		docs, err := corpus.Load(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			fmt.Fprintf(h, "doc %s\n", d.ID)
			cs := Find(text.Analyze(d.Text), nil)
			n += len(cs)
			hashClaims(h, cs)
		}
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != outputHash {
		t.Errorf("claims output changed: hash %s over %d claims, want %s", got, n, outputHash)
	}
}
