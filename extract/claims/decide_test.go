package claims

import (
	"math/rand/v2"
	"testing"
)

// TestQuadScore checks that quadScore, which sums the conjunctions'
// weights without building them, scores a claim as the model scores the
// features withPairs builds (what training saw), bit for bit.
func TestQuadScore(t *testing.T) {
	m := embeddedModels().dec
	if len(m.q) == 0 {
		t.Fatal("the embedded model set has no decision model")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 1000; n++ {
		fs := make([]uint32, nBase+13)
		for i := range fs {
			fs[i] = r.Uint32()
		}
		if got, want := m.quadScore(fs), m.score(withPairs(fs, nil)); got != want {
			t.Fatalf("quadScore = %v, score of withPairs = %v", got, want)
		}
	}
}
