package ner

import "encoding/binary"

// The fused rows are summed four scores to a machine word ("SIMD within a
// register"): fuse stores each int8 weight w biased, as the byte w+128 (0
// to 255), and a row's 18 bytes are added into five uint64 accumulators of
// four 16-bit lanes each (an lanes value). Every lane only ever adds
// non-negative numbers, at most 255 per row and at most 35 rows at a time
// (a token's 31 features and the default rows sentEmissions takes off
// again: 8925 < 65536), so no carry crosses lanes and the sums are exact;
// a row taken off (sentEmissions) was added before, so no borrow crosses
// lanes either. unpackFirst and unpackSecond take the bias off. That is
// about a third of the instructions of adding the 18 bytes one by one.
//
// Lanes: acc[0] holds row bytes 0, 2, 4, 6; acc[1] 1, 3, 5, 7; acc[2] 8,
// 10, 12, 14; acc[3] 9, 11, 13, 15; acc[4] 16, 17. Bytes 0-8 are the first
// stage's tags, 9-17 the second's.
type lanes [5]uint64

const (
	rowBytes   = 2 * nTags
	evenBytes  = 0x00FF00FF00FF00FF
	weightBias = 128
)

// fusedRow is one bucket's row of fused weights.
type fusedRow [rowBytes]byte

// addRow adds the biased fused row b to acc.
func addRow(acc *lanes, fused []fusedRow, b int32) {
	r := &fused[b]
	x0 := binary.LittleEndian.Uint64(r[0:8])
	x1 := binary.LittleEndian.Uint64(r[8:16])
	acc[0] += x0 & evenBytes
	acc[1] += x0 >> 8 & evenBytes
	acc[2] += x1 & evenBytes
	acc[3] += x1 >> 8 & evenBytes
	acc[4] += uint64(r[16]) | uint64(r[17])<<16
}

// addRows adds the biased fused rows offs to acc: addRow for each, with
// the accumulators held in registers rather than stored back after every
// row (sentEmissions sums eleven rows a token; addRow, too large to
// inline, took some fifty instructions a row).
func addRows(acc *lanes, fused []fusedRow, offs []int32) {
	a0, a1, a2, a3, a4 := acc[0], acc[1], acc[2], acc[3], acc[4]
	for _, b := range offs {
		r := &fused[b]
		x0 := binary.LittleEndian.Uint64(r[0:8])
		x1 := binary.LittleEndian.Uint64(r[8:16])
		a0 += x0 & evenBytes
		a1 += x0 >> 8 & evenBytes
		a2 += x1 & evenBytes
		a3 += x1 >> 8 & evenBytes
		a4 += uint64(r[16]) | uint64(r[17])<<16
	}
	acc[0], acc[1], acc[2], acc[3], acc[4] = a0, a1, a2, a3, a4
}

// unpackFirst writes the first stage's scores of the lanes a0-a2 of a sum
// of nf biased rows to e1: byte j of a row is lane j>>1 of a0 (j even) or
// a1 (odd) for j < 8, and lane 0 of a2 for j = 8 (the second stage's bytes
// 9-17: unpackSecond).
func unpackFirst(a0, a1, a2 uint64, nf int32, e1 []int32) {
	bias := nf * weightBias
	e1 = e1[:nTags:nTags]
	e1[0], e1[1], e1[2] = lane(a0, 0, bias), lane(a1, 0, bias), lane(a0, 1, bias)
	e1[3], e1[4], e1[5] = lane(a1, 1, bias), lane(a0, 2, bias), lane(a1, 2, bias)
	e1[6], e1[7], e1[8] = lane(a0, 3, bias), lane(a1, 3, bias), lane(a2, 0, bias)
}

// unpackSecond writes the second stage's scores (row bytes 9-17) of the
// lanes a2, a3 and a4, less bias, to e2: byte j is lane (j-8)>>1 of
// acc[2+j&1] for j < 16 and lane j-16 of acc[4].
func unpackSecond(a2, a3, a4 uint64, bias int32, e2 []int32) {
	e2 = e2[:nTags:nTags]
	e2[0], e2[1], e2[2] = lane(a3, 0, bias), lane(a2, 1, bias), lane(a3, 1, bias)
	e2[3], e2[4], e2[5] = lane(a2, 2, bias), lane(a3, 2, bias), lane(a2, 3, bias)
	e2[6], e2[7], e2[8] = lane(a3, 3, bias), lane(a4, 0, bias), lane(a4, 1, bias)
}

// lane is 16-bit lane k of a, less bias.
func lane(a uint64, k uint, bias int32) int32 {
	return int32(a>>(16*k)&0xFFFF) - bias
}
