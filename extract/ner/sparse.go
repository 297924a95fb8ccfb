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

// sparseRows returns the rank index and the rows of the fused table of the
// two stages' weights w1 and w2 (nTags a bucket): row 0 the zero row, then
// the rows of the buckets with a weight in either stage, in bucket order,
// each the bucket's weights biased (w + weightBias).
func sparseRows(w1, w2 []int8) ([]rowBlock, []fusedRow) {
	n := len(w1) / nTags
	zero := func(b int) bool {
		for t := b * nTags; t < (b+1)*nTags; t++ {
			if w1[t] != 0 || w2[t] != 0 {
				return false
			}
		}
		return true
	}
	count := 1
	for b := 0; b < n; b++ {
		if !zero(b) {
			count++
		}
	}
	blocks := make([]rowBlock, (n+63)/64)
	rows := make([]fusedRow, 1, count)
	rows[0] = zeroRow
	for b := 0; b < n; b++ {
		blk := &blocks[b/64]
		if b%64 == 0 {
			blk.base = uint32(len(rows))
		}
		if zero(b) {
			continue
		}
		blk.nonZero |= 1 << (b % 64)
		var r fusedRow
		for t := 0; t < nTags; t++ {
			r[t] = byte(w1[b*nTags+t]) ^ 0x80 // w + weightBias
			r[nTags+t] = byte(w2[b*nTags+t]) ^ 0x80
		}
		rows = append(rows, r)
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
