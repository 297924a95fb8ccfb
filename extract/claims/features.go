package claims

// Cue features: every token is described by hashed context features (its
// word, a crude stem and suffix, the shapes and words of its neighbours,
// whether a "that", quotation or comma follows, whether a name or pronoun
// precedes) and scored by the averaged perceptron in model.go. Hashing keeps
// the hot loop free of maps, allocations and regular expressions.

// Word classes for the shape features of neighbours.
const (
	cNone uint32 = iota // outside the sentence
	cCap                // capitalised word
	cLow                // lower-case word
	cPron               // personal pronoun
	cDet                // determiner
	cComma
	cOpen    // opening quotation mark
	cClose   // closing quotation mark
	cStarter // that, whether, if, …
	cPunct   // other clause punctuation
	cFinal   // . ! ?
	cTo      // "to"
	cDigit
	cOther
)

// Feature templates: each feature hash starts from its template number.
const (
	tBias uint32 = iota + 1
	tWord
	tStem
	tSuf
	tCls
	tWordPrev
	tWordNext
	tPrev
	tNext
	tPrev2
	tNext2
	tWordClsP1
	tWordClsN1
	tWordClsN2
	tStemClsN1
	tStemClsP1
	tWordInQuote
	tClsP1N1
	tWordPos
	tWordStarterAhead
	tWordQuoteBefore
	tWordQuoteAfter
	tStemPrev
	tWordClsP2
	tClsP2P1
	tWordPrevPrev
	tWordN1N2
	tStemSubject
	tSufClsN1
)

// mix folds v into the hash h (FNV-1a over the four bytes of v, low byte
// first). It is unrolled by hand: the compiler keeps a loop, and the
// claim features hash some hundred values per candidate cue, so the loop's
// counter and branch were a third of the work.
func mix(h, v uint32) uint32 {
	h = (h ^ v&0xff) * 16777619
	h = (h ^ v>>8&0xff) * 16777619
	h = (h ^ v>>16&0xff) * 16777619
	return (h ^ v>>24) * 16777619
}

// wordHashes returns the hashes of a token's lower-cased text, of its stem
// (stemLen) and of its last three bytes (of its first 32 bytes: longer
// texts are cut). The stem is a prefix of the text, so one FNV-1a loop
// hashes both: the stem's hash is the state after its last byte. The
// word-type cache calls it for each text it misses (one token in ten on
// conll2003-dev), and it cost some 300 instructions a text as three loops
// and five suffix tests.
func wordHashes(w string) (full, st, suf uint32) {
	var buf [32]byte
	n := copy(buf[:], w)
	lw := buf[:n]
	for i, b := range lw {
		if b >= 'A' && b <= 'Z' {
			lw[i] = b + 'a' - 'A'
		}
	}
	m := stemLen(lw)
	h := uint32(2166136261)
	for _, b := range lw[:m] {
		h = (h ^ uint32(b)) * 16777619
	}
	st = h ^ 0x5bd1e995
	for _, b := range lw[m:] {
		h = (h ^ uint32(b)) * 16777619
	}
	full = h
	h = 2166136261
	for _, b := range lw[max(0, n-3):] {
		h = (h ^ uint32(b)) * 16777619
	}
	suf = h ^ 0x27d4eb2d
	return full, st, suf
}

// stemLen is the length of the stem of a lower-cased word: without a final
// -ing, -ed, -es, -s or -e (the first that fits, each only when three bytes
// or more remain).
func stemLen(w []byte) int {
	n := len(w)
	switch {
	case n > 6 && string(w[n-3:]) == "ing":
		return n - 3
	case n > 5 && (string(w[n-2:]) == "ed" || string(w[n-2:]) == "es"):
		return n - 2
	case n > 4 && (w[n-1] == 's' || w[n-1] == 'e'):
		return n - 1
	}
	return n
}

// wordClass is the shape class of token i given its flags.
func (d *doc) wordClass(i int) uint32 {
	return wordClassOf(d.flags[i], d.toks[i].Text)
}

// wordClassOf is the shape class of a token of text t and flags f.
func wordClassOf(f uint16, t string) uint32 {
	switch {
	case f&fOpen != 0:
		return cOpen
	case f&fClose != 0:
		return cClose
	case f&fPron != 0:
		return cPron
	case f&fDet != 0 && f&fStarter == 0:
		return cDet
	case f&fStarter != 0:
		return cStarter
	case t == "to":
		return cTo
	case t == ",":
		return cComma
	case f&fPunct != 0:
		return cPunct
	case t == "." || t == "!" || t == "?":
		return cFinal
	case f&fCap != 0:
		return cCap
	case f&fWord != 0 && t[0] >= '0' && t[0] <= '9':
		return cDigit
	case f&fWord != 0:
		return cLow
	}
	return cOther
}

// tokenInfo is what the features need of each token, computed once.
type tokenInfo struct {
	w, st, suf uint32 // hashes of the lower-cased word, stem and suffix
	cls        uint32 // shape class
}

// infos computes the per-token hashes and classes.
func (d *doc) infos() []tokenInfo {
	out := make([]tokenInfo, len(d.toks))
	for i, t := range d.toks {
		w, st, suf := wordHashes(t.Text)
		out[i] = tokenInfo{w, st, suf, d.wordClass(i)}
	}
	return out
}

// cueFeatures appends the feature hashes of token i of the sentence
// [first, last) to buf.
func (d *doc) cueFeatures(inf []tokenInfo, i, first, last int, buf []uint32) []uint32 {
	at := func(k int) tokenInfo {
		if k < first || k >= last {
			return tokenInfo{w: 1, st: 1, suf: 1, cls: cNone}
		}
		return inf[k]
	}
	t, p1, p2, n1, n2 := inf[i], at(i-1), at(i-2), at(i+1), at(i+2)
	inQ, pos, starter, qBefore, qAfter := d.cueContext(i, first, last)
	subj := d.subject(i, first)
	return append(buf,
		mix(mix(mix(tWordN1N2, t.st), n1.w), n2.w),
		mix(mix(tStemSubject, t.st), subj),
		mix(mix(tSufClsN1, t.suf), n1.cls),
		mix(tBias, 0),
		mix(tWord, t.w),
		mix(tStem, t.st),
		mix(tSuf, t.suf),
		mix(tCls, t.cls),
		mix(mix(tWordPrev, t.w), p1.w),
		mix(mix(tWordNext, t.w), n1.w),
		mix(tPrev, p1.w),
		mix(tNext, n1.w),
		mix(tPrev2, p2.w),
		mix(tNext2, n2.w),
		mix(mix(tWordClsP1, t.w), p1.cls),
		mix(mix(tWordClsN1, t.w), n1.cls),
		mix(mix(tWordClsN2, t.w), n2.cls),
		mix(mix(tStemClsN1, t.st), n1.cls),
		mix(mix(tStemClsP1, t.st), p1.cls),
		mix(mix(tWordInQuote, t.w), inQ),
		mix(mix(mix(tClsP1N1, p1.cls), t.cls), n1.cls),
		mix(mix(tWordPos, t.w), pos),
		mix(mix(tWordStarterAhead, t.st), starter),
		mix(mix(tWordQuoteBefore, t.st), qBefore),
		mix(mix(tWordQuoteAfter, t.st), qAfter),
		mix(mix(tStemPrev, t.st), p1.w),
		mix(mix(tWordClsP2, t.w), p2.cls),
		mix(mix(mix(tClsP2P1, p2.cls), p1.cls), t.cls),
		mix(mix(mix(tWordPrevPrev, t.st), p1.cls), p2.w),
	)
}

// cueContext tells whether token i is quoted, its position in the sentence
// (0-3), whether a "that" (1) or an opening quotation mark (2) follows
// within lookAhead tokens, and whether a quotation closes before it or
// opens after it in the sentence [first, last).
func (d *doc) cueContext(i, first, last int) (inQ, pos, starter, qBefore, qAfter uint32) {
	if d.qid[i] >= 0 {
		inQ = 1
	}
	pos = uint32(min(i-first, 3))
	for k := i + 1; k < last && k <= i+lookAhead; k++ {
		if d.flags[k]&(fStarter|fOpen) != 0 {
			starter = 1
			if d.flags[k]&fOpen != 0 {
				starter = 2
			}
			break
		}
	}
	if d.qsFirst != first || d.qsLast != last { // (0, 0) never bounds a sentence
		d.quoteSpan(first, last)
	}
	if d.firstClose < i {
		qBefore = 1
	}
	if d.lastOpen > i {
		qAfter = 1
	}
	return inQ, pos, starter, qBefore, qAfter
}

// quoteSpan caches, for the sentence [first, last), its first closing and
// last opening quotation mark (cueContext asks of every token whether one
// lies before or after it).
func (d *doc) quoteSpan(first, last int) {
	d.qsFirst, d.qsLast = first, last
	d.firstClose, d.lastOpen = last, -1
	for k := first; k < last; k++ {
		if d.flags[k]&fClose != 0 && d.firstClose == last {
			d.firstClose = k
		}
		if d.flags[k]&fOpen != 0 {
			d.lastOpen = k
		}
	}
}

// subject tells (1) whether a name or pronoun stands shortly before token
// i of a sentence starting at first: a likely subject.
func (d *doc) subject(i, first int) uint32 {
	for k := max(first, i-4); k < i; k++ {
		if d.flags[k]&(fCap|fPron) != 0 && d.qid[k] < 0 {
			return 1
		}
	}
	return 0
}
