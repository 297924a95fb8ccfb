package ner

import "math/bits"

// wordIDs numbers the distinct lower-cased words of a document (their
// hashes, tokInfo.lower) for docFlags and stack, which group a word's
// occurrences. It replaces a map per document with an open-addressing
// table kept in the tagger's scratch: one probe per token and no
// allocation once the buffers have grown. Grouping by the same 64-bit
// hashes as the maps did, it groups the same tokens.
type wordIDs struct {
	keys  []uint64
	slots []int32 // 1 + the number of the word whose hash is in keys; 0: free
	ids   []int32 // the number of each token's word
	n     int     // the number of distinct words
	seen  []uint8 // docFlags' per-word flags
	votes []votes // stack's per-word votes
}

// number sets w.ids to the number of each token's word, 0 to w.n-1 in order
// of first occurrence, and returns them.
func (w *wordIDs) number(infos []tokInfo) []int32 {
	lg := bits.Len(uint(2*len(infos) + 1)) // at most half full
	size := 1 << lg
	if cap(w.slots) < size {
		w.slots, w.keys = make([]int32, size), make([]uint64, size)
	}
	w.slots, w.keys = w.slots[:size], w.keys[:size]
	clear(w.slots)
	if cap(w.ids) < len(infos) {
		w.ids = make([]int32, len(infos), 2*len(infos))
	}
	w.ids = w.ids[:len(infos)]
	w.n = 0
	mask := size - 1
	for i := range infos {
		h := infos[i].lower
		j := int(h * 0x9E3779B97F4A7C15 >> (64 - lg)) // Fibonacci hashing: the top bits
		for w.slots[j] != 0 && w.keys[j] != h {
			j = (j + 1) & mask
		}
		if w.slots[j] == 0 {
			w.n++
			w.slots[j], w.keys[j] = int32(w.n), h
		}
		w.ids[i] = w.slots[j] - 1
	}
	return w.ids
}
