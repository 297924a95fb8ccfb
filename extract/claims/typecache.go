package claims

import (
	"math"
	"math/bits"
	"sync"
)

// The word-type cache holds, per token text seen recently, what the cue
// features derive from the text alone: its flags from the word lists
// (classify), its hashes and class (tokenInfo), its cue type (cuetype.go)
// and the claim model's weights of it as the word after a content
// (nextWeight). A hit replaces the lower-casing and three hashes of
// wordHashes, a look-up in lexFlags and one in the model's map of cue types
// by a single hash of the text. Every cached value is a pure function of
// the text and of the models, which the cache remembers (it is emptied for
// other models), so the output is the same with or without it.
//
// A token's class also depends on its quotation flags, which findQuotes
// sets later: the cache holds the class without them, and markCues falls
// back to wordClass and cueTypes for the tokens that have them.

// typeCacheBits sizes a cache: 16384 slots of 64 bytes (1 MB).
const typeCacheBits = 14

// maxCachedType is the longest token text cached (the key is kept in the
// entry, not behind a pointer, and an entry fills one 64-byte cache line,
// so that a hit reads one line).
const maxCachedType = 33

// typeEntry is one cached word type.
type typeEntry struct {
	ct   *cueType  // the cue type of inf for the cache's model; nil if none yet
	inf  tokenInfo // cls as if the token were no quotation mark
	next float32   // the claim model's nextWordWeight(inf.w); NaN if none yet
	lex  uint16    // classify(key)
	klen uint8     // len(key); 0: empty
	key  [maxCachedType]byte
}

// has reports whether e holds the text tok.
func (e *typeEntry) has(tok string) bool {
	return int(e.klen) == len(tok) && len(tok) > 0 && string(e.key[:e.klen]) == tok
}

// typeCache is a direct-mapped cache of word types, one per goroutine
// (typeCaches) and kept across documents.
type typeCache struct {
	ms    *modelSet // the models of the cached types and weights
	slots []typeEntry
	// bounds and toks are markCues' scratch: the cue bounds and the
	// layout (cueLayout) of a sentence.
	bounds []cueBound
	toks   []cueTok
	// Per-document arrays, reused by the next document the cache sees
	// (Find drops them when large: keepScratch): each token's slot (-1:
	// not cached), info, cue type, next-word weight (nextWeight), flags,
	// quotation, cue score and turn mark, and fillCueTypes' misses.
	at       []int32
	nextW    []float32
	inf      []tokenInfo
	cts      []*cueType
	flags    []uint16
	qid      []int32
	cueScore []float32
	turn     []bool
	miss     []tokenInfo
	missAt   []int
	wait     []int
	// missTypes is fillCueTypes' scratch: the types of miss.
	missTypes []*cueType
	// counts is prefixCounts' scratch (decide.go).
	counts []counts
	sink   uint8 // the touched bytes (classifyCached); means nothing
}

// keepScratch is the most tokens whose per-document arrays a cache keeps
// for the next document (about 1 MB): a long text's are left to the
// collector rather than held by the pool.
const keepScratch = 1 << 15

// dropLargeScratch forgets per-document arrays past keepScratch tokens.
func (c *typeCache) dropLargeScratch() {
	if cap(c.at) > keepScratch {
		c.at, c.inf, c.cts, c.flags, c.qid, c.cueScore, c.turn = nil, nil, nil, nil, nil, nil, nil
		c.miss, c.missAt, c.wait, c.nextW, c.counts, c.missTypes = nil, nil, nil, nil, nil, nil
	}
	if cap(c.toks) > keepScratch { // a sentence's: only a long one
		c.toks, c.bounds = nil, nil
	}
}

// zeroed is resize with the elements cleared.
func zeroed[T any](b []T, n int) []T {
	b = resize(b, n)
	clear(b)
	return b
}

// resize returns b with length n, reusing its array when large enough;
// the elements are not cleared.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// typeCaches keeps the caches between calls of Find, one per call at a
// time (as ner keeps its taggers).
var typeCaches = sync.Pool{New: func() any {
	return &typeCache{slots: make([]typeEntry, 1<<typeCacheBits)}
}}

// slotOf is the slot of the text tok, -1 for a text too long to cache.
//
// The hash is inlined rather than maphash's, a call into the runtime that
// cost some 40 instructions a token: it reads the text in at most four
// loads (all of its bytes up to 32, all but one of 33) and mixes them with
// two multiplications, the slot being the top bits.
func (c *typeCache) slotOf(tok string) int32 {
	n := len(tok)
	var a, b uint64
	switch {
	case n > maxCachedType:
		return -1
	case n > 16:
		a = le64(tok[:8]) ^ bits.RotateLeft64(le64(tok[8:16]), 31)
		b = le64(tok[n-8:]) ^ bits.RotateLeft64(le64(tok[n-16:n-8]), 17)
	case n >= 8:
		a, b = le64(tok[:8]), le64(tok[n-8:])
	case n >= 4:
		a, b = uint64(le32(tok[:4])), uint64(le32(tok[n-4:]))
	case n > 0:
		a = uint64(tok[0]) | uint64(tok[n/2])<<8 | uint64(tok[n-1])<<16
	}
	h := (a ^ uint64(n)<<56) * 0x9e3779b97f4a7c15
	h = (h ^ b ^ h>>32) * 0xd6e8feb86659fd93
	return int32(h >> (64 - typeCacheBits))
}

// le64 is the little-endian word of the first 8 bytes of s (one load).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 is the little-endian word of the first 4 bytes of s (one load).
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// fill fills the entry of the text tok that the cache missed, whose slot
// (slotOf) is at, without a cue type, and returns it; for a text too long
// (at is -1) it fills the entry scratch instead.
func (c *typeCache) fill(tok string, at int32, scratch *typeEntry) *typeEntry {
	e := scratch
	if at >= 0 {
		e = &c.slots[at]
	}
	f := classify(tok)
	w, st, suf := wordHashes(tok)
	*e = typeEntry{inf: tokenInfo{w, st, suf, wordClassOf(f, tok)}, next: float32(math.NaN()), lex: f}
	e.klen = uint8(copy(e.key[:], tok))
	return e
}

// classifyCached sets d.flags from the cache and returns the entries'
// token infos and cue types (nil where the cache had none) for markCues;
// the cache is reset when d's cue model is not the one it holds.
func (d *doc) classifyCached(c *typeCache) ([]tokenInfo, []*cueType) {
	if c.ms != d.m {
		clear(c.slots)
		c.ms = d.m
	}
	n := len(d.toks)
	c.at, c.inf, c.cts = resize(c.at, n), resize(c.inf, n), resize(c.cts, n)
	c.nextW = resize(c.nextW, n)
	at, inf, ts, next := c.at, c.inf, c.cts, c.nextW
	// A block's slots first, each touched (a byte loaded, its line then in
	// cache): they are scattered over 1 MB, and a loop that only loads
	// has many misses in flight where the look-up loop, branchy, has a
	// couple (as ner's sentEmissions touches its rows). A block's lines
	// fit in the L1 cache.
	const block = 256
	var scratch typeEntry
	slots := c.slots
	for lo := 0; lo < n; lo += block {
		hi := min(lo+block, n)
		// The block's slices, of one length, so that the loops' indexes
		// need no bounds tests.
		bt := d.toks[lo:hi]
		bat, bf, binf, bts, bnext := at[lo:hi], d.flags[lo:hi], inf[lo:hi], ts[lo:hi], next[lo:hi]
		bat, bf, binf, bts, bnext = bat[:len(bt)], bf[:len(bt)], binf[:len(bt)], bts[:len(bt)], bnext[:len(bt)]
		var sink uint8
		for i, t := range bt {
			a := c.slotOf(t.Text)
			bat[i] = a
			if a >= 0 {
				sink |= slots[a].klen
			}
		}
		c.sink += sink
		for i, t := range bt {
			var e *typeEntry
			if a := bat[i]; a >= 0 && slots[a].has(t.Text) {
				e = &slots[a]
			} else {
				e = c.fill(t.Text, a, &scratch)
			}
			bf[i], binf[i], bts[i], bnext[i] = e.lex, e.inf, e.ct, e.next
		}
	}
	return inf, ts
}

// fillCueTypes completes ts, the cue types classifyCached found, for the
// tokens whose class the quotation flags changed and those the cache had
// no type for, and caches the new types of the others.
//
// A word the cache had no type for is looked up once per document: its
// later tokens (the same slot and info) wait for the first one's type
// (pendingType marks the slot meanwhile), as a type is a function of the
// info. On conll2003-dev that spares a fifth of the look-ups in the
// model's map of types, whose reads miss the CPU caches.
func (d *doc) fillCueTypes(c *typeCache, inf []tokenInfo, ts []*cueType) {
	miss, at, wait := c.miss[:0], c.missAt[:0], c.wait[:0]
	defer func() { c.miss, c.missAt, c.wait = miss, at, wait }()
	// Slices of one length, so that the loop's indexes need no bounds
	// tests. A token with its type and no quotation flag, as most are,
	// goes on at once.
	flags, inf, slotAt := d.flags[:len(ts)], inf[:len(ts)], c.at[:len(ts)]
	for i, t := range ts {
		if flags[i]&(fOpen|fClose) != 0 {
			inf[i].cls = d.wordClass(i)
			ts[i] = nil
		} else if t != nil {
			continue
		} else if a := slotAt[i]; a >= 0 {
			switch e := &c.slots[a]; {
			case e.ct == pendingType && e.inf == inf[i]: // the same type
				wait = append(wait, i)
				continue
			case e.ct == nil && e.has(d.toks[i].Text):
				e.ct = pendingType // set below, with the type of token i
			}
		}
		miss = append(miss, inf[i])
		at = append(at, i)
	}
	if len(miss) == 0 {
		return
	}
	c.missTypes = d.m.cue.cueTypes(miss, c.missTypes)
	for k, t := range c.missTypes {
		i := at[k]
		ts[i] = t
		if d.flags[i]&(fOpen|fClose) == 0 {
			if at := c.at[i]; at >= 0 {
				if e := &c.slots[at]; e.has(d.toks[i].Text) {
					e.ct = t
				}
			}
		}
	}
	for _, i := range wait {
		ts[i] = c.slots[c.at[i]].ct
	}
}

// pendingType marks a cache slot whose type fillCueTypes is looking up.
var pendingType = new(cueType)
