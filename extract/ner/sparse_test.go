package ner

import (
	"math/rand/v2"
	"testing"
)

// TestSparseRows checks that the sparse table gives every bucket its row.
func TestSparseRows(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	f := make([]fusedRow, 1000) // not a multiple of 64: a partial last block
	for b := range f {
		f[b] = zeroRow
		if r.IntN(5) == 0 {
			f[b][r.IntN(rowBytes)] = byte(r.IntN(256))
		}
	}
	m := &Model{}
	m.blocks, m.fused = sparseRows(f)
	for b := range f {
		if got := m.fused[m.rowOf(uint64(b))]; got != f[b] {
			t.Fatalf("bucket %d: row %v, want %v", b, got, f[b])
		}
	}
	if m.fused[0] != zeroRow {
		t.Errorf("row 0 is %v, want the zero row", m.fused[0])
	}
}
