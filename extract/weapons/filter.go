package weapons

// keyFilter is a one-hash Bloom filter over a map's keys: a word whose
// length, first and last bytes hash to an unset bit is not a key, so most
// tokens of an article skip the map's string hashing. It is exact for the
// question it answers: every key sets its bit, so a key is never filtered
// out; a false positive merely falls through to the map.
type keyFilter [1 << 10]uint64 // 65,536 bits, 8 KiB

func filterBit(s string) uint32 {
	x := uint32(len(s))<<16 | uint32(s[0])<<8 | uint32(s[len(s)-1])
	return (x * 2654435761) >> 16 // Fibonacci hashing to 16 bits
}

func (f *keyFilter) add(key string) {
	if key != "" {
		b := filterBit(key)
		f[b>>6] |= 1 << (b & 63)
	}
}

// mayHave reports whether s may be a key: false means it is not.
func (f *keyFilter) mayHave(s string) bool {
	if s == "" {
		return true // the map decides; no key is filtered
	}
	b := filterBit(s)
	return f[b>>6]&(1<<(b&63)) != 0
}

// buildFilters fills the filters from the finished maps.
func (l *lexicon) buildFilters() {
	for k := range l.words {
		l.wordF.add(k)
	}
	for k := range l.names {
		l.nameF.add(k)
	}
}

// nameList returns the spellings filed under first token t (exact case).
func (l *lexicon) nameList(t string) []*name {
	if !l.nameF.mayHave(t) {
		return nil
	}
	return l.names[t]
}
