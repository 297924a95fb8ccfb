package countries

// firstWords is a one-hash Bloom filter over the first words of the trie's
// names (the keys of tbl.root.next): a capitalised word whose length, first
// and last bytes hash to an unset bit starts no name, and Find skips the
// map's string hashing for it. Exact: every key sets its bit, so a name is
// never filtered out; a false positive merely falls through to the map.
type firstWords [1 << 10]uint64 // 65,536 bits, 8 KiB; the root has a few thousand keys

func firstWordBit(s string) uint32 {
	x := uint32(len(s))<<16 | uint32(s[0])<<8 | uint32(s[len(s)-1])
	return (x * 2654435761) >> 16 // Fibonacci hashing to 16 bits
}

func (f *firstWords) add(w string) {
	if w != "" {
		b := firstWordBit(w)
		f[b>>6] |= 1 << (b & 63)
	}
}

// mayStart reports whether w may be the first word of a name: false means
// it is not.
func (f *firstWords) mayStart(w string) bool {
	if w == "" {
		return true // the map decides
	}
	b := firstWordBit(w)
	return f[b>>6]&(1<<(b&63)) != 0
}

// rootNext returns the trie's child for first word w, or nil.
func (t *table) rootNext(w string) *node {
	if !t.first.mayStart(w) {
		return nil
	}
	return t.root.next[w]
}
