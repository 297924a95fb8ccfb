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
	var prev [nTags]int32
	for t := 0; t < nTags; t++ {
		prev[t] = em[t] + trans[t]
	}
	for k := 1; k < n; k++ {
		e := (*[nTags]int32)(em[k*nTags : (k+1)*nTags])
		bk := (*[nTags]uint8)(back[k*nTags : (k+1)*nTags])
		var cur [nTags]int32
		// O and B-X: any predecessor. When O's path beats what any other
		// predecessor could reach with its best transition (hi+st.fromMax),
		// O is the argmax and, being tag 0, the first to reach it: the
		// nine-way maximum is skipped. In news text O leads by far at most
		// tokens.
		hi := max(prev[1], prev[2], prev[3], prev[4], prev[5], prev[6], prev[7], prev[8])
		for _, t := range [...]int{tagO, 1, 3, 5, 7} {
			if s := prev[tagO] + tt[t][tagO]; hi+st.fromMax[t] <= s {
				cur[t] = s + e[t]
				bk[t] = tagO
				continue
			}
			best, arg := argmax(&prev, &tt[t])
			cur[t] = best + e[t]
			bk[t] = arg
		}
		// I-X (2, 4, 6, 8): B-X or I-X before.
		for t := 2; t < nTags; t += 2 {
			best, arg := prev[t-1]+tt[t][t-1], uint8(t-1)
			if s := prev[t] + tt[t][t]; s > best {
				best, arg = s, uint8(t)
			}
			cur[t] = best + e[t]
			bk[t] = arg
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

// transpose sets st.ttrans from st.mtrans, and st.fromMax.
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
}
