package claims

import "math"

// Content boundaries after a cue are chosen by two learned rankers (trained
// by TrainModels on the gold claims of polnear-train whose content follows
// the cue): one scores each token shortly after the cue as the content's
// first token ("told VOA in an email that …", "called for …", "warned
// officials to …"), the other each later token as the end of the content
// (before ", which …", "but …", a trailing "on Friday", or at the sentence
// end). The candidate with the best score wins.

// boundaryBits is the size of each ranker's hashed feature space.
const boundaryBits = 16

// startWindow is how many tokens after the cue may start the content.
const startWindow = 20

// Boundary feature templates, numbered apart from the cue templates.
const (
	bStartWord uint32 = iota + 101
	bStartCls
	bStartPrevWord
	bStartPrevCls
	bStartCueWord
	bStartCueCls
	bStartCueDist
	bStartDist
	bStartClsPair
	bStartWordDist
	bStartPassed
	bStartCuePrev
	bEndAt
	bEndLastWord
	bEndLastCls
	bEndNextWord
	bEndNextCls
	bEndNext2Word
	bEndClsPair
	bEndCueAt
	bEndCueNext
	bEndLen
	bEndCueLen
	bEndQuoteCut
	bEndOpenAt
	bEndFirstNext
	bEndRest
	bEndNextLen
)

// bucket compresses a length or distance to a few classes. The rankers
// bucket every candidate's distances: below 64 the class comes from a
// table (bucketTab, filled by bucketOf itself), without the chain of
// unpredictable branches.
func bucket(n int) uint32 {
	if uint(n) < uint(len(bucketTab)) {
		return uint32(bucketTab[n])
	}
	return bucketOf(n)
}

// bucketTab is bucketOf(n) for n in [0, 64).
var bucketTab = func() (t [64]uint8) {
	for n := range t {
		t[n] = uint8(bucketOf(n))
	}
	return t
}()

// bucketOf is bucket, by comparisons.
func bucketOf(n int) uint32 {
	switch {
	case n <= 3:
		return uint32(n)
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	case n <= 35:
		return 8
	}
	return 9
}

// startKeys are the start features' hashes that depend on the cue alone,
// computed once per cue.
type startKeys struct{ cueWord, cueCls, cueDist, cuePrev uint32 }

func startKeysOf(inf []tokenInfo, c int) startKeys {
	st := inf[c].st
	return startKeys{mix(bStartCueWord, st), mix(bStartCueCls, st), mix(bStartCueDist, st), mix(bStartCuePrev, st)}
}

// startFeatures describes token j as the first of the content of cue c;
// passed is 1 when a content starter or opening mark lies between them.
func (d *doc) startFeatures(inf []tokenInfo, sk startKeys, c, j int, passed uint32, buf []uint32) []uint32 {
	t, p := inf[j], inf[j-1]
	dist := bucket(j - c)
	return append(buf,
		mix(bStartWord, t.w),
		mix(bStartCls, t.cls),
		mix(bStartPrevWord, p.w),
		mix(bStartPrevCls, p.cls),
		mix(sk.cueWord, t.w),
		mix(sk.cueCls, t.cls),
		mix(sk.cueDist, dist),
		mix(bStartDist, dist),
		mix(mix(bStartClsPair, p.cls), t.cls),
		mix(mix(bStartWordDist, t.w), dist),
		mix(bStartPassed, passed),
		mix(sk.cuePrev, p.w),
	)
}

// startTables hold the start ranker's weights of the start features that
// depend on a class, the distance or passed alone (startScore).
type startTables struct {
	cls, prevCls [nCls]float32
	dist         [10]float32 // by bucket
	pair         [nCls][nCls]float32
	passed       [2]float32
}

// newStartTables computes the tables of the start ranker m.
func newStartTables(m *model) *startTables {
	t := &startTables{}
	for a := range uint32(nCls) {
		t.cls[a], t.prevCls[a] = m.weight(mix(bStartCls, a)), m.weight(mix(bStartPrevCls, a))
		for b := range uint32(nCls) {
			t.pair[a][b] = m.weight(mix(mix(bStartClsPair, a), b))
		}
	}
	for v := range uint32(len(t.dist)) {
		t.dist[v] = m.weight(mix(bStartDist, v))
	}
	t.passed[0], t.passed[1] = m.weight(mix(bStartPassed, 0)), m.weight(mix(bStartPassed, 1))
	return t
}

// startScore is the start ranker's score of startFeatures(d.inf, sk, c,
// j, passed): the same weights added in the same order, so the same
// float32 (TestStartScore), without building the feature slice and with
// five of the twelve weights from t. It is startScores of the one
// candidate j (passed already updated for j: passedAt leaves it so).
func (d *doc) startScore(t *startTables, sk startKeys, c, j int, passed uint32) float32 {
	var s [1]float32
	d.startScores(t, sk, c, j, j+1, passed, s[:])
	return s[0]
}

// startScores sets ss[j-a] to startScore(t, sk, c, j, passed_j) for the
// start candidates j in [a, b), with passed_j carried from passed by
// passedAt as bestStart does. One loop scores every candidate, which
// spares a call per candidate and reads each token's info once. A
// change to startFeatures must be made here too.
func (d *doc) startScores(t *startTables, sk startKeys, c, a, b int, passed uint32, ss []float32) {
	if a >= b {
		return
	}
	m := d.m.start
	inf := d.inf[:b]
	ss = ss[:b-a]
	p := inf[a-1]
	for j := a; j < b; j++ {
		passed = d.passedAt(c, j, passed)
		tj := inf[j]
		dist := bucket(j - c)
		s := m.weight(mix(bStartWord, tj.w))
		s += t.cls[tj.cls]
		s += m.weight(mix(bStartPrevWord, p.w))
		s += t.prevCls[p.cls]
		s += m.weight(mix(sk.cueWord, tj.w))
		s += m.weight(mixSmall(sk.cueCls, tj.cls))
		s += m.weight(mixSmall(sk.cueDist, dist))
		s += t.dist[dist]
		s += t.pair[p.cls][tj.cls]
		s += m.weight(mixSmall(mix(bStartWordDist, tj.w), dist))
		s += t.passed[passed]
		s += m.weight(mix(sk.cuePrev, p.w))
		ss[j-a] = s
		p = tj
	}
}

// passedAt updates passed (startFeatures) on moving the start candidate
// to token j.
func (d *doc) passedAt(c, j int, passed uint32) uint32 {
	if j-1 > c && d.flags[j-1]&(fStarter|fOpen) != 0 {
		return 1
	}
	return passed
}

// endKeys are the end features' hashes that depend on the cue and the
// content start alone, computed once per content.
type endKeys struct{ cueAt, cueNext, cueLen, openAt, firstNext uint32 }

func endKeysOf(inf []tokenInfo, c, k int) endKeys {
	st, cls := inf[c].st, inf[k].cls
	return endKeys{mix(bEndCueAt, st), mix(bEndCueNext, st), mix(bEndCueLen, st), mixSmall(bEndOpenAt, cls), mixSmall(bEndFirstNext, cls)}
}

// endFeatures describes token j as the end (exclusive) of the content
// [k, j) of a cue (whose keys are ek), where lim is the furthest end.
func (d *doc) endFeatures(inf []tokenInfo, ek endKeys, k, j, lim int, buf []uint32) []uint32 {
	last, next, next2, at, cut := d.endContext(inf, j, lim)
	ln := bucket(j - k)
	return append(buf,
		mix(bEndAt, at),
		mix(bEndLastWord, last.w),
		mix(bEndLastCls, last.cls),
		mix(bEndNextWord, next.w),
		mix(bEndNextCls, next.cls),
		mix(bEndNext2Word, next2.w),
		mix(mix(bEndClsPair, last.cls), next.cls),
		mix(ek.cueAt, at),
		mix(ek.cueNext, next.w),
		mix(bEndLen, ln),
		mix(ek.cueLen, ln),
		mix(bEndQuoteCut, cut),
		mix(ek.openAt, at),
		mix(ek.firstNext, next.w),
		mix(bEndRest, bucket(lim-j)),
		mix(mix(bEndNextLen, next.w), ln),
	)
}

// endContext is what the end features of an end before token j, lim
// being the furthest end, read around it: the last token, the next two
// (edgeInfo past lim), whether j is lim (at) and whether the end cuts a
// quotation (cut).
func (d *doc) endContext(inf []tokenInfo, j, lim int) (last, next, next2 tokenInfo, at, cut uint32) {
	last, next, next2 = inf[j-1], edgeInfo, edgeInfo
	if j < lim {
		next = inf[j]
	}
	if j+1 < lim {
		next2 = inf[j+1]
	}
	if j >= lim {
		at = 1
	}
	if j < lim && d.qid[j-1] >= 0 && d.qid[j-1] == d.qid[j] {
		cut = 1
	}
	return last, next, next2, at, cut
}

// startCandidates is the range of tokens that may start the content of cue
// c in a sentence ending at last.
func startCandidates(c, last int) (int, int) {
	return c + 1, min(c+1+startWindow, last)
}

// endCandidate reports whether the content may end before token j: its last
// token is a word or a closing quotation mark.
func (d *doc) endCandidate(j int) bool {
	return d.flags[j-1]&(fWord|fClose) != 0
}

// bestStart picks the first token of the content after cue c (the best
// score: a minimum-Bayes-risk choice as in bestEnd gains nothing here).
func (d *doc) bestStart(c, last int) int {
	a, b := startCandidates(c, last)
	best, bestS, second := a, float32(0), float32(-1e9)
	d.start2 = -1
	var ss [startWindow]float32
	sk := startKeysOf(d.inf, c)
	if t := d.m.start.st; t != nil {
		d.startScores(t, sk, c, a, b, 0, ss[:])
	} else { // training: models without tables
		var buf []uint32
		passed := uint32(0)
		for j := a; j < b; j++ {
			passed = d.passedAt(c, j, passed)
			buf = d.startFeatures(d.inf, sk, c, j, passed, buf[:0])
			ss[j-a] = d.m.start.score(buf)
		}
	}
	for j := a; j < b; j++ {
		s := ss[j-a]
		if j == a || s > bestS {
			if j > a {
				d.start2 = best
			}
			best, bestS, second = j, s, max(second, bestS)
		} else {
			if s > second {
				d.start2 = j
			}
			second = max(second, s)
		}
	}
	d.startMargin = min(bestS-second, 1e6)
	return best
}

// maxEnds is the most end candidates bestEnd weighs.
const maxEnds = 64

// endSet holds the end candidates of the last bestEnd: their tokens, word
// counts and softmax numerators, each one's mass window and an upper bound
// on its window's mass (mbr), so that the masses the frame's other spans
// need (runnerUpEnd, massOf) are computed only for a frame that gets that
// far: about half of the forward frames on conll2003-dev.
type endSet struct {
	n    int
	ends [maxEnds]int32
	ws   [maxEnds]int32
	ps   [maxEnds]float32
	// the candidates of n/2 to 2n words of candidate i are [lo[i], hi[i])
	lo, hi [maxEnds]uint8
	ub     [maxEnds]float64     // ub[i] >= winMass(i)
	pre    [maxEnds + 1]float64 // the prefix sums of ps (mbr)
	sum    float32
}

// winMass is the mass candidate i (of n words) has on the candidates of
// n/2 to 2n words, itself counted half again, before normalisation: the
// same float32 additions in the same order as ever.
func (e *endSet) winMass(i int) float32 {
	p := e.ps[i] / 2
	for _, q := range e.ps[e.lo[i]:e.hi[i]] {
		p += q
	}
	return p
}

// mass is the share of the mass of candidate i (winMass over the sum).
func (e *endSet) mass(i int) float32 {
	return e.winMass(i) / e.sum
}

// Slack of the upper bounds ub on winMass: a float32 sum of at most
// maxEnds+1 non-negative terms exceeds the real sum by less than a factor
// (1+2^-24)^65 < 1+4e-6 (mbrRel), the float64 prefix sums that give the
// real sums err by less than 1e-13 of the total (mbrAbs), and float32
// subnormals, whose rounding is absolute, by less than 1e-43 (mbrTiny).
const (
	mbrRel  = 1 + 1e-5
	mbrAbs  = 1e-12
	mbrTiny = 1e-40
)

// mbr turns the scores e.ps[:e.n] into a softmax distribution at
// temperature t (maxS the highest score) and returns the candidate whose
// length n has the most mass on candidates of n/2 to 2n words, ties
// going to the likelier one, with that share of the mass (its confidence,
// a feature of the claim classifier).
//
// The window sums are the cost (a chain of dependent float additions per
// candidate, about a quarter of a million additions per pass over
// conll2003-dev): they are bounded from float64 prefix sums, and only the
// candidates whose bound reaches the best sum found are summed exactly,
// in the original order, which gives the same choice and float32
// confidence as summing every one.
func (e *endSet) mbr(maxS, t float32) (int, float32) {
	n := e.n
	ps, ws, pre := e.ps[:n], e.ws[:n], e.pre[:n+1]
	var sum float32
	var acc float64
	for i, s := range ps {
		p := float32(math.Exp(float64((s - maxS) / t)))
		ps[i] = p
		sum += p
		acc += float64(p)
		pre[i+1] = acc
	}
	e.sum = sum
	// ws never decreases, so the candidates of n/2 to 2n words are a run
	// [lo, hi) that only moves right (and lo stays at or before i).
	slack := acc*mbrAbs + mbrTiny
	top, topUB := 0, -1.0
	lo, hi := 0, 0
	for i, w := range ws {
		for 2*ws[lo] < w {
			lo++
		}
		for hi < n && ws[hi] <= 2*w {
			hi++
		}
		e.lo[i], e.hi[i] = uint8(lo), uint8(hi)
		ub := (float64(ps[i])/2+pre[hi]-pre[lo])*mbrRel + slack
		e.ub[i] = ub
		if ub > topUB {
			top, topUB = i, ub
		}
	}
	// The first candidate with the largest sum wins, as if each were
	// summed in turn; top, likely the winner, first sets the bar.
	best, bestP := 0, float32(-1)
	for k := -1; k < n; k++ {
		i := k
		if k < 0 {
			i = top
		} else if i == top || e.ub[i] < float64(bestP) {
			continue
		}
		if p := e.winMass(i); p > bestP || p == bestP && i < best {
			best, bestP = i, p
		}
	}
	return best, bestP / sum
}

// endTemp is the temperature that turns the end ranker's scores into a
// distribution over ends (tuned on polnear-dev: 2 to 8 all help, 5 best).
const endTemp = 5

// bestEnd picks the end (exclusive) of the content [k, …) of cue c, no
// further than lim. Rather than the single best-scored end, it takes the
// end most likely to overlap the true one by half both ways (a minimum
// Bayes risk choice): with the scores read as a softmax distribution, the
// end whose word count n has the most mass on ends of n/2 to 2n words.
// It leaves the candidates in d.es.
func (d *doc) bestEnd(c, k, lim int) int {
	if d.es == nil {
		d.es = new(endSet)
	}
	es := d.es
	n, w := 0, int32(0)
	maxS := float32(0)
	var buf []uint32
	ek := endKeysOf(d.inf, c, k)
	et := d.m.end.et
	var ew endKeyWeights
	if et != nil {
		ew = d.m.end.endKeyWeights(ek)
	}
	for j := k + 1; j <= lim; j++ {
		if d.flags[j-1]&fWord != 0 {
			w++
		}
		if !d.endCandidate(j) {
			continue
		}
		var s float32
		if et != nil {
			s = d.endScore(et, &ew, ek, k, j, lim)
		} else { // training: models without tables
			buf = d.endFeatures(d.inf, ek, k, j, lim, buf[:0])
			s = d.m.end.score(buf)
		}
		if n == maxEnds { // too many: keep the best of the tail
			if s <= es.ps[n-1] {
				continue
			}
			n--
		}
		es.ends[n], es.ps[n], es.ws[n] = int32(j), s, w
		if n == 0 || s > maxS {
			maxS = s
		}
		n++
	}
	es.n = n
	if n == 0 {
		d.endConf = 1
		return lim
	}
	k, conf := es.mbr(maxS, endTemp)
	d.endConf = conf
	return int(es.ends[k])
}

// endTables hold the end ranker's weights of the end features that depend
// on classes, buckets or flags alone (endScore).
type endTables struct {
	at, cut          [2]float32
	lastCls, nextCls [nCls]float32
	pair             [nCls][nCls]float32
	ln, rest         [10]float32 // by bucket
}

// newEndTables computes the tables of the end ranker m.
func newEndTables(m *model) *endTables {
	t := &endTables{}
	for v := range uint32(2) {
		t.at[v], t.cut[v] = m.weight(mix(bEndAt, v)), m.weight(mix(bEndQuoteCut, v))
	}
	for a := range uint32(nCls) {
		t.lastCls[a], t.nextCls[a] = m.weight(mix(bEndLastCls, a)), m.weight(mix(bEndNextCls, a))
		for b := range uint32(nCls) {
			t.pair[a][b] = m.weight(mix(mix(bEndClsPair, a), b))
		}
	}
	for v := range uint32(len(t.ln)) {
		t.ln[v], t.rest[v] = m.weight(mix(bEndLen, v)), m.weight(mix(bEndRest, v))
	}
	return t
}

// endKeyWeights are the weights of the end features of one content start
// that depend on at alone.
type endKeyWeights struct{ cueAt, openAt [2]float32 }

func (m *model) endKeyWeights(ek endKeys) (w endKeyWeights) {
	for v := range uint32(2) {
		w.cueAt[v], w.openAt[v] = m.weight(mixSmall(ek.cueAt, v)), m.weight(mixSmall(ek.openAt, v))
	}
	return w
}

// endScore is the end ranker's score of endFeatures(d.inf, ek, k, j, lim):
// the same weights added in the same order, so the same float32
// (TestEndScore), without building the feature slice and with half the
// weights from t and ew. A change to endFeatures must be made here too.
func (d *doc) endScore(t *endTables, ew *endKeyWeights, ek endKeys, k, j, lim int) float32 {
	m := d.m.end
	last, next, next2, at, cut := d.endContext(d.inf, j, lim)
	ln := bucket(j - k)
	s := t.at[at]
	s += m.weight(mix(bEndLastWord, last.w))
	s += t.lastCls[last.cls]
	s += m.weight(mix(bEndNextWord, next.w))
	s += t.nextCls[next.cls]
	s += m.weight(mix(bEndNext2Word, next2.w))
	s += t.pair[last.cls][next.cls]
	s += ew.cueAt[at]
	s += m.weight(mix(ek.cueNext, next.w))
	s += t.ln[ln]
	s += m.weight(mixSmall(ek.cueLen, ln))
	s += t.cut[cut]
	s += ew.openAt[at]
	s += m.weight(mix(ek.firstNext, next.w))
	s += t.rest[bucket(lim-j)]
	s += m.weight(mixSmall(mix(bEndNextLen, next.w), ln))
	return s
}

// startExample is the start choice of a gold claim with cue h whose content
// starts at token st.
func (d *doc) startExample(inf []tokenInfo, h, last, st int) (rankExample, bool) {
	a, b := startCandidates(h, last)
	if st < a || st >= b {
		return rankExample{}, false
	}
	ex := rankExample{gold: st - a}
	sk, passed := startKeysOf(inf, h), uint32(0)
	for j := a; j < b; j++ {
		passed = d.passedAt(h, j, passed)
		ex.cands = append(ex.cands, d.startFeatures(inf, sk, h, j, passed, nil))
	}
	return ex, true
}

// endExample is the end choice of a gold claim with cue h whose content is
// the tokens [st, en).
func (d *doc) endExample(inf []tokenInfo, h, st, last, en int) (rankExample, bool) {
	lim := d.sentenceEnd(last)
	if en > lim || !d.endCandidate(en) {
		return rankExample{}, false
	}
	ex := rankExample{gold: -1}
	ek := endKeysOf(inf, h, st)
	for j := st + 1; j <= lim; j++ {
		if !d.endCandidate(j) {
			continue
		}
		if j == en {
			ex.gold = len(ex.cands)
		}
		ex.cands = append(ex.cands, d.endFeatures(inf, ek, st, j, lim, nil))
	}
	return ex, ex.gold >= 0
}
