package countries

// firstWords is a two-hash Bloom filter over the first words of the trie's
// names (the keys of tbl.root.next): a word whose length, first and last
// bytes, or whose length, middle and last bytes, hash to an unset bit
// starts no name, and Find skips the map's string hashing for it. Exact:
// every key sets its bits, so a name is never filtered out; a false
// positive merely falls through to the map. Of the 11,218 words looked
// up on conll2003-dev, 1,850 start a name; the first bit alone lets 3,653
// through, both 2,735.
type firstWords struct {
	ends, mid [1 << 10]uint64 // 65,536 bits each, 8 KiB; the root has a few thousand keys
}

// firstWordBits are w's bits in the two filters.
func firstWordBits(s string) (ends, mid uint32) {
	n, last := uint32(len(s)), uint32(s[len(s)-1])
	ends = (n<<16 | uint32(s[0])<<8 | last) * 2654435761 >> 16 // Fibonacci hashing to 16 bits
	mid = (n<<16 | uint32(s[len(s)/2])<<8 | last) * 0x85ebca6b >> 16
	return ends, mid
}

func (f *firstWords) add(w string) {
	if w != "" {
		a, b := firstWordBits(w)
		f.ends[a>>6] |= 1 << (a & 63)
		f.mid[b>>6] |= 1 << (b & 63)
	}
}

// mayStart reports whether w may be the first word of a name: false means
// it is not.
func (f *firstWords) mayStart(w string) bool {
	if w == "" {
		return true // the map decides
	}
	a, b := firstWordBits(w)
	return f.ends[a>>6]&(1<<(a&63)) != 0 && f.mid[b>>6]&(1<<(b&63)) != 0
}

// rootNext returns the trie's child for first word w, or nil.
func (t *table) rootNext(w string) *node {
	if !t.first.mayStart(w) {
		return nil
	}
	return t.root.next[w]
}
