package claims

// The gate model's claim score (decide.go) of a forward frame's first
// span (the rankers' choice) decides, against gateOf, whether the frame
// is dropped; most candidate cues are. claimBound bounds that score
// without the end ranker's choice, for a frame whose choice is too short
// to be scored (forwardSpans): the features that do not depend on the
// content's end are summed as they are, and those that do are replaced by
// their largest weights over every value they can take (the length, kind
// and confidence classes and the class of the last token from per-model
// tables, the word after the end over the tokens that may end the
// content). The bound is exact: no frame
// it drops could have passed the gate (TestClaimBound checks it).

// endDependent marks, in claimFeatures' order, the features that depend
// on the content's end.
var endDependent = func() (m [64]bool) {
	for _, i := range []int{15, 16, 17, 18, 21, 34, 36, 37, 38, 46, 47, 48, 49} {
		m[i] = true
	}
	return m
}()

// boundSlack covers float32 rounding: the bound adds weights in another
// order than score.
const boundSlack = 1e-3

// The ranges of the end-dependent classes: length buckets, kinds, end
// confidences, frames and score buckets (token classes: nCls).
const (
	nLen, nKind, nConf, nFrame, nScore = 10, 3, 12, 16, 31
)

// boundTables hold, per claim model, the largest weights of the
// end-dependent features that do not involve the cue word.
type boundTables struct {
	lenFr, kindFr, confFr [nFrame]float32 // by frame, for the rankers' choice
	kindSb                [nScore]float32 // kScoreKind by score bucket
	lastCls               float32         // kLastCls over every class
}

// newBoundTables computes the tables of the claim model m.
func newBoundTables(m *model) *boundTables {
	t := &boundTables{}
	alt := uint32(altBest)
	for fr := range uint32(nFrame) {
		t.lenFr[fr] = maxOver(nLen, func(ln uint32) float32 {
			return m.weight(mix(kLen, ln)) + m.weight(mix(mix(kLenFrame, ln), fr)) + m.weight(mix(mix(kAltLen, alt), ln))
		})
		t.kindFr[fr] = maxOver(nKind, func(kd uint32) float32 {
			return m.weight(mix(kKind, kd)) + m.weight(mix(mix(kKindFrame, kd), fr))
		})
		t.confFr[fr] = maxOver(nConf, func(ec uint32) float32 {
			return m.weight(mix(kEndConf, ec)) + m.weight(mix(mix(kEndConfFrame, ec), fr)) + m.weight(mix(mix(kAltConf, alt), ec))
		})
	}
	for sb := range uint32(nScore) {
		t.kindSb[sb] = maxOver(nKind, func(kd uint32) float32 { return m.weight(mix(mix(kScoreKind, sb), kd)) })
	}
	t.lastCls = maxOver(uint32(nCls), func(c uint32) float32 { return m.weight(mix(kLastCls, c)) })
	return t
}

// claimBound is an upper bound on the claim score of base with the
// content [k, e) for any end e in (k, lim], as the rankers' choice, from
// the claim features of the content [k, lim) in d.tbuf; with no tables
// (training) it does not bound.
func (d *doc) claimBound(base draft, k, lim int) float32 {
	m, t := d.m.claim, d.m.claim.bt
	if t == nil {
		return 1e9
	}
	var s float32
	for i, f := range d.tbuf[:nBase] {
		if !endDependent[i] {
			s += m.weight(f)
		}
	}
	fr, st := base.frame, d.inf[base.cue.a].st
	s += t.lenFr[fr] + t.kindFr[fr] + t.confFr[fr] + t.lastCls
	s += t.kindSb[scoreBucket(d.cueScore[base.cue.a])]
	s += maxOver(nLen, func(ln uint32) float32 { return m.weight(mix(mix(kCueLen, st), ln)) })
	return s + d.nextWordBound(k, lim) + boundSlack
}

// nextWordBound bounds the weights of the word after the content over
// the ends (k, lim]: their largest value over the words of the sentence
// (and "none", past it), computed once per sentence.
func (d *doc) nextWordBound(k, lim int) float32 {
	if d.nextFirst == d.first+1 {
		return d.nextMax
	}
	b := d.m.claim.nextWordWeight(1) // "none": past the sentence
	for j := d.first + 1; j < d.last && j < len(d.toks); j++ {
		b = max(b, d.nextWeight(j))
	}
	d.nextFirst, d.nextMax = d.first+1, b
	return b
}

// nextWordWeight is the sum of the claim model m's weights of the word w
// after the content of the rankers' choice (kEndNext, kEndNextAlt).
func (m *model) nextWordWeight(w uint32) float32 {
	return m.weight(mix(kEndNext, w)) + m.weight(mix(mix(kEndNextAlt, w), uint32(altBest)))
}

// nextWeight is the claim model's nextWordWeight of token j's word. It is
// a function of the word alone, so the type cache keeps it, and a sentence
// reads it for each word rather than two weights of the 512 KB claim
// model, which miss the CPU caches.
func (d *doc) nextWeight(j int) float32 {
	if d.tc == nil {
		return d.m.claim.nextWordWeight(d.inf[j].w)
	}
	v := d.nextW[j]
	if v != v { // NaN: not known yet
		v = d.m.claim.nextWordWeight(d.inf[j].w)
		d.nextW[j] = v
		if at := d.tc.at[j]; at >= 0 {
			if e := &d.tc.slots[at]; e.has(d.toks[j].Text) {
				e.next = v
			}
		}
	}
	return v
}

// maxOver is the largest f(v) for v in [0, n).
func maxOver(n uint32, f func(uint32) float32) float32 {
	best := f(0)
	for v := uint32(1); v < n; v++ {
		best = max(best, f(v))
	}
	return best
}

// spanScore is the gate model's claim score of base with the content s,
// which starts where the content of the gate model's features in d.tbuf
// does: those features with the ones that depend on the end rewritten
// (setEndFeatures), left in d.fbuf. It equals the gate model's score of
// claimFeatures bit for bit (the same features in the same order) for a
// fraction of the hashing.
func (d *doc) spanScore(base draft, s span) float32 {
	d.spanFeatures(base, s)
	return d.m.claim.score(d.fbuf[:nBase])
}

// spanFeatures leaves in d.fbuf the gate model's claim features of base
// with the content s, as spanScore, without scoring them: pickSpan needs
// the features of the other spans, not their gate scores.
func (d *doc) spanFeatures(base draft, s span) {
	dr := base
	dr.pieces, dr.alt = []rng{s.r}, s.alt
	d.endConf = s.conf
	d.fbuf = append(d.fbuf[:0], d.tbuf...)
	d.setEndFeatures(dr, d.fbuf)
}

// spanDecision is the decision model's claim score of base with the
// content s, right after spanFeatures(base, s) (or spanScore): it appends
// the extra features to those left in d.fbuf.
func (d *doc) spanDecision(base draft, s span) float32 {
	dr := base
	dr.pieces, dr.alt = []rng{s.r}, s.alt
	d.fbuf = d.extraFeatures(dr, d.fbuf[:nBase])
	return d.claimScore(d.fbuf)
}

// setEndFeatures rewrites in fs, baseFeatures of a draft that differs
// from dr only in where its content ends and in its alternative, the
// features that depend on those (endDependent and the alternative's).
func (d *doc) setEndFeatures(dr draft, fs []uint32) {
	c, fr := dr.cue.a, uint32(dr.frame)
	st, sb := d.inf[c].st, scoreBucket(d.cueScore[c])
	p := dr.pieces[0]
	ln, kind := bucket(d.words(p)), uint32(d.kind(dr.pieces))
	ec := uint32(min(max(d.endConf*10, 0), 10))
	alt, next := uint32(dr.alt), uint32(1)
	if p.b >= d.first && p.b < d.last && p.b < len(d.toks) {
		next = d.inf[p.b].w
	}
	fs[15], fs[16] = mixSmall(kLen, ln), mixSmall(mixSmall(kLenFrame, ln), fr)
	fs[17], fs[18] = mixSmall(kKind, kind), mixSmall(mixSmall(kKindFrame, kind), fr)
	fs[21], fs[34] = mixSmall(kLastCls, d.inf[p.b-1].cls), mixSmall(mixSmall(kScoreKind, sb), kind)
	fs[36], fs[37], fs[38] = mixSmall(mix(kCueLen, st), ln), mixSmall(kEndConf, ec), mixSmall(mixSmall(kEndConfFrame, ec), fr)
	fs[44], fs[45] = mixSmall(kAlt, alt), mix(mixSmall(kAltCue, alt), st)
	fs[46], fs[47] = mixSmall(mixSmall(kAltLen, alt), ln), mixSmall(mixSmall(kAltConf, alt), ec)
	fs[48], fs[49] = mix(kEndNext, next), mixSmall(mix(kEndNextAlt, next), alt)
}
