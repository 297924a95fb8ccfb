package weapons

// keyFilter is a one-hash Bloom filter over a map's keys: a word whose
// length, first and last bytes hash to an unset bit is not a key, so most
// tokens of an article skip the map's string hashing. It is exact for the
// question it answers: every key sets its bit, so a key is never filtered
// out; a false positive merely falls through to the map.
type keyFilter [1 << 10]uint64 // 65,536 bits, 8 KiB

func filterBit(s string) uint32 { return filterBitOf(len(s), s[0], s[len(s)-1]) }

// filterBitOf is filterBit of a word of length n with first and last
// bytes first and last, for callers that have not built the word.
func filterBitOf(n int, first, last byte) uint32 {
	x := uint32(n)<<16 | uint32(first)<<8 | uint32(last)
	return (x * 2654435761) >> 16 // Fibonacci hashing to 16 bits
}

// midBitOf is a second bit of a word of length n, from its middle byte
// mid (at n/2) and last byte, independent of filterBitOf's: the words'
// filter sets both (lexicon.lookup). Of the 51,640 tokens of
// conll2003-dev the first bit alone lets 10,362 through to the map, which
// holds 2,617 of them; both bits let 5,636 through.
func midBitOf(n int, mid, last byte) uint32 {
	x := uint32(n)<<16 | uint32(mid)<<8 | uint32(last)
	return (x * 0x85ebca6b) >> 16
}

// has reports whether bit b is set.
func (f *keyFilter) has(b uint32) bool { return f[b>>6]&(1<<(b&63)) != 0 }

// lowerASCII lower-cases an ASCII capital, as lexicon.lookup does.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
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
	return f.has(filterBit(s))
}

// buildFilters fills the filters from the finished maps.
func (l *lexicon) buildFilters() {
	for k := range l.words {
		l.wordF.add(k)
		if k != "" {
			b := midBitOf(len(k), k[len(k)/2], k[len(k)-1])
			l.wordM[b>>6] |= 1 << (b & 63)
		}
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
