package ner

import (
	"math/rand/v2"
	"testing"
)

// TestSparseRows checks that the sparse table gives every bucket its row:
// the two stages' weights, biased.
func TestSparseRows(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 1000 // not a multiple of 64: a partial last block
	w1, w2 := make([]int8, n*nTags), make([]int8, n*nTags)
	for b := 0; b < n; b++ {
		if r.IntN(5) == 0 {
			w := w1
			if r.IntN(2) == 0 {
				w = w2
			}
			w[b*nTags+r.IntN(nTags)] = int8(r.IntN(255) - 127)
		}
	}
	m := &Model{}
	m.blocks, m.fused = sparseRows(w1, w2)
	for b := 0; b < n; b++ {
		var want fusedRow
		for k := 0; k < nTags; k++ {
			want[k] = byte(int(w1[b*nTags+k]) + weightBias)
			want[nTags+k] = byte(int(w2[b*nTags+k]) + weightBias)
		}
		if got := m.fused[m.rowOf(uint64(b))]; got != want {
			t.Fatalf("bucket %d: row %v, want %v", b, got, want)
		}
	}
	if m.fused[0] != zeroRow {
		t.Errorf("row 0 is %v, want the zero row", m.fused[0])
	}
}
