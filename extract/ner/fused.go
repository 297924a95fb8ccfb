package ner

import (
	"github.com/dossier-reader/dossier/extract/text"
)

// personBias is Model.perBias, in the second stage's quantised weight
// units (a weight is at most 127). A hyper-parameter chosen on the dev files
// (conll2003-dev and re3d-dev both gain; 60 to 100 give much the same):
// retraining with other features may move its best value.
const personBias = 80

// fuse prepares a loaded or trained two-stage model for tagging: the two
// stages' weights interleaved and biased for summing in lanes (Model.fused,
// swar.go), the rows without weights left out (sparse.go). Both stages
// must hash into the same number of buckets (UnmarshalModel checks).
func (m *Model) fuse() {
	m.perBias = personBias
	m.fused, m.blocks = nil, nil
	m.lists = newWordLists(m.common, m.prof)
	if m.second == nil {
		return
	}
	m.first.transpose()
	m.second.transpose()
	n := m.first.buckets()
	m.blocks, m.fused = sparseRows(m.first.w[:n*nTags], m.second.w[:n*nTags])
}

// tagFirst runs the first stage over every sentence, writing its tags into
// tags, and sums on the way the second stage's weights of the same
// (shared) features into tg.em2. The features of the word cache's entries
// (tg.wc.ents, set by wordCache.docInfo) come summed; only the context
// features are hashed and looked up.
func (m *Model) tagFirst(a *text.Analysis, infos []tokInfo, tg *tagger, tags []uint8) {
	tg.em2 = grow(tg.em2, len(infos)*nTags)
	for _, se := range a.Sentences {
		n := se.Last - se.First
		if n <= 0 {
			continue
		}
		tg.em = grow(tg.em, n*nTags)
		m.sentEmissions(infos[se.First:se.Last], tg.wc.ents[se.First:se.Last], &tg.wc,
			tg.em, tg.em2[se.First*nTags:se.Last*nTags])
		tg.back = growU8(tg.back, n*nTags)
		decode(tg.em, m.first, n, tg.back, tags[se.First:se.Last])
	}
}

// sentEmissions writes the shared features' first-stage scores of the
// sentence's tokens into em1 and their second-stage scores into em2.
//
// The context features' rows are scattered over a weight table larger than
// the CPU caches (1.5 MB of non-zero rows), so many look-ups miss. The rows are therefore first
// located for the whole sentence (offs) and touched, one byte load each,
// with nothing depending on the loads: the CPU then has many misses in
// flight at once instead of the few a summing loop leaves room for, and the
// summing pass finds the rows in cache.
func (m *Model) sentEmissions(infos []tokInfo, ents []*wordEntry, c *wordCache, em1, em2 []int32) {
	mask := uint64(m.first.buckets() - 1)
	n := len(infos)
	if cap(c.offs) < n*nContext {
		c.offs = make([]int32, n*nContext, 2*n*nContext)
	}
	offs := c.offs[:n*nContext]
	var ctx [nContext]uint64
	blocks := m.blocks
	for k := 0; k < n; k++ {
		contextFeatures(infos, k, &ctx)
		o := offs[k*nContext : (k+1)*nContext : (k+1)*nContext]
		for j := range o {
			o[j] = rowIn(blocks, ctx[j]&mask)
		}
	}
	c.sink += touch(m.fused, offs)
	for k := 0; k < n; k++ {
		var acc lanes
		addLanes(&acc, &ents[k].self)
		p1, p2, n1, n2 := &c.bos, &c.bos, &c.eos, &c.eos
		if k >= 1 {
			p1 = ents[k-1]
		}
		if k >= 2 {
			p2 = ents[k-2]
		}
		if k+1 < n {
			n1 = ents[k+1]
		}
		if k+2 < n {
			n2 = ents[k+2]
		}
		addLanes(&acc, &p1.asP1)
		addLanes(&acc, &p2.asP2)
		addLanes(&acc, &n1.asN1)
		addLanes(&acc, &n2.asN2)
		addRows(&acc, m.fused, offs[k*nContext:(k+1)*nContext])
		unpack(&acc, nFeats1, em1[k*nTags:(k+1)*nTags], em2[k*nTags:(k+1)*nTags])
	}
}

// touch loads the first and last byte of the fused rows offs, so that
// they are in cache when summed (sentEmissions). Its result means nothing;
// the caller keeps it so the loads are not optimised away.
func touch(fused []fusedRow, offs []int32) byte {
	var x byte
	for _, b := range offs {
		r := &fused[b]
		x |= r[0] | r[rowBytes-1]
	}
	return x
}

// tagSecond adds the second stage's own features (stack.go must have run)
// to tg.em2 and decodes every sentence again into tags. Their weights are
// read from the fused rows (the second stage's half, summed in lanes as
// sentEmissions does), the same integers as m.second.w holds.
func (m *Model) tagSecond(a *text.Analysis, infos []tokInfo, tg *tagger, tags []uint8) {
	const ns = nFeats2 - nFeats1
	mask := uint64(m.second.buckets() - 1)
	for _, se := range a.Sentences {
		n := se.Last - se.First
		if n <= 0 {
			continue
		}
		tg.feats = stackFeatures(infos[se.First:se.Last], tg.feats)
		em := tg.em2[se.First*nTags : se.Last*nTags]
		for k := 0; k < n; k++ {
			e := em[k*nTags : (k+1)*nTags : (k+1)*nTags]
			var offs [ns]int32
			for j, f := range tg.feats[k*ns : (k+1)*ns] {
				offs[j] = rowIn(m.blocks, f&mask)
			}
			var acc lanes
			addRows(&acc, m.fused, offs[:])
			addSecond(&acc, ns, e)
			e[tagBPER] -= m.perBias
			e[tagIPER] -= m.perBias
		}
		tg.back = growU8(tg.back, n*nTags)
		decode(em, m.second, n, tg.back, tags[se.First:se.Last])
	}
}
