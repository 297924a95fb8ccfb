package ner

import "math/bits"

// Most buckets of the hashed feature space hold no weight in either stage
// (84% of the default model's 524,288: 439,907), so the fused table keeps
// only the other rows, in bucket order, behind a rank index: a bit per
// bucket telling whether its row is non-zero, and per block of 64 buckets
// the number of non-zero rows before it. A bucket's row is then found with
// a read of its block (the index is 128 KB, which the CPU caches keep) and
// a population count, and the table is 1.5 MB instead of 9: the rows that
// tagging reads at random miss the caches and the TLB far less often, and
// a feature of a zero bucket, as most unseen context features are, reads
// the shared zero row, always in cache. Row 0 is that zero row (every byte
// weightBias, the biased weight 0), so the sums are the very integers the
// full table gave.

// rowBlock is the rank index of 64 buckets.
type rowBlock struct {
	nonZero uint64 // bit k: bucket 64*i+k has a non-zero row
	base    uint32 // rows before the block, the zero row included
}

// zeroRow is the biased row of a bucket without weights.
var zeroRow = func() (r fusedRow) {
	for k := range r {
		r[k] = weightBias
	}
	return r
}()

// sparseRows returns the rank index and the rows of the full fused table f:
// row 0 the zero row, then f's non-zero rows in bucket order.
func sparseRows(f []fusedRow) ([]rowBlock, []fusedRow) {
	blocks := make([]rowBlock, (len(f)+63)/64)
	n := 1
	for b := range f {
		if f[b] != zeroRow {
			n++
		}
	}
	rows := make([]fusedRow, 1, n)
	rows[0] = zeroRow
	for i := range blocks {
		blocks[i].base = uint32(len(rows))
		for k := 0; k < 64 && 64*i+k < len(f); k++ {
			if r := f[64*i+k]; r != zeroRow {
				blocks[i].nonZero |= 1 << k
				rows = append(rows, r)
			}
		}
	}
	return blocks, rows
}

// rowOf returns the row of bucket b (less than the number of buckets) in
// m.fused: 0, the zero row, for a bucket without weights. It has no branch
// to mispredict: whether a context feature's bucket is zero is a coin toss.
func (m *Model) rowOf(b uint64) int32 {
	return rowIn(m.blocks, b)
}

// rowIn is rowOf with the index blocks in hand (a loop keeps them in
// registers).
func rowIn(blocks []rowBlock, b uint64) int32 {
	blk := &blocks[b>>6]
	k := b & 63
	present := uint32(blk.nonZero>>k) & 1
	below := blk.nonZero & (1<<k - 1)
	return int32((blk.base + uint32(bits.OnesCount64(below))) & -present)
}
