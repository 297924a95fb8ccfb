package ner

import (
	"math/rand/v2"
	"slices"

	"github.com/dossier-reader/dossier/extract/text"
)

// The word cache holds, for each word type (a token's exact text) seen
// recently by a tagger, everything about it that does not depend on where
// it stands: its tokInfo as scratch.info computes it, and the summed fused
// weights (both stages) of the features that look at it alone. Of the 27
// shared features of a token (tokenFeatures), 10 are the token's own
// (templates 0-8 and 23), 4 its own in the most common context (templates
// 18-20 and 28: defaultFeatures) and 6 its neighbours' own words or shapes
// (templates 9-14), so a cache hit replaces 20 hashed look-ups in the weight
// table, mostly cache misses, by five vector additions. News repeats
// words a lot, within a document and across documents, so most tokens hit.
//
// The cache is safe because every cached value is a pure function of the
// token text and the model (its weights, common-word set and profile, none
// of which change once the model is built): the cache remembers its model
// and is emptied when used with another. The sums are integer sums, exact
// in any order, so the emissions, and the output, are the same as summing
// feature by feature.
const (
	wordCacheBits = 13 // 8192 entries of 256 bytes per tagger
	maxCachedWord = 27 // longer tokens are not cached (rare)
)

// wordEntry is one cached word type: 256 bytes, four cache lines (the
// slots, a large allocation, start on a page), the last of which holds
// what a look-up reads (info and key).
type wordEntry struct {
	// self sums templates 0-8 and 23 and the default context's 18-20 and
	// 28 (defaultFeatures); asP1 the features of the word as the
	// previous token (9, 13), asP2 as the one before (11), asN1 as the next
	// (10, 14), asN2 as the one after (12).
	self, asP1, asP2, asN1, asN2 lanes
	info                         wordInfo // of scratch.info: the token's own flags only
	gen                          uint32   // last document that used it; 0: empty
	klen                         uint8
	key                          [maxCachedWord]byte
}

// wordInfo is the part of a tokInfo that depends on the word alone (no
// first-stage results), 8 bytes smaller: the affixes only feed the sums,
// and fill hashes them at once.
type wordInfo struct {
	lower, shape uint64
	flags        uint32
	length, prof uint8
}

func newWordInfo(t *tokInfo) wordInfo {
	return wordInfo{lower: t.lower, shape: t.shape, flags: t.flags, length: t.length, prof: t.prof}
}

// tokInfo is w as a tokInfo without first-stage results.
func (w *wordInfo) tokInfo() tokInfo {
	return tokInfo{lower: w.lower, shape: w.shape, flags: w.flags, length: w.length, prof: w.prof}
}

// wordCache is a direct-mapped cache of word entries, kept in a tagger
// across documents.
type wordCache struct {
	model *Model
	seed  uint64      // slotHash's, random per cache
	gen   uint32      // the current document
	slots []wordEntry // 1 << wordCacheBits
	// extra holds this document's words that are too long for a slot or
	// whose slot another word of the same document holds: an entry in use
	// by the current document is never evicted, so the entries of all its
	// tokens stay valid until it is tagged.
	extra    []wordEntry
	bos, eos wordEntry // the sentence-boundary markers
	ids      []int32
	infos    []tokInfo
	pending  []int32 // entries filled by this document, sums not yet computed
	ents     []*wordEntry
	ext      []*wordEntry // sentEmissions' entries of a sentence
	// offs is sentEmissions' rows (in Model.fused), token k's to add and
	// then to take off (their numbers are nOffs[k]&15 and nOffs[k]>>4);
	// while docInfo runs, offs holds the rows of the pending entries'
	// sums, nWordFeats an entry.
	offs  []int32
	nOffs []uint8
	sink  byte // touch's results
}

// reset prepares the cache for a document tagged with m.
func (c *wordCache) reset(m *Model) {
	if c.model != m || c.gen == ^uint32(0) {
		if c.slots == nil {
			c.slots = make([]wordEntry, 1<<wordCacheBits)
			c.seed = rand.Uint64()
		}
		clear(c.slots)
		c.model, c.gen = m, 0
		c.bos, c.eos = wordEntry{info: newWordInfo(&bosInfo)}, wordEntry{info: newWordInfo(&eosInfo)}
		m.wordVectors(&c.bos, &bosInfo, &bosAffixes)
		m.wordVectors(&c.eos, &eosInfo, &eosAffixes)
	}
	c.gen++
	c.extra = c.extra[:0]
}

// docInfo is docInfo with the cache: it also leaves in c.ents the entry of
// every token of the document.
func (c *wordCache) docInfo(m *Model, a *text.Analysis, s *scratch) []tokInfo {
	c.reset(m)
	if cap(c.ids) < len(a.Tokens) {
		c.ids = make([]int32, len(a.Tokens), 2*len(a.Tokens))
	}
	ids := c.ids[:len(a.Tokens)]
	c.pending, c.offs = c.pending[:0], c.offs[:0]
	// A block's slots first, every line of each touched (as sentEmissions
	// touches its rows), then their look-ups: the slots are scattered over
	// 2 MB, and the look-up loop, long and branchy, leaves the CPU room
	// for only a couple of misses at a time where a loop that only loads
	// has many in flight. A block's lines fit in the L1 cache. ids holds
	// the slot numbers meanwhile (-1: not cacheable).
	const block = 48
	for lo := 0; lo < len(ids); lo += block {
		toks := a.Tokens[lo:min(lo+block, len(ids))]
		for i, t := range toks {
			ids[lo+i] = -1
			if len(t.Text) <= maxCachedWord {
				ids[lo+i] = int32(slotHash(c.seed, t.Text) >> (64 - wordCacheBits))
				c.sink += touchEntry(&c.slots[ids[lo+i]])
			}
		}
		for i, t := range toks {
			ids[lo+i] = c.lookup(t.Text, ids[lo+i], s)
		}
	}
	// Pointers only now: extra no longer grows.
	if cap(c.ents) < len(ids) {
		c.ents = make([]*wordEntry, len(ids), 2*len(ids))
	}
	c.ents = c.ents[:len(ids)]
	if cap(c.infos) < len(a.Tokens) {
		c.infos = make([]tokInfo, len(a.Tokens), 2*len(a.Tokens))
	}
	infos := c.infos[:len(a.Tokens)] // every element set below
	for i, id := range ids {
		e := c.entry(id)
		c.ents[i] = e
		infos[i] = e.info.tokInfo()
	}
	c.fillVectors()
	docFlags(a, infos, &s.words)
	return infos
}

// slotHash hashes a token's text for its slot (the top wordCacheBits
// bits): FNV-1a from a random start, four bytes a step (one load), its
// bits mixed up by a multiplication. Tokens are short (five bytes on
// average), and this inlined loop costs a fraction of maphash.String's
// call chain, which took some 150 instructions a token. The start is
// random so that no text can be written to make its words collide; a
// collision costs a refill, never a wrong entry (the key is compared).
func slotHash(seed uint64, s string) uint64 {
	h := seed ^ uint64(len(s))
	for ; len(s) >= 4; s = s[4:] {
		h = (h ^ (uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24)) * fnvPrime
	}
	var x uint64 // the last bytes, no loop
	switch len(s) {
	case 3:
		x = uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16
	case 2:
		x = uint64(s[0]) | uint64(s[1])<<8
	case 1:
		x = uint64(s[0])
	}
	return (h ^ x) * fnvPrime * 0x9E3779B97F4A7C15
}

// touchEntry loads a word of each of the four cache lines of e, so that
// they are in cache when read. Its result means nothing (touch).
func touchEntry(e *wordEntry) byte {
	return byte(e.self[0] | e.asP1[3] | e.asN1[1] | e.asN2[4])
}

// lookup returns the index of tok's entry (past len(c.slots): in extra),
// filling it on a miss; i is tok's slot, -1 when tok is too long to cache.
func (c *wordCache) lookup(tok string, i int32, s *scratch) int32 {
	if i >= 0 {
		e := &c.slots[i]
		if e.gen != 0 && int(e.klen) == len(tok) && string(e.key[:e.klen]) == tok {
			e.gen = c.gen
			return i
		}
		if e.gen != c.gen {
			c.fill(e, tok, s, int(i))
			e.klen = uint8(copy(e.key[:], tok))
			return i
		}
	}
	c.extra = append(c.extra, wordEntry{})
	id := len(c.slots) + len(c.extra) - 1
	c.fill(&c.extra[len(c.extra)-1], tok, s, id)
	return int32(id)
}

// fill computes a new entry's info and the rows of its weight sums, which
// wait for fillVectors (the entry's index is in c.pending, its rows in
// c.offs).
func (c *wordCache) fill(e *wordEntry, tok string, s *scratch, id int) {
	ti, af := s.info(tok)
	e.info = newWordInfo(&ti)
	e.gen = c.gen
	c.pending = append(c.pending, int32(id))
	var fs [nWordFeats]uint64
	wordFeatures(&ti, &af, &fs)
	m := c.model
	mask, blocks := uint64(m.first.buckets()-1), m.blocks
	n := len(c.offs)
	c.offs = slices.Grow(c.offs, nWordFeats)[:n+nWordFeats]
	o := (*[nWordFeats]int32)(c.offs[n:])
	for i, f := range fs {
		o[i] = rowIn(blocks, f&mask)
	}
}

// nWordFeats is the number of features summed into a word entry: the
// templates wordFeatures lists. nWordRows of them count in one token's sum
// (sentEmissions): its own and the four neighbours' parts.
const (
	nWordFeats = 20
	nWordRows  = 20
)

// wordFeatures writes the features of a word entry's sums: self's ten of
// the word alone and four of its default context (defaultFeatures), then
// asP1's two, asN1's two, asP2's and asN2's. The templates and their
// arguments are tokenFeatures'.
func wordFeatures(t *tokInfo, af *affixes, out *[nWordFeats]uint64) {
	var def [4]uint64
	defaultFeatures(t, &def)
	*out = [nWordFeats]uint64{
		mix(0, 0, 0, 0), mix(1, af.form, 0, 0), mix(2, t.lower, 0, 0),
		mix(3, t.shape, 0, 0), mix(4, af.pre2, 0, 0), mix(5, af.pre3, 0, 0),
		mix(6, af.suf2, 0, 0), mix(7, af.suf3, 0, 0), mix(8, af.suf4, 0, 0),
		mix(23, uint64(t.length), t.shape, uint64(t.flags&(fAllCaps|fCommon))),
		def[0], def[1], def[2], def[3],
		mix(9, t.lower, 0, 0), mix(13, t.shape, 0, 0),
		mix(10, t.lower, 0, 0), mix(14, t.shape, 0, 0),
		mix(11, t.lower, 0, 0),
		mix(12, t.lower, 0, 0),
	}
}

// fillVectors computes the weight sums of the pending entries from their
// rows (fill), all rows touched first as in sentEmissions.
func (c *wordCache) fillVectors() {
	if len(c.pending) == 0 {
		return
	}
	m := c.model
	c.sink += touch(m.fused, c.offs)
	for i, id := range c.pending {
		e := c.entry(id)
		o := c.offs[i*nWordFeats : (i+1)*nWordFeats : (i+1)*nWordFeats]
		m.rowSum(&e.self, o[:14])
		m.rowSum(&e.asP1, o[14:16])
		m.rowSum(&e.asN1, o[16:18])
		m.rowSum(&e.asP2, o[18:19])
		m.rowSum(&e.asN2, o[19:20])
	}
}

// wordVectors sets e's weight sums from its info t (the boundary markers).
func (m *Model) wordVectors(e *wordEntry, t *tokInfo, af *affixes) {
	var fs [nWordFeats]uint64
	wordFeatures(t, af, &fs)
	var offs [nWordFeats]int32
	for i, f := range fs {
		offs[i] = m.rowOf(f & uint64(m.first.buckets()-1))
	}
	m.rowSum(&e.self, offs[:14])
	m.rowSum(&e.asP1, offs[14:16])
	m.rowSum(&e.asN1, offs[16:18])
	m.rowSum(&e.asP2, offs[18:19])
	m.rowSum(&e.asN2, offs[19:20])
}

// rowSum sets v to the sum of the fused rows at offs (swar.go).
func (m *Model) rowSum(v *lanes, offs []int32) {
	*v = lanes{}
	addRows(v, m.fused, offs)
}

// entry returns the entry of an index lookup returned.
func (c *wordCache) entry(id int32) *wordEntry {
	if int(id) < len(c.slots) {
		return &c.slots[id]
	}
	return &c.extra[int(id)-len(c.slots)]
}
