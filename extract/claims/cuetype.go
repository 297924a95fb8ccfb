package claims

import (
	"math/bits"
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
// the cache holds at most maxCueTypes types (320 bytes each, and a map
// entry).

// nCls is the number of word classes, cNone to cOther.
const nCls = int(cOther) + 1

// maxCueTypes bounds the process-wide cache of cue types (16 MB at most);
// types past it are built per call.
const maxCueTypes = 1 << 15

// cueType holds the weights of the cue features of one word type.
//
// The weights indexed by a context value are kept as the model's int16
// values (cueSum scales them as model.weight does: the same float32), and
// those indexed by a neighbour's class in a row per class, the rows of the
// frequent neighbours first (clsRow). A type is 320 bytes, a size class of
// whole cache lines, so every type starts a line: a token's score reads its
// type's first three lines when its four neighbours are of the seven
// frequent classes (70% of the scored tokens of conll2003-dev), 2.9 lines
// on average, where arrays by weight, 288 bytes starting at a line or in
// its middle, made it read 4.2 or 4.8. A document's word types are more
// than the L2 cache holds, and markCues reads them for every word: on
// conll2003-dev that saves some 50k L2 misses a pass (cachegrind, 1 MB L2).
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
	// by a neighbour's class, in the order of clsRow
	rows [nCls]clsWeights
	_    [14]byte // to 320 bytes
}

// clsWeights are the weights of a type that a neighbour's class indexes.
type clsWeights struct {
	n1 [3]int16 // by the next token's: sufClsN1, wordClsN1, stemClsN1
	p1 [2]int16 // by the previous token's: wordClsP1, stemClsP1
	n2 int16    // by the token after the next's: wordClsN2
	p2 int16    // by the token before the previous's: wordClsP2
	_  int16    // 16 bytes: a row's offset is a shift
}

// clsRow is the row of each class in cueType.rows: the most frequent
// neighbours first (on conll2003-dev: lower-case words, capitalised, edges,
// determiners, numbers, commas, punctuation), so that their rows share the
// type's first three cache lines with the other weights a token reads.
var clsRow = [nCls]uint8{
	cLow: 0, cCap: 1, cNone: 2, cDet: 3, cDigit: 4, cComma: 5, cPunct: 6,
	cFinal: 7, cTo: 8, cPron: 9, cOther: 10, cStarter: 11, cClose: 12, cOpen: 13,
}

// clsRows is clsRow packed four bits a class, read without a load
// (TestClsRows checks it).
const clsRows uint64 = 0xa4876bcd539012

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
		r := &e.rows[clsRow[c]]
		r.n1 = [3]int16{
			m.raw(mix(mix(tSufClsN1, t.suf), c)),
			m.raw(mix(mix(tWordClsN1, t.w), c)),
			m.raw(mix(mix(tStemClsN1, t.st), c)),
		}
		r.p1 = [2]int16{m.raw(mix(mix(tWordClsP1, t.w), c)), m.raw(mix(mix(tStemClsP1, t.st), c))}
		r.n2 = m.raw(mix(mix(tWordClsN2, t.w), c))
		r.p2 = m.raw(mix(mix(tWordClsP2, t.w), c))
	}
	return e
}

// cueTypes returns the type of every token, from the cache or built, in
// out (reused if large enough).
func (m *model) cueTypes(inf []tokenInfo, out []*cueType) []*cueType {
	c := &m.cc
	c.once.Do(func() { c.init(m) })
	out = resize(out, len(inf))
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

// cueTok is what the cue score of a token reads of it as a neighbour: its
// type's weights as a neighbour word, its word hash and its class.
// markCues lays a sentence's out with two edge tokens on either side
// (cueLayout), so that a token's window of five, from two before it to two
// after, is read without a test of the sentence's bounds nor a pointer to
// follow (with cueLayout's sweep of the contexts, 10M instructions fewer in
// a pass of BenchmarkTag, of 450M). It holds no pointer: storing the
// types' would cost a write barrier each while the collector marks, which
// it often does.
type cueTok struct {
	prev, next, prev2, next2 float32 // cueType's
	w                        uint32  // tokenInfo.w
	cls                      uint16  // tokenInfo.cls
	row                      uint16  // clsRow[cls]
}

// tok is the cueTok of a token of type t and info inf.
func (t *cueType) tok(inf tokenInfo) cueTok {
	return cueTok{t.prev, t.next, t.prev2, t.next2, inf.w, uint16(inf.cls), uint16(clsRows >> (4 * inf.cls) & 15)}
}

// cueWin is the window of a token: the two before it, itself, the two
// after it.
type cueWin = [5]cueTok

// window returns token i's window in the layout toks of the sentence
// starting at first (cueLayout).
func window(toks []cueTok, i, first int) *cueWin {
	return (*cueWin)(toks[i-first : i-first+5])
}

// cueCtx holds the context values of a token's cue features that are not
// its neighbours' (cueContext and subject tell them).
type cueCtx struct {
	subj, inQ, pos, starter, qBefore, qAfter uint8
}

// cueCtxOf is the context of token i of the sentence [first, last), token
// by token (markCues computes those of a sentence in one sweep: cueLayout).
func (d *doc) cueCtxOf(i, first, last int) cueCtx {
	inQ, pos, starter, qBefore, qAfter := d.cueContext(i, first, last)
	return cueCtx{uint8(d.subject(i, first)), uint8(inQ), uint8(pos), uint8(starter), uint8(qBefore), uint8(qAfter)}
}

// touchTypes loads, for the tokens of a sentence laid out in toks
// (cueLayout) whose bounds are bs and types ts, a field of every cache
// line of their cue types that cueSum will read beyond the first
// (cueLayout read that): the lines of the context-indexed weights. The types
// are scattered over the heap and miss as often as not, and markCues'
// loops, long, leave room for few misses at a time where this one has many
// in flight. Its result means nothing.
func touchTypes(ts []*cueType, toks []cueTok, bs []cueBound, first int) uint8 {
	var x uint16
	for k := range bs {
		w := window(toks, int(bs[k].at), first)
		t := ts[bs[k].at]
		// subj to starter, 30 bytes, are on at most two lines.
		x ^= uint16(t.subj[0]) ^ uint16(t.starter[2]) ^
			uint16(t.rows[w[3].row].n1[0]) ^ uint16(t.rows[w[1].row].p1[0]) ^
			uint16(t.rows[w[4].row].n2) ^ uint16(t.rows[w[0].row].p2)
	}
	return uint8(x)
}

// nHashed is the number of cue features hashed per token (cueBound.hs).
const nHashed = 5

// cueWindow is the window of token i of the sentence [first, last) with
// the types ts, built for that token alone (typedCueScore).
func (d *doc) cueWindow(ts []*cueType, i, first, last int) *cueWin {
	var toks [5]cueTok
	e := d.m.cue.cc.edge.tok(edgeInfo)
	for k := range toks {
		if j := i - 2 + k; j >= first && j < last {
			toks[k] = ts[j].tok(d.inf[j])
		} else {
			toks[k] = e
		}
	}
	return &toks
}

// typedCueScore is the cue classifier's score of token i of the sentence
// [first, last): m.score(cueFeatures(…)) from the types ts (cueTypes).
func (d *doc) typedCueScore(ts []*cueType, i, first, last int) float32 {
	m := d.m.cue
	win := d.cueWindow(ts, i, first, last)
	var b cueBound
	m.cueBoundSlots(ts[i], win, &b)
	var w [nHashed]float32
	for k, h := range b.hs {
		w[k] = m.weight(h)
	}
	x := d.cueCtxOf(i, first, last)
	return m.cueSum(ts[i], win, &x, &w)
}

// cueSum adds up the cue score of the token of type t and window win with
// the context x and w as the weights of its hashed features (cueBound.hs):
// with their weights it is typedCueScore; with upper bounds of them it is
// an upper bound of the score, as float32 addition is monotone in each
// operand and the additions are the same, in the same order (markCues).
func (m *model) cueSum(t *cueType, win *cueWin, x *cueCtx, w *[nHashed]float32) float32 {
	c := &m.cc
	p2, p1, n1, n2 := &win[0], &win[1], &win[3], &win[4]
	cls := win[2].cls
	// wt is model.weight of a quantized weight (the same rounding).
	scale := m.scale
	wt := func(q int16) float32 { return float32(float32(q) * scale) }
	tn1, tp1 := &t.rows[n1.row].n1, &t.rows[p1.row].p1
	s := w[0]
	s += wt(t.subj[x.subj&1])
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
	s += wt(tp1[0])            // wordClsP1
	s += wt(tn1[1])            // wordClsN1
	s += wt(t.rows[n2.row].n2) // wordClsN2
	s += wt(tn1[2])            // stemClsN1
	s += wt(tp1[1])            // stemClsP1
	s += wt(t.inQ[x.inQ&1])
	s += c.clsP1N1[p1.cls][cls][n1.cls]
	s += wt(t.pos[x.pos&3])
	s += wt(t.starter[x.starter])
	s += wt(t.qBefore[x.qBefore&1])
	s += wt(t.qAfter[x.qAfter&1])
	s += w[3]
	s += wt(t.rows[p2.row].p2) // wordClsP2
	s += c.clsP2P1[p2.cls][p1.cls][cls]
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
// markCues does the same in steps, the bounds' contexts and slots of a
// whole sentence (cueLayout, cueBoundSlots), their weights (readBounds),
// then the scores (finishCueScore), so that the table's misses overlap.
func (d *doc) boundedCueScore(ts []*cueType, i, first, last int) float32 {
	b := [1]cueBound{{at: int32(i), ctx: d.cueCtxOf(i, first, last)}}
	win := d.cueWindow(ts, i, first, last)
	d.m.cue.cueBoundSlots(ts[i], win, &b[0])
	readBounds(d.m.cue, b[:])
	sc, _, _ := d.finishCueScore(ts[i], win, first, last, &b[0])
	return sc
}

// cueBound is the bound of one token's cue score (boundedCueScore) on its
// way: the token, its context, its hashed features' slots, which of them
// the bound reads, and the weights read.
type cueBound struct {
	hs   [nHashed]uint32  // slots in the model's table
	w    [nHashed]float32 // the weights read, 0 for the others
	at   int32            // the token
	ctx  cueCtx
	read uint8 // bit k: w[k] is read (may be positive)
}

// cueLayout lays out the tokens of the sentence [first, last) with their
// types ts in toks, two edge tokens before and after it (token i's window
// is window(toks, i, first)), and sets bs to a bound for each token that
// markCues scores (cueScored), with its context: the context cueCtxOf
// tells, from one sweep of the sentence rather than a look-ahead and a
// look-behind per token. toks and bs are reused if large enough.
//
// It reads the first cache line of every type, and as a loop that mostly
// loads, has many of their misses in flight at once (the types are
// scattered over the heap).
func (d *doc) cueLayout(ts []*cueType, first, last int, toks []cueTok, bs []cueBound) ([]cueTok, []cueBound) {
	n := last - first
	toks, bs = resize(toks, n+4), resize(bs, n)
	e := d.m.cue.cc.edge.tok(edgeInfo)
	toks[0], toks[1], toks[n+2], toks[n+3] = e, e, e, e
	if d.qsFirst != first || d.qsLast != last { // as cueContext does
		d.quoteSpan(first, last)
	}
	flags, qid, inf := d.flags[first:last], d.qid[first:last], d.inf[first:last]
	// next is the first token after k that is a starter or an opening
	// quotation mark (n if none); subj the last token before k that may
	// be a subject (-5 if none).
	nb, next, subj := 0, 0, -5
	for k, t := range ts[first:last] {
		toks[k+2] = t.tok(inf[k])
		f := flags[k]
		if f&fWord != 0 || d.toks[first+k].Text == ":" { // cueScored
			var x cueCtx
			if qid[k] >= 0 {
				x.inQ = 1
			}
			x.pos = uint8(min(k, 3))
			if next <= k {
				for next = k + 1; next < n && flags[next]&(fStarter|fOpen) == 0; next++ {
				}
			}
			if next < n && next <= k+lookAhead {
				x.starter = 1
				if flags[next]&fOpen != 0 {
					x.starter = 2
				}
			}
			if d.firstClose < first+k {
				x.qBefore = 1
			}
			if d.lastOpen > first+k {
				x.qAfter = 1
			}
			if subj >= k-4 {
				x.subj = 1
			}
			// The other fields are set by cueBoundSlots and readBounds.
			bs[nb].at, bs[nb].ctx = int32(first+k), x
			nb++
		}
		if f&(fCap|fPron) != 0 && qid[k] < 0 {
			subj = k
		}
	}
	return toks, bs[:nb]
}

// cueBoundSlots sets b's slots and read bits for the token of type t and
// window win: the slots in the model's table of the five cue features that
// pair the token with a neighbour's word, in the order cueSum adds them.
// (In one function, unrolled, with the hashes and bits in locals rather
// than in b, which the compiler loaded and stored at every step: the
// hashes' function and the loop over their bits cost 255 instructions a
// token, this 194.)
func (m *model) cueBoundSlots(t *cueType, w *cueWin, b *cueBound) {
	pos, mask := m.cc.pos, uint32(len(m.q)-1)
	hs := [nHashed]uint32{
		mix(mix(t.hN1N2, w[3].w), w[4].w) & mask,
		mix(t.hPrev, w[1].w) & mask,
		mix(t.hNext, w[3].w) & mask,
		mix(t.hStemPrev, w[1].w) & mask,
		mix(mix(t.hPrevPrev, uint32(w[1].cls)), w[0].w) & mask,
	}
	bit := func(h uint32) uint8 { return uint8(pos[h>>posShift/64]>>(h>>posShift%64)) & 1 }
	b.hs = hs
	b.read = bit(hs[0]) | bit(hs[1])<<1 | bit(hs[2])<<2 | bit(hs[3])<<3 | bit(hs[4])<<4
}

// readBounds reads the weights of bs' read bits: a loop that only loads,
// so that many of the loads miss at once. It visits the set bits alone
// (1.5 of the five on conll2003-dev).
func readBounds(m *model, bs []cueBound) {
	for i := range bs {
		b := &bs[i]
		b.w = [nHashed]float32{}
		for r := b.read; r != 0; r &= r - 1 {
			k := bits.TrailingZeros8(r) % nHashed
			b.w[k] = m.weight(b.hs[k])
		}
	}
}

// finishCueScore is boundedCueScore of the token of type t and window win
// of the sentence [first, last) from its bound b (cueLayout,
// cueBoundSlots, readBounds), with what it marks (marks).
func (d *doc) finishCueScore(t *cueType, win *cueWin, first, last int, b *cueBound) (sc float32, cand, cue bool) {
	m := d.m.cue
	w := b.w
	sc = m.cueSum(t, win, &b.ctx, &w)
	i := int(b.at)
	if cand, cue = d.marks(i, first, last, sc); b.read == 1<<nHashed-1 || !cand && !cue {
		return sc, cand, cue
	}
	for k, h := range b.hs {
		if w[k] == 0 {
			w[k] = m.weight(h)
		}
	}
	sc = m.cueSum(t, win, &b.ctx, &w)
	cand, cue = d.marks(i, first, last, sc)
	return sc, cand, cue
}
