package claims

import (
	"math"
	"sync"
)

// The cue score of a token is a sum of 29 feature weights (cueFeatures).
// Most of them depend only on the token's type (its word, stem and suffix
// hashes and class) and on a context value of small range (a neighbour's
// class, the position, a flag), so a cueType holds those weights per type,
// indexed by the context value, and typedCueScore adds them up in cueFeatures'
// order: the same float32 additions in the same order, hence bit for bit
// the same score, with seven hashes and five weight-table reads per token
// instead of some sixty hashes and 29 reads. Only the five features that
// pair the token with a neighbour's word are hashed per token.
//
// The types are cached per model for the life of the process (they are a
// pure function of the model): a news text reuses most of its words, and
// the cache holds at most maxCueTypes types (~500 bytes each).

// nCls is the number of word classes, cNone to cOther.
const nCls = int(cOther) + 1

// maxCueTypes bounds the process-wide cache of cue types (16 MB at most);
// types past it are built per call.
const maxCueTypes = 1 << 15

// cueType holds the weights of the cue features of one word type.
//
// The weights indexed by a context value are kept as the model's int16
// values (cueSum scales them as model.weight does: the same float32) and
// those indexed by a neighbour's class are grouped by that neighbour, so
// that a token's score reads about six of the type's cache lines rather
// than nine, of 288 bytes rather than 512: a document's word types are more
// than the L2 cache holds, and markCues reads them for every word.
type cueType struct {
	word, stem, suf, cls     float32
	prev, next, prev2, next2 float32 // the weights it adds as a neighbour word
	// partial hashes of the features that pair it with a neighbour's word
	// (first with the fields above: the cache line every token reads)
	hN1N2, hPrev, hNext, hStemPrev, hPrevPrev uint32
	subj, inQ                                 [2]int16
	qBefore, qAfter                           [2]int16
	pos                                       [4]int16
	starter                                   [3]int16
	// by the next token's class: sufClsN1, wordClsN1, stemClsN1
	n1 [nCls][3]int16
	// by the previous token's class: wordClsP1, stemClsP1
	p1 [nCls][2]int16
	// by the class of the token after the next (wordClsN2) and before the
	// previous (wordClsP2)
	n2, p2 [nCls]int16
}

// cueCache is a model's cache of cue types and of its class-only weights.
type cueCache struct {
	once             sync.Once
	mu               sync.RWMutex
	types            map[tokenInfo]*cueType
	bias             float32
	clsP1N1, clsP2P1 [nCls][nCls][nCls]float32
	edge             *cueType // the type of a neighbour outside the sentence
	// pos has bit k set when one of the weights k<<posShift to
	// (k+1)<<posShift-1 of the model is positive (boundedCueScore).
	pos []uint64
}

// posShift sets how many weights share a bit of cueCache.pos: 1<<posShift.
// A bit set for a weight that is not positive costs a read of the weight
// table but keeps the bound exact; sharing bits keeps the map small enough
// (32 KB) to stay in the CPU caches next to the tagger's other tables. 8%
// of the cue model's weights are positive, and 28% of its groups of four
// hold one; on conll2003-dev (cachegrind, 1 MB L2) groups of four miss
// least: 945k L2 misses an iteration, against 999k for single bits, 961k
// for pairs and 970k for groups of eight.
const posShift = 2

// edgeInfo is what cueFeatures reads for a neighbour outside the sentence.
var edgeInfo = tokenInfo{w: 1, st: 1, suf: 1, cls: cNone}

// init fills the class-only weights.
func (c *cueCache) init(m *model) {
	c.types = map[tokenInfo]*cueType{}
	c.bias = m.weight(mix(tBias, 0))
	for a := range uint32(nCls) {
		for b := range uint32(nCls) {
			for k := range uint32(nCls) {
				c.clsP1N1[a][b][k] = m.weight(mix(mix(mix(tClsP1N1, a), b), k))
				c.clsP2P1[a][b][k] = m.weight(mix(mix(mix(tClsP2P1, a), b), k))
			}
		}
	}
	c.edge = newCueType(m, edgeInfo)
	c.pos = make([]uint64, (len(m.q)>>posShift+63)/64)
	for k := range m.q {
		if m.weight(uint32(k)) > 0 {
			b := k >> posShift
			c.pos[b/64] |= 1 << (b % 64)
		}
	}
}

// weight is the weight of one feature hash, as score adds it (the explicit
// conversion rounds the product, as decoding to float32 would).
func (m *model) weight(h uint32) float32 {
	return float32(float32(m.q[h&uint32(len(m.q)-1)]) * m.scale)
}

// raw is the quantized weight of one feature hash (weight scales it).
func (m *model) raw(h uint32) int16 {
	return m.q[h&uint32(len(m.q)-1)]
}

// newCueType computes the weights of a type.
func newCueType(m *model, t tokenInfo) *cueType {
	e := &cueType{
		word: m.weight(mix(tWord, t.w)), stem: m.weight(mix(tStem, t.st)),
		suf: m.weight(mix(tSuf, t.suf)), cls: m.weight(mix(tCls, t.cls)),
		prev: m.weight(mix(tPrev, t.w)), next: m.weight(mix(tNext, t.w)),
		prev2: m.weight(mix(tPrev2, t.w)), next2: m.weight(mix(tNext2, t.w)),
		hN1N2: mix(tWordN1N2, t.st), hPrev: mix(tWordPrev, t.w), hNext: mix(tWordNext, t.w),
		hStemPrev: mix(tStemPrev, t.st), hPrevPrev: mix(tWordPrevPrev, t.st),
	}
	fill := func(dst []int16, tmpl, h uint32) {
		for v := range dst {
			dst[v] = m.raw(mix(mix(tmpl, h), uint32(v)))
		}
	}
	fill(e.subj[:], tStemSubject, t.st)
	fill(e.inQ[:], tWordInQuote, t.w)
	fill(e.qBefore[:], tWordQuoteBefore, t.st)
	fill(e.qAfter[:], tWordQuoteAfter, t.st)
	fill(e.pos[:], tWordPos, t.w)
	fill(e.starter[:], tWordStarterAhead, t.st)
	for c := range uint32(nCls) {
		e.n1[c] = [3]int16{
			m.raw(mix(mix(tSufClsN1, t.suf), c)),
			m.raw(mix(mix(tWordClsN1, t.w), c)),
			m.raw(mix(mix(tStemClsN1, t.st), c)),
		}
		e.p1[c] = [2]int16{m.raw(mix(mix(tWordClsP1, t.w), c)), m.raw(mix(mix(tStemClsP1, t.st), c))}
		e.n2[c] = m.raw(mix(mix(tWordClsN2, t.w), c))
		e.p2[c] = m.raw(mix(mix(tWordClsP2, t.w), c))
	}
	return e
}

// cueTypes returns the type of every token, from the cache or built.
func (m *model) cueTypes(inf []tokenInfo) []*cueType {
	c := &m.cc
	c.once.Do(func() { c.init(m) })
	out := make([]*cueType, len(inf))
	var miss []int
	c.mu.RLock()
	for i, t := range inf {
		if out[i] = c.types[t]; out[i] == nil {
			miss = append(miss, i)
		}
	}
	c.mu.RUnlock()
	if len(miss) == 0 {
		return out
	}
	built := map[tokenInfo]*cueType{}
	for _, i := range miss {
		e := built[inf[i]]
		if e == nil {
			e = newCueType(m, inf[i])
			built[inf[i]] = e
		}
		out[i] = e
	}
	c.mu.Lock()
	for t, e := range built {
		if len(c.types) >= maxCueTypes {
			break
		}
		c.types[t] = e
	}
	c.mu.Unlock()
	return out
}

// touchTypes loads, for the tokens of the sentence [first, last), a
// field of every cache line of their cue types that cueSum will read: the
// first line of every token's (its neighbours read it), and the lines of
// the context-indexed weights of the scored tokens'. The types are
// scattered over the heap and miss as often as not, and markCues' loops,
// long, leave room for few misses at a time where this one has many in
// flight. Its result means nothing.
func (d *doc) touchTypes(ts []*cueType, first, last int) uint8 {
	cls := func(k int) uint32 {
		if k < first || k >= last {
			return edgeInfo.cls
		}
		return d.inf[k].cls
	}
	var x uint16
	for i := first; i < last; i++ {
		t := ts[i]
		x ^= uint16(math.Float32bits(t.word))
		if !d.cueScored(i) {
			continue
		}
		// subj to starter, 30 bytes, are on at most two lines.
		x ^= uint16(t.subj[0]) ^ uint16(t.starter[2]) ^
			uint16(t.n1[cls(i+1)][0]) ^ uint16(t.p1[cls(i-1)][0]) ^
			uint16(t.n2[cls(i+2)]) ^ uint16(t.p2[cls(i-2)])
	}
	return uint8(x)
}

// nHashed is the number of cue features hashed per token (cueSlots).
const nHashed = 5

// cueSlots returns the hashes of the five cue features of token i of the
// sentence [first, last) that pair it with a neighbour's word, in the
// order cueSum adds them.
func (d *doc) cueSlots(ts []*cueType, i, first, last int) [nHashed]uint32 {
	w := func(k int) tokenInfo {
		if k < first || k >= last {
			return edgeInfo
		}
		return d.inf[k]
	}
	t, p1, p2, n1, n2 := ts[i], w(i-1), w(i-2), w(i+1), w(i+2)
	return [nHashed]uint32{
		mix(mix(t.hN1N2, n1.w), n2.w),
		mix(t.hPrev, p1.w),
		mix(t.hNext, n1.w),
		mix(t.hStemPrev, p1.w),
		mix(mix(t.hPrevPrev, p1.cls), p2.w),
	}
}

// typedCueScore is the cue classifier's score of token i of the sentence
// [first, last): m.score(cueFeatures(…)) from the types ts (cueTypes).
func (d *doc) typedCueScore(ts []*cueType, i, first, last int) float32 {
	m := d.m.cue
	var w [nHashed]float32
	for k, h := range d.cueSlots(ts, i, first, last) {
		w[k] = m.weight(h)
	}
	return d.cueSum(ts, i, first, last, &w)
}

// cueSum adds up the cue score of token i of the sentence [first, last)
// with w as the weights of its hashed features (cueSlots): with their
// weights it is typedCueScore; with upper bounds of them it is an upper
// bound of the score, as float32 addition is monotone in each operand
// and the additions are the same, in the same order (markCues).
func (d *doc) cueSum(ts []*cueType, i, first, last int, w *[nHashed]float32) float32 {
	m := d.m.cue
	c := &m.cc
	nb := func(k int) (*cueType, tokenInfo) {
		if k < first || k >= last {
			return c.edge, edgeInfo
		}
		return ts[k], d.inf[k]
	}
	t, ti := ts[i], d.inf[i]
	p1, p1i := nb(i - 1)
	p2, p2i := nb(i - 2)
	n1, n1i := nb(i + 1)
	n2, n2i := nb(i + 2)
	inQ, pos, starter, qBefore, qAfter := d.cueContext(i, first, last)
	subj := d.subject(i, first)
	// wt is model.weight of a quantized weight (the same rounding).
	scale := m.scale
	wt := func(q int16) float32 { return float32(float32(q) * scale) }
	tn1, tp1 := &t.n1[n1i.cls], &t.p1[p1i.cls]
	s := w[0]
	s += wt(t.subj[subj])
	s += wt(tn1[0]) // sufClsN1
	s += c.bias
	s += t.word
	s += t.stem
	s += t.suf
	s += t.cls
	s += w[1]
	s += w[2]
	s += p1.prev
	s += n1.next
	s += p2.prev2
	s += n2.next2
	s += wt(tp1[0])        // wordClsP1
	s += wt(tn1[1])        // wordClsN1
	s += wt(t.n2[n2i.cls]) // wordClsN2
	s += wt(tn1[2])        // stemClsN1
	s += wt(tp1[1])        // stemClsP1
	s += wt(t.inQ[inQ])
	s += c.clsP1N1[p1i.cls][ti.cls][n1i.cls]
	s += wt(t.pos[pos])
	s += wt(t.starter[starter])
	s += wt(t.qBefore[qBefore])
	s += wt(t.qAfter[qAfter])
	s += w[3]
	s += wt(t.p2[p2i.cls]) // wordClsP2
	s += c.clsP2P1[p2i.cls][p1i.cls][ti.cls]
	s += w[4]
	return s
}

// boundedCueScore is the cue score of token i of the sentence [first,
// last), or, when it can tell without reading the weights of the hashed
// features that the score marks nothing (marks(bound) is false), an upper
// bound of it that marks nothing either.
//
// The hashed features' weights are scattered over a 2 MB table whose
// reads miss the CPU caches; for the nine tokens in ten that cannot be
// candidates (on conll2003-dev) most are not read. The bound takes each
// weight that may be positive from the table (c.pos tells which, in 32 KB:
// a bit for four weights) and 0 for the others, which are at most 0, or
// the weight itself when read (a weight never exceeds itself): cueSum
// then gives an upper bound of the score, and when the bound does not mark
// the token, neither does the score, as marks is monotone in the score.
// Otherwise the other weights are read and the score summed again, bit for
// bit typedCueScore (TestTypedCueScore checks both).
//
// markCues does the same in two steps, the bounds' slots (cueBoundSlots)
// and weights (readBounds) of a whole sentence before its scores
// (finishCueScore), so that the table's misses overlap.
func (d *doc) boundedCueScore(ts []*cueType, i, first, last int) float32 {
	var b [1]cueBound
	d.cueBoundSlots(ts, i, first, last, &b[0])
	readBounds(d.m.cue, b[:])
	return d.finishCueScore(ts, i, first, last, &b[0])
}

// cueBound is the bound of one token's cue score (boundedCueScore) on its
// way: its hashed features' slots, which of them the bound reads, and the
// weights read.
type cueBound struct {
	hs   [nHashed]uint32  // slots in the model's table
	read uint8            // bit k: w[k] is read (may be positive)
	w    [nHashed]float32 // the weights read, 0 for the others
}

// cueBoundSlots sets b's slots and read bits for token i of the sentence
// [first, last).
func (d *doc) cueBoundSlots(ts []*cueType, i, first, last int, b *cueBound) {
	m := d.m.cue
	pos := m.cc.pos
	b.hs = d.cueSlots(ts, i, first, last)
	b.read = 0
	for k := range b.hs {
		h := b.hs[k] & uint32(len(m.q)-1)
		b.hs[k] = h
		b.read |= uint8(pos[h>>posShift/64]>>(h>>posShift%64)&1) << k
	}
}

// readBounds reads the weights of bs' read bits: a loop that only loads,
// so that many of the loads miss at once.
func readBounds(m *model, bs []cueBound) {
	for i := range bs {
		b := &bs[i]
		for k, h := range b.hs {
			b.w[k] = 0
			if b.read>>k&1 != 0 {
				b.w[k] = m.weight(h)
			}
		}
	}
}

// finishCueScore is boundedCueScore of token i of the sentence [first,
// last) from its bound b (cueBoundSlots, readBounds).
func (d *doc) finishCueScore(ts []*cueType, i, first, last int, b *cueBound) float32 {
	w := b.w
	s := d.cueSum(ts, i, first, last, &w)
	if b.read == 1<<nHashed-1 {
		return s
	}
	if cand, cue := d.marks(i, first, last, s); !cand && !cue {
		return s
	}
	m := d.m.cue
	for k, h := range b.hs {
		if w[k] == 0 {
			w[k] = m.weight(h)
		}
	}
	return d.cueSum(ts, i, first, last, &w)
}
