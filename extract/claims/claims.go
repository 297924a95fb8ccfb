// Package claims finds attributions: quotations and reported speech with
// their source, cue and content.
//
// It works in one pass over the tokens of each sentence: an averaged
// perceptron over hashed context features (model.go, features.go), learned
// from PolNeAR by cmd/train and embedded as cue.model.gz, marks the tokens
// that head a cue; each cue anchors a frame whose content follows the cue
// ("X said that …", start and end chosen by learned rankers, boundary.go),
// precedes it ("…, X said") or surrounds it ("“…,” she said. “…”"). A second
// pass takes quotations that no frame covered. Spans follow the PolNeAR
// guidelines: a source keeps its determiner and title, a content keeps a
// leading "that" and its quotation marks. The cue classifier proposes
// more cues than it keeps: a second stage scores each whole candidate
// claim (claimfeat.go) — a gate model decides which frames get the end
// ranker, a decision model with pairwise feature conjunctions which claims
// stay (decide.go).
package claims

import (
	"cmp"
	"slices"
	"sync"

	"github.com/dossier-reader/dossier/extract/text"
)

// Person is a person the tagger found, for resolving speakers.
type Person struct {
	Name     string
	Role     string
	Mentions []text.Span
}

// Kind tells direct quotation, reported speech and the mix of both.
type Kind uint8

// The claim kinds.
const (
	Indirect Kind = iota // reported speech: no quotation marks in the content
	Direct               // the content is a quotation
	Mixed                // reported speech with a quotation inside
)

// String names the kind.
func (k Kind) String() string {
	switch k {
	case Direct:
		return "direct"
	case Mixed:
		return "mixed"
	}
	return "indirect"
}

// Claim is one attribution.
type Claim struct {
	Source  *text.Span  // who speaks, as the text names them; nil if none
	Cue     *text.Span  // the verb or phrase of saying; nil if none
	Content text.Span   // what is claimed, first piece to last
	Pieces  []text.Span // pieces of a split quotation; nil when one piece
	Speaker string      // canonical speaker name
	Person  int         // index into the people slice given to Find; -1 if none
	Kind    Kind
}

// rng is a half-open token range [a, b); a == b means none.
type rng struct{ a, b int }

func (r rng) empty() bool { return r.a >= r.b }

// draft is a claim in token ranges, before spans and speakers are resolved.
type draft struct {
	src, cue rng
	pieces   []rng   // content pieces in text order; at least one
	frame    uint8   // the construction that built it (claimfeat.go)
	alt      uint8   // which content span of a forward frame (alts.go)
	score    float32 // the claim classifier's score; 0 when not scored
}

// doc is the per-call state shared by the passes.
type doc struct {
	docScratch
	src    string
	toks   []text.Token
	flags  []uint16
	quotes []quote
	qid    []int32 // index of the quotation holding each token, -1 if none
	inf    []tokenInfo
	// tc, when set, is the word-type cache newDocCached classified the
	// tokens with, leaving their infos in inf and their cue types in cts
	// for markCues to complete.
	tc  *typeCache
	cts []*cueType
	// nextW, with tc, holds each token's next-word weight (nextWeight),
	// NaN where not known yet.
	nextW []float32
	// cueScore is the classifier's score of each token marked fCand.
	cueScore []float32
	turn     []bool // tokens of an interview turn (interview.go)
	m        *modelSet
	// first and last bound the sentence being read by the frame pass.
	first, last int
	cnt         []counts // the extra claim features' counts (decide.go), built on first use
	// nextMax bounds the claim weights of the word after a content in the
	// sentence starting at nextFirst-1 (nextWordBound)
	nextMax   float32
	nextFirst int // claim features of a forward frame's content to the furthest end (gate.go)
	// startMargin and endConf tell how sure the boundary rankers were of
	// the content of the last forward frame (bestStart, bestEnd).
	startMargin, endConf float32
	// start2 is the runner-up start of the last bestStart (-1 if none).
	start2 int
	// the quotation marks of the sentence last seen by cueContext
	qsDoc                *doc
	qsFirst, qsLast      int
	firstClose, lastOpen int
	// collect, when set (training), receives every scored candidate and
	// no candidate is dropped for its score.
	collect *[]candidate
	// onBound, when set (TestClaimBound), sees the claim bound and the
	// claim score of the rankers' choice of every forward frame, none
	// dropped by the bound.
	onBound func(bound, score float32)
}

// docScratch holds a doc's buffers, which Find keeps for the next call
// (docs): the drafts and their content pieces, the claim and chooser
// features, the quotations, and the scratch of dropNested, orphanQuotes
// and sentences.
// With the one-piece contents from an arena (piece) and dropNested's
// keys looked up by hash, this took a pass of BenchmarkTag over
// conll2003-dev from 30,200 allocations (3.6 MB) to 20,900 (2.7 MB), and
// the collector's work follows the allocations.
type docScratch struct {
	drafts, spare    []draft
	arena            []rng // pieces hands out one-piece contents from it
	fbuf, cbuf, tbuf []uint32
	sents            []text.Sentence
	quoteBuf         []quote
	starts, covered  []bool
	seen             map[uint64]int32
	key, key2        []byte
	// es holds the end candidates of the last bestEnd, whose
	// minimum-Bayes-risk masses the other spans read (alts.go). It is
	// kept apart: init and release clear the doc, and its 1.7 KB with it.
	es *endSet
}

// keepDrafts is the most drafts (and sentences, and map entries four
// times fewer) whose buffers a doc keeps between calls, about 60 KB: a
// long text's are left to the collector rather than held by the pool;
// token-sized buffers follow the type cache's keepScratch.
const keepDrafts = 1024

// docs keeps the docs between calls of Find with their buffers, as
// typeCaches keeps the word-type caches.
var docs = sync.Pool{New: func() any { return new(doc) }}

// Find returns the claims in the text, in text order. people may be empty;
// speakers then come from the source text alone.
func Find(a *text.Analysis, people []Person) []Claim {
	if a == nil || len(a.Tokens) == 0 {
		return nil
	}
	c := typeCaches.Get().(*typeCache)
	d := docs.Get().(*doc)
	defer func() {
		d.release()
		docs.Put(d)
		c.dropLargeScratch()
		typeCaches.Put(c)
	}()
	d.init(a, c)
	sents := d.propose(a)
	d.dropNested()
	d.orphanQuotes(sents)
	slices.SortStableFunc(d.drafts, func(x, y draft) int {
		return cmp.Compare(x.pieces[0].a, y.pieces[0].a)
	})
	return d.resolve(people)
}

// release drops what d holds of the text and of its caller (the
// analysis, the type cache, the drafts' contents) and its buffers grown
// too large, keeping the others for the next call.
func (d *doc) release() {
	s := d.docScratch
	clear(s.drafts) // the contents' pieces: every draft written is in one or the other
	clear(s.spare)
	if cap(s.drafts) > keepDrafts || cap(s.spare) > keepDrafts || cap(s.sents) > keepDrafts || cap(s.quoteBuf) > keepDrafts {
		s.drafts, s.spare, s.sents, s.quoteBuf = nil, nil, nil, nil
	}
	if cap(s.starts) > keepScratch || cap(s.covered) > keepScratch {
		s.starts, s.covered = nil, nil
	}
	if len(s.seen) > keepDrafts/4 || cap(s.key) > keepScratch || cap(s.key2) > keepScratch {
		s.seen, s.key, s.key2 = nil, nil, nil
	}
	*d = doc{docScratch: s}
}

// piece returns a content of the one piece r. The pieces come from
// d.arena, one allocation per 64, and no two contents share one: pieces
// are changed in place (cutAtClause, closeQuote).
func (d *doc) piece(r rng) []rng {
	if len(d.arena) == cap(d.arena) {
		d.arena = make([]rng, 0, 64)
	}
	d.arena = append(d.arena, r)
	n := len(d.arena)
	return d.arena[n-1 : n : n]
}

// propose finds the cues and builds the drafts of every frame; it returns
// the sentences.
func (d *doc) propose(a *text.Analysis) []text.Sentence {
	sents := d.sentences(a.Sentences)
	d.markCues(sents)
	d.prefixCounts() // now that the candidates are marked: words and kind read them
	if d.tc != nil {
		d.tc.turn = zeroed(d.tc.turn, len(d.toks))
		d.turn = d.tc.turn
	} else {
		d.turn = make([]bool, len(d.toks))
	}
	d.interviews()
	for _, s := range sents {
		if s.First < 0 || s.Last > len(d.toks) || s.First >= s.Last {
			continue
		}
		d.first, d.last = s.First, s.Last
		d.sentence(s.First, s.Last)
	}
	return sents
}

// newDoc classifies the tokens and finds the quotations.
func newDoc(a *text.Analysis) *doc {
	return newDocCached(a, nil)
}

// newDocCached is newDoc with the tokens classified through the word-type
// cache c (typecache.go), when not nil.
func newDocCached(a *text.Analysis, c *typeCache) *doc {
	d := new(doc)
	d.init(a, c)
	return d
}

// init sets d up for the analysis a as newDocCached, keeping d's buffers.
func (d *doc) init(a *text.Analysis, c *typeCache) {
	s := d.docScratch
	s.drafts, s.spare, s.arena = s.drafts[:0], s.spare[:0], s.arena[:0]
	*d = doc{docScratch: s, src: a.Src, toks: a.Tokens, m: embeddedModels()}
	if c != nil {
		// The cache's arrays: classifyCached sets every flag, and every
		// qid is set below.
		c.flags, c.qid = resize(c.flags, len(d.toks)), resize(c.qid, len(d.toks))
		d.flags, d.qid = c.flags, c.qid
		d.tc = c
		d.inf, d.cts = d.classifyCached(c)
		d.nextW = c.nextW
	} else {
		d.flags = make([]uint16, len(d.toks))
		d.qid = make([]int32, len(d.toks))
		for i, t := range d.toks {
			d.flags[i] = classify(t.Text)
		}
	}
	d.quotes = findQuotes(d.src, d.toks, d.flags, d.quoteBuf[:0])
	d.quoteBuf = d.quotes
	for i := range d.qid {
		d.qid[i] = -1
	}
	for k, q := range d.quotes {
		for i := q.open; i <= q.close; i++ {
			d.qid[i] = int32(k)
		}
	}
}

// sentences copies the sentences, moving an opening quotation mark left at
// the end of a sentence (the splitter reads a straight mark after a period as
// closing) to the start of the next one.
func (d *doc) sentences(in []text.Sentence) []text.Sentence {
	out := append(d.sents[:0], in...)
	d.sents = out
	for k := 0; k+1 < len(out); k++ {
		s := &out[k]
		if s.Last-s.First > 1 && s.Last == out[k+1].First && d.flags[s.Last-1]&fOpen != 0 {
			s.Last--
			out[k+1].First--
		}
	}
	return out
}

// words counts the word tokens in r: from the prefix counts once
// propose has built them, a difference rather than a loop.
func (d *doc) words(r rng) int {
	if d.cnt != nil && r.a < r.b {
		return int(d.cnt[r.b].word - d.cnt[r.a].word)
	}
	n := 0
	for i := r.a; i < r.b; i++ {
		if d.flags[i]&fWord != 0 {
			n++
		}
	}
	return n
}

// kind tells Direct, Mixed or Indirect from the content pieces.
func (d *doc) kind(ps []rng) Kind {
	direct, marks := true, false
	for _, p := range ps {
		if p.empty() {
			continue
		}
		if d.flags[p.a]&fOpen == 0 || d.qid[p.b-1] != d.qid[p.a] {
			direct = false // not one whole quotation
		}
		if d.cnt != nil { // the prefix counts, once propose has built them
			a, b := d.cnt[p.a], d.cnt[p.b]
			marks = marks || b.open != a.open || b.close != a.close
			continue
		}
		for i := p.a; i < p.b; i++ {
			if d.flags[i]&(fOpen|fClose) != 0 {
				marks = true
			}
		}
	}
	switch {
	case direct:
		return Direct
	case marks:
		return Mixed
	}
	return Indirect
}
