package ner

import (
	"math/rand/v2"
	"testing"
)

// TestWordLists checks the merged lists against the common-word set and
// the profile they come from, on the default model.
func TestWordLists(t *testing.T) {
	m := defaultModel()
	l := newWordLists(m.common, m.prof)
	if l == nil {
		t.Fatal("the default model's lists do not merge")
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 1 << 20 {
		h := r.Uint64()
		if l.class(h) != m.prof.class(h) || l.common(h) != m.common.has(h) {
			t.Fatalf("hash %#x: merged (%d, %v), apart (%d, %v)", h, l.class(h), l.common(h), m.prof.class(h), m.common.has(h))
		}
	}
}
