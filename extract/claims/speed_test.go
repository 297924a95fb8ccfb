package claims

import (
	"crypto/sha256"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

// TestCollapseSpace checks collapseSpace against what it stands for on
// random strings of letters and white space, ASCII and not.
func TestCollapseSpace(t *testing.T) {
	parts := []string{"a", "Bc", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u0085", "\u2003", "é", "."}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// seedDocs loads the seed file from ../shared, or skips the test.
func seedDocs(t *testing.T) []corpus.Doc {
	t.Helper()
	dir, ok := corpus.DataDir()
	if !ok {
		t.Skip("shared/eval/data not found next to the repository")
	}
	docs, err := corpus.Load(filepath.Join(dir, "seed.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestFindReuse checks that a doc recycled by Find (docs) carries nothing
// from one text to the next: the claims of each text of the seed file,
// read forward, equal those read backward, after a long text.
func TestFindReuse(t *testing.T) {
	docs := seedDocs(t)
	find := func(s string) string {
		h := sha256.New()
		hashClaims(h, Find(text.Analyze(s), nil))
		return string(h.Sum(nil))
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		want[i] = find(d.Text)
	}
	long := strings.Repeat(docs[0].Text+"\n\n", 40)
	find(long)
	for i := len(docs) - 1; i >= 0; i-- {
		if got := find(docs[i].Text); got != want[i] {
			t.Fatalf("doc %d: claims differ when read after others", i)
		}
	}
}

// TestMixSmall checks mixSmall against mix for small and large values.
func TestMixSmall(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		h := rng.Uint32()
		for v := range uint32(600) {
			if mixSmall(h, v) != mix(h, v) {
				t.Fatalf("mixSmall(%d, %d) = %d, want %d", h, v, mixSmall(h, v), mix(h, v))
			}
		}
		if v := rng.Uint32(); mixSmall(h, v) != mix(h, v) {
			t.Fatalf("mixSmall(%d, %d) = %d, want %d", h, v, mixSmall(h, v), mix(h, v))
		}
	}
}

// TestDropNestedCollisions checks dropNested's way out of a hash
// collision: with every key hashed alike, the claims of the seed file
// stay as they are.
func TestDropNestedCollisions(t *testing.T) {
	docs := seedDocs(t)
	run := func() string {
		h := sha256.New()
		for _, d := range docs {
			hashClaims(h, Find(text.Analyze(d.Text), nil))
		}
		return string(h.Sum(nil))
	}
	want := run()
	saved := keyHash
	defer func() { keyHash = saved }()
	keyHash = func([]byte) uint64 { return 7 }
	if run() != want {
		t.Fatal("claims differ when every dropNested key collides")
	}
}
