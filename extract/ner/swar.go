package ner

import "encoding/binary"

// The fused rows are summed four scores to a machine word ("SIMD within a
// register"): fuse stores each int8 weight w biased, as the byte w+128 (0
// to 255), and a row's 18 bytes are added into five uint64 accumulators of
// four 16-bit lanes each (an lanes value). Every lane only ever adds
// non-negative numbers, at most 255 per feature and 27 features a token
// (6885 < 65536), so no carry crosses lanes and the sums are exact; unpack
// takes the bias off. That is about a third of the instructions of adding
// the 18 bytes one by one.
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

// addRow adds the biased fused row at offset b to acc.
func addRow(acc *lanes, fused []byte, b int32) {
	r := fused[b : b+rowBytes : b+rowBytes]
	x0 := binary.LittleEndian.Uint64(r[0:8])
	x1 := binary.LittleEndian.Uint64(r[8:16])
	acc[0] += x0 & evenBytes
	acc[1] += x0 >> 8 & evenBytes
	acc[2] += x1 & evenBytes
	acc[3] += x1 >> 8 & evenBytes
	acc[4] += uint64(r[16]) | uint64(r[17])<<16
}

// addRows adds the biased fused rows at offs to acc: addRow for each, with
// the accumulators held in registers rather than stored back after every
// row (sentEmissions sums eleven rows a token; addRow, too large to
// inline, took some fifty instructions a row).
func addRows(acc *lanes, fused []byte, offs []int32) {
	a0, a1, a2, a3, a4 := acc[0], acc[1], acc[2], acc[3], acc[4]
	for _, b := range offs {
		// An array pointer (the offset widened first, so that the
		// compiler knows the length) costs one bounds check a row.
		r := (*[rowBytes]byte)(fused[int(b):])
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

// addLanes adds v to acc.
func addLanes(acc, v *lanes) {
	acc[0] += v[0]
	acc[1] += v[1]
	acc[2] += v[2]
	acc[3] += v[3]
	acc[4] += v[4]
}

// unpack writes the scores of acc, the sum of nf biased rows, to the two
// stages' emissions e1 and e2.
func unpack(acc *lanes, nf int32, e1, e2 []int32) {
	bias := nf * weightBias
	var v [rowBytes]int32
	for j := range 8 {
		v[j] = int32(acc[j&1]>>(16*(j>>1))&0xFFFF) - bias
		v[8+j] = int32(acc[2+j&1]>>(16*(j>>1))&0xFFFF) - bias
	}
	v[16] = int32(acc[4]&0xFFFF) - bias
	v[17] = int32(acc[4]>>16&0xFFFF) - bias
	copy(e1[:nTags], v[:nTags])
	copy(e2[:nTags], v[nTags:])
}
