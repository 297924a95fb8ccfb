package ner

// decode is viterbi for tagging with masked transitions (maskTrans): the
// same result, in about two thirds of the time. An I-X tag may only follow
// B-X or I-X (allowed), so only those two predecessors are scored for it;
// the others have a transition of forbidden, which never wins: scores at
// one position differ by a bounded amount (a few emissions and transitions,
// far below -forbidden), so a path through a forbidden transition is never
// the best nor tied with it. The candidates kept are tried in viterbi's
// order with its strict comparison, so ties resolve the same way too.
func decode(em []int32, trans *[(nTags + 1) * nTags]int32, n int, back []uint8, out []uint8) {
	var cur, prev [nTags]int32
	for t := 0; t < nTags; t++ {
		prev[t] = em[t] + trans[t]
	}
	for k := 1; k < n; k++ {
		e := (*[nTags]int32)(em[k*nTags : (k+1)*nTags])
		bk := (*[nTags]uint8)(back[k*nTags : (k+1)*nTags])
		// O and B-X: any predecessor.
		for _, t := range [...]int{tagO, 1, 3, 5, 7} {
			best, arg := prev[0]+trans[nTags+t], 0
			for p := 1; p < nTags; p++ {
				if s := prev[p] + trans[(p+1)*nTags+t]; s > best {
					best, arg = s, p
				}
			}
			cur[t] = best + e[t]
			bk[t] = uint8(arg)
		}
		// I-X (2, 4, 6, 8): B-X or I-X before.
		for t := 2; t < nTags; t += 2 {
			best, arg := prev[t-1]+trans[t*nTags+t], t-1
			if s := prev[t] + trans[(t+1)*nTags+t]; s > best {
				best, arg = s, t
			}
			cur[t] = best + e[t]
			bk[t] = uint8(arg)
		}
		prev = cur
	}
	best := 0
	for t := 1; t < nTags; t++ {
		if prev[t] > prev[best] {
			best = t
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[k] = uint8(best)
		best = int(back[k*nTags+best])
	}
}
