package ner

import (
	"github.com/dossier-reader/dossier/extract/text"
)

// The tag set is BIO over the four CoNLL types. Only PER is used by Find;
// LOC, ORG and MISC are learned so the model can tell a person from a place,
// a team or a nationality that looks the same ("Jordan", "Washington").
const (
	tagO    = 0
	tagBPER = 1
	tagIPER = 2
	nTypes  = 4
	nTags   = 1 + 2*nTypes
)

// typeNames are the entity types in tag order: B-type is 1+2k, I-type 2+2k.
var typeNames = [nTypes]string{"person", "location", "organization", "misc"}

// typeOf maps a gold annotation type to its tag type k, or -1 to ignore it.
// Countries are CoNLL LOC spans, demonyms CoNLL MISC spans.
func typeOf(t string) int {
	switch t {
	case "person":
		return 0
	case "location", "country":
		return 1
	case "organization":
		return 2
	case "misc", "demonym":
		return 3
	}
	return -1
}

// allowed reports whether tag cur may follow tag prev (prev < 0 at the start
// of a sentence): an I-X only continues a B-X or I-X.
func allowed(prev, cur int) bool {
	if cur == tagO || cur%2 == 1 {
		return true
	}
	return prev == cur || prev == cur-1
}

// Model is the trained tagger: two stacked averaged-perceptron stages. The
// second sees, besides the first's features, what the first predicted for
// each token and for the other mentions of the same word in the document
// (stack.go): that is how a name tagged confidently once informs its other
// mentions, and how a headline's capitals are read.
type Model struct {
	first, second *stage
	common        casing
	prof          profile
	// perBias is taken off the second stage's person scores: the
	// perceptron, trained on sports-heavy news full of unfamiliar names,
	// calls too many unfamiliar words people (fuse sets it: personBias).
	perBias int32
	// fused interleaves the two stages' weights bucket by bucket (fuse): the
	// features both stages share are hashed and looked up once, and one
	// cache line serves both, which nearly halves the tagging time. It
	// holds only the non-zero rows, which blocks index (sparse.go): a
	// bucket's row is fused[rowOf(bucket)].
	fused  []fusedRow
	lists  wordLists // common and prof merged, for tagging (fuse)
	blocks []rowBlock
	stack  *stackRows // the second stage's rows of templates 25-27 (fuse)
	// prof29[a][b] is the fused row, in lanes, of template 29 for
	// profile classes a (the token's) and b (the previous token's); prof30
	// the same of template 30 with the next token's (fuse).
	prof29, prof30 *[profRows][profRows]lanes
}

// stage is one tagger with hashed features and weights quantised to int8
// (one scale for all); transitions stay int32 in the same scale.
type stage struct {
	bits  uint8   // log2 of the number of feature buckets
	scale float32 // weight = int8 value * scale
	w     []int8  // bucket*nTags + tag
	trans [(nTags + 1) * nTags]int32
	// mtrans is trans with the transitions allowed forbids set very low, so
	// that decoding needs no test (set by fuse).
	mtrans [(nTags + 1) * nTags]int32
	// ttrans is mtrans without the start row, transposed: ttrans[t][p] is
	// the transition from p to t (set by fuse, for decode).
	ttrans [nTags][nTags]int32
	// fromMax[t] is the best transition into t from a tag other than O
	// (set by fuse, for decode's shortcut).
	fromMax [nTags]int32
	// oSlack is the least of ttrans[t][O]-fromMax[t] over O and the B-X
	// tags (set by fuse, for decode's shortcut).
	oSlack int32
}

// buckets is the number of hashed feature buckets.
func (m *stage) buckets() int { return 1 << m.bits }

// tagger holds the reusable buffers of one tagging call.
type tagger struct {
	s     scratch
	feats []uint64
	em    []int32
	part2 []secondPart // the first stage's part of the second's sums (tagFirst)
	back  []uint8
	tags  []uint8
	wc    wordCache
}

// tagDoc returns a tag for every token of the document, and the tokens'
// feature information, valid while tg is not reused.
func (m *Model) tagDoc(a *text.Analysis, tg *tagger) ([]uint8, []tokInfo) {
	tg.s.common, tg.s.prof, tg.s.lists = m.common, m.prof, m.lists
	if m.fused == nil {
		tags := make([]uint8, len(a.Tokens))
		infos, affs := docInfo(a, &tg.s)
		m.first.tag(a, infos, affs, tg, tags)
		return tags, infos
	}
	// The tags and infos are only used until the tagger goes back to the
	// pool (mentions), so they can be its reused buffers.
	tg.tags = growU8(tg.tags, len(a.Tokens))
	tags := tg.tags
	clear(tags)
	infos := tg.wc.docInfo(m, a, &tg.s)
	m.tagFirst(a, infos, tg, tags)
	// docFlags (in docInfo) numbered the words of infos: the numbers in
	// tg.s.words.ids still hold, lower-case hashes being unchanged.
	stackNumbered(infos, tags, &tg.s.words, tg.s.words.ids)
	m.tagSecond(a, infos, tg, tags)
	return tags, infos
}

// tag writes a single stage's best tags for every sentence into tags (a
// model without a second stage).
func (m *stage) tag(a *text.Analysis, infos []tokInfo, affs []affixes, tg *tagger, tags []uint8) {
	mask := uint64(m.buckets() - 1)
	for _, se := range a.Sentences {
		n := se.Last - se.First
		if n <= 0 {
			continue
		}
		tg.feats = baseFeatures(infos[se.First:se.Last], affs[se.First:se.Last], tg.feats)
		tg.em = grow(tg.em, n*nTags)
		for k := 0; k < n; k++ {
			e := tg.em[k*nTags : (k+1)*nTags : (k+1)*nTags]
			for _, f := range tg.feats[k*nFeats1 : (k+1)*nFeats1] {
				b := int(f&mask) * nTags
				row := m.w[b : b+nTags : b+nTags]
				for t := range e {
					e[t] += int32(row[t])
				}
			}
		}
		tg.back = growU8(tg.back, n*nTags)
		viterbi(tg.em, m.mtrans[:], n, tg.back, tags[se.First:se.Last])
	}
}

func grow(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n, n*2)
	}
	b = b[:n]
	clear(b)
	return b
}

// growU32 is grow without the clearing, for buffers written in full.
func growU32(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n, n*2)
	}
	return b[:n]
}

func growU8(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n, n*2)
	}
	return b[:n]
}

// viterbi finds the best tag sequence for n tokens given emission scores em
// (n*nTags) and transitions trans ((nTags+1)*nTags, row 0 the sentence
// start, forbidden transitions already very low: maskTrans), writing it to
// out. back is scratch of n*nTags.
func viterbi[T int32 | float64](em []T, trans []T, n int, back []uint8, out []uint8) {
	var cur, prev [nTags]T
	for t := 0; t < nTags; t++ {
		prev[t] = em[t] + trans[t]
	}
	for k := 1; k < n; k++ {
		for t := 0; t < nTags; t++ {
			best, arg := prev[0]+trans[nTags+t], 0
			for p := 1; p < nTags; p++ {
				if s := prev[p] + trans[(p+1)*nTags+t]; s > best {
					best, arg = s, p
				}
			}
			cur[t] = best + em[k*nTags+t]
			back[k*nTags+t] = uint8(arg)
		}
		prev = cur
	}
	backtrace(&prev, n, back, out)
}

// forbidden is the score of a transition allowed forbids: low enough never
// to win, high enough that sums of a few of them do not overflow an int32.
const forbidden = -1 << 28

// backtrace writes to out the best path of n tokens ending in the best
// final score of last, following the back pointers (n*nTags).
func backtrace[T int32 | float64](last *[nTags]T, n int, back []uint8, out []uint8) {
	best := 0
	for t := 1; t < nTags; t++ {
		if last[t] > last[best] {
			best = t
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[k] = uint8(best)
		best = int(back[k*nTags+best])
	}
}

// maskTrans copies the transitions trans into dst with the forbidden ones
// set to forbidden.
func maskTrans[T int32 | float64](dst, trans []T) {
	for p := -1; p < nTags; p++ {
		for t := 0; t < nTags; t++ {
			i := (p+1)*nTags + t
			if allowed(p, t) {
				dst[i] = trans[i]
			} else {
				dst[i] = forbidden
			}
		}
	}
}
