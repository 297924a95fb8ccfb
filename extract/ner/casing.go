package ner

import "github.com/dossier-reader/dossier/extract/text"

// casing is a set of words (lower-case hashes in a bit set, 2^20 bits =
// 128 KB; collisions only add a few false members) that news text usually
// writes in lower case. It tells a capitalised word at the start of a
// sentence or in a headline ("Later, ...", "ROTOR FANS LOCKED OUT") that is
// a common word from one that is a name, which the training data alone,
// with its few sentence starts, cannot.
type casing []uint64

const casingBits = 20

func (c casing) has(h uint64) bool {
	if len(c) == 0 {
		return false
	}
	i := h & (uint64(len(c))*64 - 1)
	return c[i>>6]&(1<<(i&63)) != 0
}

// learnCasing counts, over the texts, how often each word is written in
// lower case and how often capitalised in mid-sentence; a word is common
// when seen in lower case at least twice and more often than capitalised.
func learnCasing(texts []string) casing {
	type count struct{ lower, upper int32 }
	counts := map[uint64]*count{}
	var s scratch
	for _, src := range texts {
		a := text.Analyze(src)
		infos, _ := docInfo(a, &s)
		for _, ti := range infos {
			if ti.flags&fPunct != 0 || ti.flags&(fSentStart|fCapsLine) != 0 && ti.flags&fCap != 0 {
				continue
			}
			c := counts[ti.lower]
			if c == nil {
				c = new(count)
				counts[ti.lower] = c
			}
			if ti.flags&fCap != 0 {
				c.upper++
			} else if ti.flags&fLowerWord != 0 {
				c.lower++
			}
		}
	}
	set := make(casing, 1<<casingBits/64)
	for h, c := range counts {
		if c.lower >= 2 && c.lower > c.upper {
			i := h & (1<<casingBits - 1)
			set[i>>6] |= 1 << (i & 63)
		}
	}
	return set
}
