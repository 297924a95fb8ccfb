package ner

// decode is viterbi for tagging with masked transitions (maskTrans): the
// same result, in about two thirds of the time. An I-X tag may only follow
// B-X or I-X (allowed), so only those two predecessors are scored for it;
// the others have a transition of forbidden, which never wins: scores at
// one position differ by a bounded amount (a few emissions and transitions,
// far below -forbidden), so a path through a forbidden transition is never
// the best nor tied with it. The candidates kept are tried in viterbi's
// order with its strict comparison, so ties resolve the same way too.
//
// The transitions come transposed (stage.ttrans), so that the candidates of
// one tag are contiguous, and the nine-way maximum is unrolled.
func decode(em []int32, st *stage, n int, back []uint8, out []uint8) {
	trans, tt := &st.mtrans, &st.ttrans
	// Two score rows, swapped each step rather than copied: every step
	// writes all of cur.
	var rows [2][nTags]int32
	prev, cur := &rows[0], &rows[1]
	for t := 0; t < nTags; t++ {
		prev[t] = em[t] + trans[t]
	}
	for k := 1; k < n; k++ {
		e := (*[nTags]int32)(em[k*nTags : (k+1)*nTags])
		bk := (*[nTags]uint8)(back[k*nTags : (k+1)*nTags])
		// O and B-X: any predecessor. When O's path reaches what any other
		// predecessor could with its best transition into the tag
		// (hi+fromMax), O is the argmax and, being tag 0, the first to
		// reach it, so the nine-way maximum (stepAny) is skipped: in news
		// text O leads by far at most tokens. That holds for the five
		// tags at once when hi-p0 <= oSlack, the least of their margins
		// tt[t][O]-fromMax[t] (scores stay far from int32's limits: the
		// difference does not overflow), one test instead of five at 83%
		// of the steps of conll2003-dev. Unrolled, with constant indices,
		// as are the I-X steps: no bounds checks, no loop.
		p0 := prev[tagO]
		hi := max(prev[1], prev[2], prev[3], prev[4], prev[5], prev[6], prev[7], prev[8])
		if hi-p0 <= st.oSlack {
			cur[0], cur[1], cur[3] = p0+tt[0][tagO]+e[0], p0+tt[1][tagO]+e[1], p0+tt[3][tagO]+e[3]
			cur[5], cur[7] = p0+tt[5][tagO]+e[5], p0+tt[7][tagO]+e[7]
			bk[0], bk[1], bk[3], bk[5], bk[7] = tagO, tagO, tagO, tagO, tagO
		} else {
			if s := p0 + tt[0][tagO]; hi+st.fromMax[0] <= s {
				cur[0], bk[0] = s+e[0], tagO
			} else {
				cur[0], bk[0] = stepAny(prev, &tt[0], e[0])
			}
			if s := p0 + tt[1][tagO]; hi+st.fromMax[1] <= s {
				cur[1], bk[1] = s+e[1], tagO
			} else {
				cur[1], bk[1] = stepAny(prev, &tt[1], e[1])
			}
			if s := p0 + tt[3][tagO]; hi+st.fromMax[3] <= s {
				cur[3], bk[3] = s+e[3], tagO
			} else {
				cur[3], bk[3] = stepAny(prev, &tt[3], e[3])
			}
			if s := p0 + tt[5][tagO]; hi+st.fromMax[5] <= s {
				cur[5], bk[5] = s+e[5], tagO
			} else {
				cur[5], bk[5] = stepAny(prev, &tt[5], e[5])
			}
			if s := p0 + tt[7][tagO]; hi+st.fromMax[7] <= s {
				cur[7], bk[7] = s+e[7], tagO
			} else {
				cur[7], bk[7] = stepAny(prev, &tt[7], e[7])
			}
		}
		// I-X (2, 4, 6, 8): B-X or I-X before.
		cur[2], bk[2] = stepI(prev[1], prev[2], &tt[2], 1, e[2])
		cur[4], bk[4] = stepI(prev[3], prev[4], &tt[4], 3, e[4])
		cur[6], bk[6] = stepI(prev[5], prev[6], &tt[6], 5, e[6])
		cur[8], bk[8] = stepI(prev[7], prev[8], &tt[8], 7, e[8])
		prev, cur = cur, prev
	}
	backtrace(prev, n, back, out)
}

// stepAny is the score and back pointer of a tag that any tag may
// precede, with emission e and tr its transitions (ttrans[t]).
func stepAny(prev, tr *[nTags]int32, e int32) (int32, uint8) {
	best, arg := argmax(prev, tr)
	return best + e, arg
}

// stepI is the score and back pointer of the tag I-X (b+1) with emission
// e, from B-X (b, score pb) or I-X (score pi), tr its transitions: the
// first on a tie, as viterbi.
func stepI(pb, pi int32, tr *[nTags]int32, b uint8, e int32) (int32, uint8) {
	best, arg := pb+tr[b], b
	if s := pi + tr[b+1]; s > best {
		best, arg = s, b+1
	}
	return best + e, arg
}

// argmax returns the best of prev[p]+tr[p] and the first p that reaches
// it.
func argmax(prev, tr *[nTags]int32) (int32, uint8) {
	best, arg := prev[0]+tr[0], uint8(0)
	if s := prev[1] + tr[1]; s > best {
		best, arg = s, 1
	}
	if s := prev[2] + tr[2]; s > best {
		best, arg = s, 2
	}
	if s := prev[3] + tr[3]; s > best {
		best, arg = s, 3
	}
	if s := prev[4] + tr[4]; s > best {
		best, arg = s, 4
	}
	if s := prev[5] + tr[5]; s > best {
		best, arg = s, 5
	}
	if s := prev[6] + tr[6]; s > best {
		best, arg = s, 6
	}
	if s := prev[7] + tr[7]; s > best {
		best, arg = s, 7
	}
	if s := prev[8] + tr[8]; s > best {
		best, arg = s, 8
	}
	return best, arg
}

// transpose sets st.ttrans from st.mtrans, st.fromMax and st.oSlack.
func (st *stage) transpose() {
	for t := 0; t < nTags; t++ {
		for p := 0; p < nTags; p++ {
			st.ttrans[t][p] = st.mtrans[(p+1)*nTags+t]
		}
		st.fromMax[t] = st.ttrans[t][1]
		for p := 2; p < nTags; p++ {
			st.fromMax[t] = max(st.fromMax[t], st.ttrans[t][p])
		}
	}
	st.oSlack = st.ttrans[0][tagO] - st.fromMax[0]
	for t := 1; t < nTags; t += 2 {
		st.oSlack = min(st.oSlack, st.ttrans[t][tagO]-st.fromMax[t])
	}
}
