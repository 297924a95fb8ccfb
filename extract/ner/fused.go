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
	m.fused, m.blocks, m.stack = nil, nil, nil
	m.lists = newWordLists(m.common, m.prof)
	if m.second == nil {
		return
	}
	m.first.transpose()
	m.second.transpose()
	n := m.first.buckets()
	m.blocks, m.fused = sparseRows(m.first.w[:n*nTags], m.second.w[:n*nTags])
	m.stack = m.stackRows()
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
// sentEmissions does), the same integers as m.second.w holds: template 24's
// row through its hash, templates 25-27's from m.stack, which holds the row
// of every value they can take.
func (m *Model) tagSecond(a *text.Analysis, infos []tokInfo, tg *tagger, tags []uint8) {
	mask := uint64(m.second.buckets() - 1)
	st := m.stack
	for _, se := range a.Sentences {
		n := se.Last - se.First
		if n <= 0 {
			continue
		}
		in := infos[se.First:se.Last]
		em := tg.em2[se.First*nTags : se.Last*nTags]
		for k := range in {
			e := em[k*nTags : (k+1)*nTags : (k+1)*nTags]
			t, p1, n1 := &in[k], neighbour(in, k-1), neighbour(in, k+1)
			var acc lanes
			addRow(&acc, m.fused, rowIn(m.blocks, mix(24, uint64(t.maj), t.shape, 0)&mask))
			x := &st.t25[(int(t.maj)*4+int(t.perPos))*2+int(t.flags/fCapsLine&1)]
			y := &st.t26[(int(t.maj)*nMaj+int(n1.maj))*nMaj+int(p1.maj)]
			z := &st.t27[(int(t.p1)*nTags+int(p1.p1))*nTags+int(n1.p1)]
			acc[2] += x[0] + y[0] + z[0]
			acc[3] += x[1] + y[1] + z[1]
			acc[4] += x[2] + y[2] + z[2]
			addSecond(&acc, nFeats2-nFeats1, e)
			e[tagBPER] -= m.perBias
			e[tagIPER] -= m.perBias
		}
		tg.back = growU8(tg.back, n*nTags)
		decode(em, m.second, n, tg.back, tags[se.First:se.Last])
	}
}

// nMaj is the number of values of tokInfo.maj: none, O and the types.
const nMaj = 2 + nTypes

// stackRows holds the second stage's part of the fused row (lanes 2-4, see
// swar.go: lane 0 of the first also holds a first-stage weight, which
// addSecond ignores) of every feature of templates 25-27 (stackTokenFeatures),
// indexed by their arguments: these take 48, 216 and 729 values, so the
// rows are looked up once (fuse) instead of hashed for every token.
type stackRows struct {
	t25 [nMaj * 4 * 2][3]uint64          // maj, perPos, on a caps line
	t26 [nMaj * nMaj * nMaj][3]uint64    // maj, next maj, previous maj
	t27 [nTags * nTags * nTags][3]uint64 // p1, previous p1, next p1
}

// stackRows computes m.stack from the fused rows.
func (m *Model) stackRows() *stackRows {
	mask := uint64(m.second.buckets() - 1)
	row := func(f uint64) [3]uint64 {
		var acc lanes
		addRow(&acc, m.fused, m.rowOf(f&mask))
		return [3]uint64{acc[2], acc[3], acc[4]}
	}
	st := new(stackRows)
	for maj := range uint64(nMaj) {
		for pos := range uint64(4) {
			for caps := range uint64(2) {
				st.t25[(maj*4+pos)*2+caps] = row(mix(25, maj, pos, caps*fCapsLine))
			}
		}
		for next := range uint64(nMaj) {
			for prev := range uint64(nMaj) {
				st.t26[(maj*nMaj+next)*nMaj+prev] = row(mix(26, maj, next, prev))
			}
		}
	}
	for t := range uint64(nTags) {
		for prev := range uint64(nTags) {
			for next := range uint64(nTags) {
				st.t27[(t*nTags+prev)*nTags+next] = row(mix(27, t, prev, next))
			}
		}
	}
	return st
}
