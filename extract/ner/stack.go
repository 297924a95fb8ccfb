package ner

// stack records the first stage's tags in the tokens' information for the
// second stage: the token's own tag (p1), the type most often given to the
// other occurrences of the same word in the document (maj: 0 none, 1 O,
// 2+k type k), and whether another occurrence was the first or last word of
// a multi-word person name (perPos bits 1 and 2). Occurrences on all-caps
// lines do not vote: their tags are the least reliable.
func stack(infos []tokInfo, tags []uint8, w *wordIDs) {
	stackNumbered(infos, tags, w, w.number(infos))
}

// stackNumbered is stack with the words of infos already numbered: ids is
// what w.number(infos) returns (tagDoc has docFlags' numbers, the
// words being the same).
func stackNumbered(infos []tokInfo, tags []uint8, w *wordIDs, ids []int32) {
	// The votes of each word (wordIDs); a word none of whose occurrences
	// votes has none (the map this replaced had no entry for it).
	w.votes = append(w.votes[:0], make([]votes, w.n)...)
	vote := func(i int) (*votes, int, uint8) {
		v := &w.votes[ids[i]]
		ty := typeIndex(tags[i])
		var pos uint8
		if tags[i] == tagBPER && i+1 < len(tags) && tags[i+1] == tagIPER {
			pos |= 1
		}
		if tags[i] == tagIPER && (i+1 == len(tags) || tags[i+1] != tagIPER) {
			pos |= 2
		}
		return v, ty, pos
	}
	for i := range infos {
		infos[i].p1 = tags[i]
		if infos[i].flags&(fPunct|fCapsLine) != 0 || infos[i].flags&fCap == 0 {
			continue
		}
		v, ty, pos := vote(i)
		v.n[ty]++
		v.perPos |= pos
	}
	for i := range infos {
		infos[i].maj, infos[i].perPos = 0, 0
		if infos[i].flags&fPunct != 0 {
			continue
		}
		v := &w.votes[ids[i]]
		if v.none() {
			continue
		}
		n := v.n
		if infos[i].flags&(fPunct|fCapsLine) == 0 && infos[i].flags&fCap != 0 {
			_, ty, _ := vote(i)
			n[ty]-- // only the other occurrences vote
		}
		best, bestN := -1, uint16(0)
		for t, c := range n {
			if c > bestN {
				best, bestN = t, c
			}
		}
		infos[i].maj = uint8(best + 1)
		infos[i].perPos = v.perPos
	}
}

// typeIndex is 0 for O and 1+k for a tag of type k.
func typeIndex(tag uint8) int {
	if tag == tagO {
		return 0
	}
	return 1 + int(tag-1)/2
}

// votes are the first stage's types for the occurrences of a word that
// vote (stack), and their positions in person names.
type votes struct {
	n      [1 + nTypes]uint16
	perPos uint8
}

// none reports a word none of whose occurrences voted.
func (v *votes) none() bool {
	return v.n == [1 + nTypes]uint16{} && v.perPos == 0
}
