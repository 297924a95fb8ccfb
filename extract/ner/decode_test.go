package ner

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDecodeMatchesViterbi checks decode against viterbi on random
// emissions, with the model's transitions and with small random ones, and
// emissions from a small range so that ties are frequent.
func TestDecodeMatchesViterbi(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var small [(nTags + 1) * nTags]int32
	for i := range small {
		small[i] = rng.Int32N(5) - 2
	}
	masked := new(stage)
	maskTrans(masked.mtrans[:], small[:])
	masked.transpose()
	m := defaultModel()
	for _, st := range []*stage{m.first, m.second, masked} {
		for range 3000 {
			n := 1 + rng.IntN(60)
			span := int32(1 + rng.IntN(4000))
			em := make([]int32, n*nTags)
			for i := range em {
				em[i] = rng.Int32N(2*span+1) - span
			}
			want, got := make([]uint8, n), make([]uint8, n)
			viterbi(em, st.mtrans[:], n, make([]uint8, n*nTags), want)
			decode(em, st, n, make([]uint8, n*nTags), got)
			if !slices.Equal(got, want) {
				t.Fatalf("decode %v, viterbi %v", got, want)
			}
		}
	}
}
