package claims

// A forward frame ("X said (that) …") gets several content spans, not one:
// the boundary rankers' best end (a minimum-Bayes-risk choice, bestEnd)
// and the runner-up by the same mass, the end before the next coordinated
// cue (forwardEnd) and the sentence end. The claim classifier scores each
// (trained on all of them, each labelled by whether it matches gold), and
// a chooser, an averaged ranking perceptron over features of where each
// span ends against the rankers' choice (chooseFeatures) and over the
// span's claim features, ranks them (trained by TrainClaimModel on the
// same cross-fitted candidates; the claim features gain 0.002 of dev
// content F1); the span with the best chooser score plus chooseClaim
// times the claim score is the frame's claim, then kept or dropped as any
// other. Training also proposes the runner-up start's span: it teaches
// the classifier (dev content F1 0.705 without it), but choosing it at
// inference gains nothing and costs a second pass of the end ranker.

// The alternative spans of a forward frame (draft.alt).
const (
	altBest   uint8 = iota // the rankers' choice
	altEnd2                // the runner-up end
	altLim                 // to the next coordinated cue or the sentence end
	altSent                // to the sentence end, past a coordinated cue
	altStart2              // the runner-up start with its best end (training only)
	altCount
)

// chooseClaim weighs the claim score against the chooser's in ranking
// the spans (polnear-dev content F1: 0 gives 0.711, 1 0.712, 3 0.713).
const chooseClaim = 3

// The gates are the gate model's claim scores (decide.go) of the rankers'
// choice below which a frame is dropped at once, without trying other
// spans: strongGate for a cue the hand-set thresholds take (fCue),
// weakGate for the others. They spare the other spans' scoring for the
// frames the decision model would almost never keep. On polnear-dev, of
// 3,917 forward frames -8 and -4 let the claim bound (gate.go) pass 3,725
// with the content F1 of no gate (0.721: two false claims fewer); -6 and
// -2 3,307 (F1 0.719), -4 and -0.5, the gates before the decision model,
// 2,769 (0.718).
const (
	strongGate = -8
	weakGate   = -4
)

// decisionMargin is how far below its keep threshold (claimKeep, or
// claimDrop for a cue the hand-set thresholds take) the decision model
// may score the rankers' choice of a frame that passed the gates before
// the other spans are tried: on polnear-dev 1 spares the other spans'
// scoring for a quarter of the frames that pass the gates (2,163 of
// 2,845 remain) and changes no claim; 0.5 drops two false claims more,
// 0.25 three true ones too.
const decisionMargin = 1

// decisionGate is the decision model's gate of draft dr's cue.
func (d *doc) decisionGate(dr draft) float32 {
	if d.flags[dr.cue.a]&fCue != 0 {
		return claimDrop - decisionMargin
	}
	return claimKeep - decisionMargin
}

// gateOf is the gate of draft dr's cue.
func (d *doc) gateOf(dr draft) float32 {
	if d.flags[dr.cue.a]&fCue != 0 {
		return strongGate
	}
	return weakGate
}

// span is one alternative content and the end ranker's confidence in it.
type span struct {
	r    rng
	conf float32
	alt  uint8
}

// forwardSpans proposes the alternative contents [k, …) of cue c (of base)
// in the sentence ending at last, lim being the furthest end, and adds the
// likeliest.
func (d *doc) forwardSpans(base draft, c, k, lim, last int) {
	var alts [altCount]span
	n := 0
	push := func(r rng, conf float32, a uint8) {
		r = d.trimEnd(r)
		if d.words(r) < 2 {
			return
		}
		for _, s := range alts[:n] {
			if s.r == r {
				return
			}
		}
		alts[n] = span{r, conf, a}
		n++
	}
	sm, k2 := d.startMargin, d.start2
	if !d.scored(&base) {
		if r := d.trimEnd(rng{k, d.bestEnd(c, k, lim)}); d.words(r) >= 2 {
			dr := base
			dr.pieces = d.piece(r)
			d.addKept(dr)
		}
		return
	}
	d.tbuf = d.baseFeatures(draft{src: base.src, cue: base.cue, pieces: []rng{{k, lim}}, frame: base.frame}, d.tbuf[:0])
	gated := d.collect == nil
	e := d.bestEnd(c, k, lim)
	push(rng{k, e}, d.endConf, altBest)
	// The claim bound (gate.go) would have dropped the frame before the
	// end ranker's pass; the gate below drops it as well (the bound is
	// exact). Reading it first cost about as much as the pass itself and
	// spared the pass for one frame in twelve on conll2003-dev, so it is
	// read only where nothing below is: for a choice too short to score.
	if gated && n == 0 && d.onBound == nil && d.claimBound(base, k, lim) < d.gateOf(base) {
		return
	}
	first := false // alts[0]'s decision score is in firstScore, its features in d.fbuf
	var firstScore float32
	if gated && n > 0 {
		sc := d.spanScore(base, alts[0])
		if d.onBound != nil {
			d.onBound(d.claimBound(base, k, lim), sc)
		}
		if sc < d.gateOf(base) {
			return
		}
		if firstScore = d.spanDecision(base, alts[0]); firstScore < d.decisionGate(base) {
			return
		}
		first = true
	}
	if e2, m2 := d.runnerUpEnd(e); e2 >= 0 {
		push(rng{k, e2}, m2, altEnd2)
	}
	push(rng{k, lim}, d.massOf(lim), altLim)
	if se := d.sentenceEnd(last); se > lim {
		push(rng{k, se}, 0, altSent)
	}
	if k2 > k && k2 < lim && d.collect != nil {
		e := d.bestEnd(c, k2, lim)
		push(rng{k2, e}, d.endConf, altStart2)
	}
	if n == 0 {
		return
	}
	d.pickSpan(base, alts[:n], sm, k, first, firstScore)
}

// pickSpan adds the alternative the chooser ranks first (the rankers'
// choice on ties) if the claim classifier keeps it. In training every
// alternative is collected and the rankers' choice is added, so that
// later frames see what they saw before. When first is set, the claim
// score of alts[0] is firstScore and its features are in d.fbuf.
func (d *doc) pickSpan(base draft, alts []span, sm float32, k int, first bool, firstScore float32) {
	var best draft
	var bestC float32
	for i, s := range alts {
		dr := base
		dr.pieces, dr.alt = d.piece(s.r), s.alt
		d.startMargin = sm
		if i == 0 && first {
			dr.score = firstScore
		} else if s.r.a == k {
			d.spanFeatures(base, s)
			dr.score = d.spanDecision(base, s)
			if d.collect != nil {
				*d.collect = append(*d.collect, candidate{fs: append([]uint32(nil), d.fbuf...), cue: dr.cue, pieces: dr.pieces})
			}
		} else {
			d.endConf = s.conf
			d.scoreDraft(&dr)
		}
		if len(alts) == 1 && d.collect == nil {
			best = dr // nothing to choose
			break
		}
		d.cbuf = d.chooseFeatures(base.cue.a, s, alts[0].r, d.cbuf[:0])
		if d.collect != nil {
			(*d.collect)[len(*d.collect)-1].cf = append([]uint32(nil), d.cbuf...)
		}
		c := d.m.choose.score(d.cbuf) + d.m.choose.score(d.fbuf) + chooseClaim*dr.score
		if i == 0 || d.collect == nil && c > bestC {
			best, bestC = dr, c
		}
	}
	if d.collect != nil || d.kept(&best) {
		if d.collect == nil {
			best.pieces[0] = d.closeQuote(best.pieces[0], alts)
		}
		d.addKept(best)
	}
}

// closeQuote extends the content r when it opens a quotation and stops
// inside it, to the quotation's closing mark, if one of the alternatives
// reaches that far: the guidelines keep a quotation whole in the content,
// and a reader sees a quotation cut in two as a mistake. The rankers do
// not always know it (the other cue candidates inside a quotation pull
// the end in).
func (d *doc) closeQuote(r rng, alts []span) rng {
	if r.b <= r.a || r.b >= len(d.toks) {
		return r
	}
	q := d.qid[r.b-1]
	if q < 0 || d.qid[r.b] != q || r.a > 0 && d.qid[r.a-1] == q {
		return r
	}
	end := d.quotes[q].close + 1
	for _, s := range alts {
		if s.r.b >= end {
			r.b = end
			break
		}
	}
	return r
}

// Chooser feature templates, numbered apart from the others.
const (
	hAlt uint32 = iota + 301
	hAltConf
	hAltCue
	hLast
	hLastCls
	hNext
	hNextCls
	hNext2
	hAltNext
	hLen
	hAltLen
	hRatio
	hAltRatio
	hCommas
	hCross
	hAltCross
	hSentEnd
	hQuoteEnd
)

// chooseFeatures describes the alternative s of cue c against the
// rankers' choice ref: its kind, where it ends (the words around the end),
// how much longer it is and what lies between the two ends.
func (d *doc) chooseFeatures(c int, s span, ref rng, buf []uint32) []uint32 {
	none := tokenInfo{w: 1, st: 1, suf: 1, cls: cNone}
	at := func(k int) tokenInfo {
		if k >= d.last || k >= len(d.toks) {
			return none
		}
		return d.inf[k]
	}
	alt := uint32(s.alt)
	conf := uint32(min(max(s.conf*10, 0), 10))
	ln := bucket(d.words(s.r))
	ratio, cross, commas := d.spanRelation(s.r, ref)
	sentEnd, quoteEnd := uint32(0), uint32(0)
	if s.r.b >= d.last-1 {
		sentEnd = 1
	}
	if d.flags[s.r.b-1]&fClose != 0 {
		quoteEnd = 1
	}
	last, next := d.inf[s.r.b-1], at(s.r.b)
	return append(buf,
		mixSmall(hAlt, alt),
		mixSmall(mixSmall(hAltConf, alt), conf),
		mix(mixSmall(hAltCue, alt), d.inf[c].st),
		mix(hLast, last.w),
		mixSmall(hLastCls, last.cls),
		mix(hNext, next.w),
		mixSmall(hNextCls, next.cls),
		mix(mix(hNext2, next.w), at(s.r.b+1).w),
		mix(mixSmall(hAltNext, alt), next.w),
		mixSmall(hLen, ln),
		mixSmall(mixSmall(hAltLen, alt), ln),
		mixSmall(hRatio, ratio),
		mixSmall(mixSmall(hAltRatio, alt), ratio),
		mixSmall(hCommas, uint32(min(commas, 4))),
		mixSmall(mixSmall(hCross, cross), ratio),
		mixSmall(mixSmall(mixSmall(hAltCross, alt), cross), ratio),
		mixSmall(mixSmall(hSentEnd, sentEnd), alt),
		mixSmall(mixSmall(hQuoteEnd, quoteEnd), alt),
	)
}

// runnerUpEnd is the end of the last bestEnd with the most mass after
// the chosen end e, and that mass; -1 if none. As in mbr, only the
// candidates whose bound reaches the best mass found are summed: the
// first with the most mass wins, as if every mass were computed.
func (d *doc) runnerUpEnd(e int) (int, float32) {
	es := d.es
	top := -1
	for i := range es.n {
		if int(es.ends[i]) != e && (top < 0 || es.ub[i] > es.ub[top]) {
			top = i
		}
	}
	if top < 0 {
		return -1, -1
	}
	// A mass rounds winMass/sum once more: a mass can reach bm only if
	// the bound of its sum reaches bm*sum less that rounding.
	best, bm := -1, float32(-1)
	for k := -1; k < es.n; k++ {
		i := k
		if k < 0 {
			i = top
		} else if i == top || int(es.ends[i]) == e || es.ub[i] < float64(bm)*float64(es.sum)/(1+1e-6) {
			continue
		}
		if m := es.mass(i); m > bm || m == bm && i < best {
			best, bm = i, m
		}
	}
	if best < 0 {
		return -1, -1
	}
	return int(es.ends[best]), bm
}

// massOf is the mass of end j in the last bestEnd, 0 if it was no
// candidate.
func (d *doc) massOf(j int) float32 {
	es := d.es
	for i := range es.n {
		if int(es.ends[i]) == j {
			return es.mass(i)
		}
	}
	return 0
}

// spanRelation tells how span r compares with the rankers' choice ref:
// the length ratio class, the first clause break between their ends (a
// cue, "and", a relative pronoun, "but") and the commas inside r.
func (d *doc) spanRelation(r, ref rng) (ratio, cross uint32, commas int) {
	n, nr := d.words(r), d.words(ref)
	ratio = 2 // same length
	switch {
	case 2*n <= nr:
		ratio = 0
	case n < nr:
		ratio = 1
	case n >= 2*nr:
		ratio = 4
	case n > nr:
		ratio = 3
	}
	for k := r.a; k < r.b; k++ {
		if d.toks[k].Text == "," && d.qid[k] < 0 {
			commas++
		}
	}
	for k := min(r.b, ref.b); k < max(r.b, ref.b) && cross == 0; k++ {
		switch {
		case d.flags[k]&fCue != 0:
			cross = 1
		case d.flags[k]&fAnd != 0:
			cross = 2
		case d.flags[k]&fRel != 0:
			cross = 3
		case d.toks[k].Text == "but":
			cross = 4
		}
	}
	return ratio, cross, commas
}
