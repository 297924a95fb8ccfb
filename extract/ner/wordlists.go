package ner

// The common-word set (casing, 2^20 bits) and the profile (profile, 2^18
// bytes) are both read with a token's lower-case hash, at random, for every
// word the word cache has not seen. Merged, one read serves both: byte j
// of wordLists holds the profile class of slot j in its low four bits and,
// in bit 4+k, the common-word bit of slot k<<18|j of the set, so a word's
// byte is the one its profile slot names and the bit the top two of its 20
// set bits pick. It is the same information, in one table of 256 KB
// instead of two of 384 KB in all.
type wordLists []uint8

// newWordLists merges c and p, or returns nil when their sizes or the
// profile's classes do not fit the layout (scratch then reads them apart).
func newWordLists(c casing, p profile) wordLists {
	if len(p) == 0 || len(c)*64 != 4*len(p) {
		return nil
	}
	l := make(wordLists, len(p))
	for j, v := range p {
		if v >= 16 {
			return nil
		}
		l[j] = v
		for k := range 4 {
			if c.has(uint64(k*len(p) + j)) {
				l[j] |= 1 << (4 + k)
			}
		}
	}
	return l
}

// class is profile.class of the hash h.
func (l wordLists) class(h uint64) uint8 {
	return l[h&uint64(len(l)-1)] & 15
}

// common is casing.has of the hash h.
func (l wordLists) common(h uint64) bool {
	v := l[h&uint64(len(l)-1)]
	k := h / uint64(len(l)) % 4
	return v>>(4+k)&1 != 0
}
