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
			stepOB(prev, cur, bk, e, st, hi)
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

// stepOB is decode's step for O and the B-X tags when O may not lead all
// five (17% of the steps of conll2003-dev). Each takes O when O reaches
// what any other predecessor could (hi+fromMax), as decode's shortcut.
// Else, most often one tag q leads the others by far (the previous token's
// entity tag): every predecessor but O and q scores at most hi2+fromMax,
// hi2 the best of them, so when q's candidate beats that, the better of O
// (first on a tie, as in viterbi) and q wins, without the nine-way
// maximum, which is left for the remaining cases.
func stepOB(prev, cur *[nTags]int32, bk *[nTags]uint8, e *[nTags]int32, st *stage, hi int32) {
	// q: the first tag other than O to reach hi, unrolled; hi2: the best
	// of the others, the maximum of prev without O and q.
	q := uint8(8)
	if prev[7] == hi {
		q = 7
	}
	if prev[6] == hi {
		q = 6
	}
	if prev[5] == hi {
		q = 5
	}
	if prev[4] == hi {
		q = 4
	}
	if prev[3] == hi {
		q = 3
	}
	if prev[2] == hi {
		q = 2
	}
	if prev[1] == hi {
		q = 1
	}
	w := *prev
	w[q] = forbidden * 4 // below any score; no overflow with a transition added
	hi2 := max(w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8])
	tt, fm := &st.ttrans, &st.fromMax
	p0 := prev[tagO]
	if s, a, ok := pickOB(p0+tt[0][tagO], hi+tt[0][q], hi+fm[0], hi2+fm[0], q); ok {
		cur[0], bk[0] = s+e[0], a
	} else {
		cur[0], bk[0] = stepAny(prev, &tt[0], e[0])
	}
	if s, a, ok := pickOB(p0+tt[1][tagO], hi+tt[1][q], hi+fm[1], hi2+fm[1], q); ok {
		cur[1], bk[1] = s+e[1], a
	} else {
		cur[1], bk[1] = stepAny(prev, &tt[1], e[1])
	}
	if s, a, ok := pickOB(p0+tt[3][tagO], hi+tt[3][q], hi+fm[3], hi2+fm[3], q); ok {
		cur[3], bk[3] = s+e[3], a
	} else {
		cur[3], bk[3] = stepAny(prev, &tt[3], e[3])
	}
	if s, a, ok := pickOB(p0+tt[5][tagO], hi+tt[5][q], hi+fm[5], hi2+fm[5], q); ok {
		cur[5], bk[5] = s+e[5], a
	} else {
		cur[5], bk[5] = stepAny(prev, &tt[5], e[5])
	}
	if s, a, ok := pickOB(p0+tt[7][tagO], hi+tt[7][q], hi+fm[7], hi2+fm[7], q); ok {
		cur[7], bk[7] = s+e[7], a
	} else {
		cur[7], bk[7] = stepAny(prev, &tt[7], e[7])
	}
}

// pickOB is stepOB's choice for one tag from O's candidate s0 and q's sq,
// with hiBound and hi2Bound what the best of all tags but O and of all but
// O and q could reach: ok is false when neither bound settles it.
func pickOB(s0, sq, hiBound, hi2Bound int32, q uint8) (int32, uint8, bool) {
	if hiBound <= s0 {
		return s0, tagO, true
	}
	if sq > hi2Bound {
		if s0 >= sq {
			return s0, tagO, true
		}
		return sq, q, true
	}
	return 0, 0, false
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
