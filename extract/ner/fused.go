package ner

import (
	"encoding/binary"

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
	m.fused, m.blocks, m.stack, m.prof29, m.prof30 = nil, nil, nil, nil, nil
	m.lists = newWordLists(m.common, m.prof)
	if m.second == nil {
		return
	}
	m.first.transpose()
	m.second.transpose()
	n := m.first.buckets()
	m.blocks, m.fused = sparseRows(m.first.w[:n*nTags], m.second.w[:n*nTags])
	m.stack = m.stackRows()
	m.profTables()
}

// tagFirst runs the first stage over every sentence, writing its tags into
// tags, and sums on the way the second stage's weights of the same
// (shared) features into tg.part2. The features of the word cache's entries
// (tg.wc.ents, set by wordCache.docInfo) come summed; only the context
// features are hashed and looked up.
func (m *Model) tagFirst(a *text.Analysis, infos []tokInfo, tg *tagger, tags []uint8) {
	if cap(tg.part2) < len(infos) {
		tg.part2 = make([]secondPart, len(infos), 2*len(infos))
	}
	tg.part2 = tg.part2[:len(infos)] // every sentence's part set below
	for _, se := range a.Sentences {
		n := se.Last - se.First
		if n <= 0 {
			continue
		}
		tg.em = grow(tg.em, n*nTags)
		m.sentEmissions(infos[se.First:se.Last], tg.wc.ents[se.First:se.Last], &tg.wc,
			tg.em, tg.part2[se.First:se.Last])
		tg.back = growU8(tg.back, n*nTags)
		decode(tg.em, m.first, n, tg.back, tags[se.First:se.Last])
	}
}

// sentEmissions writes the shared features' first-stage scores of the
// sentence's tokens into em1 and their second-stage sums into part2.
//
// Of the features the word cache's entries do not sum, templates 18, 19,
// 20 and 28 mostly take the value they have for a token with no title word
// before it, inside a sentence and without document flags (73% of the
// tokens of conll2003-dev have all of these, 88% or more each): the entry's
// self sum holds those rows (defaultFeatures), and only a token in another
// context hashes its own and takes the default's row off. Templates 29 and
// 30 combine two profile classes, below 11 with any profile learnProfile
// makes, and are read from tables (Model.prof29). That leaves five
// features a token to hash: 15-17, 21 and 22, whose bucket is often empty
// (69% for 15 and 16, 40% for 21 and 22); an empty bucket's row, the zero
// row, adds nothing but its bias, so it is left out and the bias counted
// one row less.
//
// The rows left are scattered over a weight table larger than the CPU
// caches (1.5 MB of non-zero rows), so many look-ups miss. They are
// therefore first located for the whole sentence (offs) and touched, one
// byte load each, with nothing depending on the loads: the CPU then has
// many misses in flight at once instead of the few a summing loop leaves
// room for, and the summing pass finds the rows in cache.
func (m *Model) sentEmissions(infos []tokInfo, ents []*wordEntry, c *wordCache, em1 []int32, part2 []secondPart) {
	mask := uint64(m.first.buckets() - 1)
	n := len(infos)
	if cap(c.offs) < n*maxContext {
		c.offs = make([]int32, n*maxContext, 2*n*maxContext)
	}
	offs := c.offs[:n*maxContext]
	c.nOffs = growU8(c.nOffs, n)
	nOffs := c.nOffs[:n]
	blocks := m.blocks
	p := 0
	lastTitle := -4 // the last title word's position
	t, p1 := &infos[0], &bosInfo
	for k := range nOffs {
		n1 := &eosInfo
		if k+1 < n {
			n1 = &infos[k+1]
		}
		// The rows are written at j and kept (j advanced) unless zero.
		o := offs[p : p+maxContext : p+maxContext]
		j := putRow(o, 0, blocks, mix(15, p1.lower, t.lower, 0)&mask)
		j = putRow(o, j, blocks, mix(16, t.lower, n1.lower, 0)&mask)
		j = putRow(o, j, blocks, mix(17, p1.shape, t.shape, n1.shape)&mask)
		j = putRow(o, j, blocks, mix(21, p1.lower, t.shape, 0)&mask)
		j = putRow(o, j, blocks, mix(22, t.shape, n1.lower, 0)&mask)
		if t.prof|p1.prof|n1.prof >= profRows {
			// Beyond the tables (not with the embedded model).
			j = putRow(o, j, blocks, profFeature(29, uint64(t.prof), uint64(p1.prof), 0)&mask)
			j = putRow(o, j, blocks, profFeature(30, uint64(t.prof), uint64(n1.prof), 0)&mask)
		}
		titleLeft := uint64(0) // distance to a title word within 3 tokens to the left
		if k-lastTitle <= 3 {
			titleLeft = uint64(k - lastTitle)
		}
		f := t.flags
		if f&fTitle != 0 {
			lastTitle = k
		}
		sent := uint64(f & (fSentStart | fCapsLine))
		doc := uint64(f & (fDocLower | fDocCapMid))
		ns := 0
		if titleLeft|sent|doc != 0 {
			// Another context than the entry's: this token's features
			// replace the default ones (defaultFeatures) that its self
			// sum holds, whose rows follow the token's (ns of them).
			var def [4]uint64
			defaultFeatures(t, &def)
			own := [4]uint64{
				mix(18, titleLeft, t.shape, 0),
				mix(19, sent, t.shape, uint64(f&(fTitle|fCommon))),
				mix(20, doc, t.shape, sent),
				profFeature(28, uint64(t.prof), t.shape, sent),
			}
			var sub [4]int32
			for i := range def {
				if own[i] != def[i] {
					j = putRow(o, j, blocks, own[i]&mask)
					sub[ns] = rowIn(blocks, def[i]&mask)
					ns++
				}
			}
			copy(o[j:], sub[:ns])
		}
		nOffs[k] = uint8(j | ns<<4)
		p += j + ns
		p1, t = t, n1
	}
	c.sink += touch(m.fused, offs[:p])
	// The entries of the sentence with two boundary markers either side:
	// token k's neighbours are ext[k:k+5] without a test.
	ext := append(append(append(c.ext[:0], &c.bos, &c.bos), ents...), &c.eos, &c.eos)
	c.ext = ext
	// The sums, in registers (a0-a4: lanes, swar.go).
	fused := m.fused
	p = 0
	var tp uint8 // the previous token's profile class
	for k, cnt := range nOffs {
		e := ext[k : k+5 : k+5]
		v, q1, q2, x1, x2 := &e[2].self, &e[1].asP1, &e[0].asP2, &e[3].asN1, &e[4].asN2
		a0 := v[0] + q1[0] + q2[0] + x1[0] + x2[0]
		a1 := v[1] + q1[1] + q2[1] + x1[1] + x2[1]
		a2 := v[2] + q1[2] + q2[2] + x1[2] + x2[2]
		a3 := v[3] + q1[3] + q2[3] + x1[3] + x2[3]
		a4 := v[4] + q1[4] + q2[4] + x1[4] + x2[4]
		nf := int32(nWordRows)
		tk, tn := infos[k].prof, e[3].info.prof
		if tk|tp|tn < profRows { // as the first loop decided
			y, z := &m.prof29[tk][tp], &m.prof30[tk][tn]
			a0 += y[0] + z[0]
			a1 += y[1] + z[1]
			a2 += y[2] + z[2]
			a3 += y[3] + z[3]
			a4 += y[4] + z[4]
			nf += 2
		}
		tp = tk
		j := int(cnt & 15)
		for _, b := range offs[p : p+j] {
			r := &fused[b]
			r0 := binary.LittleEndian.Uint64(r[0:8])
			r1 := binary.LittleEndian.Uint64(r[8:16])
			a0 += r0 & evenBytes
			a1 += r0 >> 8 & evenBytes
			a2 += r1 & evenBytes
			a3 += r1 >> 8 & evenBytes
			a4 += uint64(r[16]) | uint64(r[17])<<16
		}
		p += j
		nf += int32(j)
		if cnt > 15 {
			// The default rows to take off: each was added with self,
			// so no borrow crosses lanes.
			ns := int(cnt >> 4)
			for _, b := range offs[p : p+ns] {
				r := &fused[b]
				r0 := binary.LittleEndian.Uint64(r[0:8])
				r1 := binary.LittleEndian.Uint64(r[8:16])
				a0 -= r0 & evenBytes
				a1 -= r0 >> 8 & evenBytes
				a2 -= r1 & evenBytes
				a3 -= r1 >> 8 & evenBytes
				a4 -= uint64(r[16]) | uint64(r[17])<<16
			}
			p += ns
			nf -= int32(ns)
		}
		unpackFirst(a0, a1, a2, nf, em1[k*nTags:(k+1)*nTags])
		part2[k] = secondPart{a2, a3, a4, nf}
	}
}

// putRow writes the row of bucket b at o[j] and returns j+1, or j when it
// is the zero row (sentEmissions leaves those out). No branch: a context
// feature's bucket is empty or not about as often.
func putRow(o []int32, j int, blocks []rowBlock, b uint64) int {
	r := rowIn(blocks, b)
	o[j] = r
	return j + int((uint32(r)|-uint32(r))>>31)
}

// maxContext is the most rows sentEmissions keeps for a token besides the
// word cache's: five hashed features, two profile features beyond the
// tables, four in another context than the default and the four default
// rows they replace. nOffs holds the numbers of the first (below 16) and
// of the last.
const maxContext = 15

// profRows bounds the profile classes of the tables of templates 29 and 30
// (Model.prof29, prof30): the classes learnProfile gives are below 11.
const profRows = 16

// profTables sets m.prof29 and m.prof30: the fused rows, in lanes, of
// templates 29 and 30 for every pair of profile classes below profRows.
func (m *Model) profTables() {
	mask := uint64(m.first.buckets() - 1)
	m.prof29, m.prof30 = new([profRows][profRows]lanes), new([profRows][profRows]lanes)
	for a := range uint64(profRows) {
		for b := range uint64(profRows) {
			addRow(&m.prof29[a][b], m.fused, m.rowOf(profFeature(29, a, b, 0)&mask))
			addRow(&m.prof30[a][b], m.fused, m.rowOf(profFeature(30, a, b, 0)&mask))
		}
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

// tagSecond decodes every sentence again into tags with the second
// stage's emissions (secondEmissions; stack.go must have run).
func (m *Model) tagSecond(a *text.Analysis, infos []tokInfo, tg *tagger, tags []uint8) {
	for _, se := range a.Sentences {
		n := se.Last - se.First
		if n <= 0 {
			continue
		}
		tg.em = growU32(tg.em, n*nTags)
		m.secondEmissions(infos[se.First:se.Last], tg.part2[se.First:se.Last], tg.em)
		tg.back = growU8(tg.back, n*nTags)
		decode(tg.em, m.second, n, tg.back, tags[se.First:se.Last])
	}
}

// secondEmissions completes the second stage's sums of a sentence's tokens
// (infos, part2: tagFirst's) with its own features and writes its scores
// to em. The weights are read from the fused rows (the second stage's
// half, in lanes as sentEmissions sums them), the same integers as
// m.second.w holds: template 24's row through its hash, templates 25-27's
// from m.stack, which holds the row of every value they can take.
func (m *Model) secondEmissions(infos []tokInfo, part2 []secondPart, em []int32) {
	mask := uint64(m.second.buckets() - 1)
	st := m.stack
	part2 = part2[:len(infos)]
	for k := range infos {
		t, p1, n1 := &infos[k], neighbour(infos, k-1), neighbour(infos, k+1)
		x := &st.t25[(int(t.maj)*4+int(t.perPos))*2+int(t.flags/fCapsLine&1)]
		y := &st.t26[(int(t.maj)*nMaj+int(n1.maj))*nMaj+int(p1.maj)]
		z := &st.t27[(int(t.p1)*nTags+int(p1.p1))*nTags+int(n1.p1)]
		// Template 24's row: its second-stage lanes only (addRow's last
		// three).
		r := &m.fused[rowIn(m.blocks, mix(24, uint64(t.maj), t.shape, 0)&mask)]
		x1 := binary.LittleEndian.Uint64(r[8:16])
		sp := &part2[k]
		a2 := sp.a2 + x1&evenBytes + x[0] + y[0] + z[0]
		a3 := sp.a3 + x1>>8&evenBytes + x[1] + y[1] + z[1]
		a4 := sp.a4 + (uint64(r[16]) | uint64(r[17])<<16) + x[2] + y[2] + z[2]
		e := em[k*nTags : (k+1)*nTags : (k+1)*nTags]
		unpackSecond(a2, a3, a4, (sp.nf+nFeats2-nFeats1)*weightBias, e)
		e[tagBPER] -= m.perBias
		e[tagIPER] -= m.perBias
	}
}

// secondPart is a token's second-stage sum after the first stage: lanes
// 2-4 (swar.go) of the rows of its shared features, and their number. The
// second stage adds its own features' rows and unpacks it once (tagSecond).
type secondPart struct {
	a2, a3, a4 uint64
	nf         int32
}

// nMaj is the number of values of tokInfo.maj: none, O and the types.
const nMaj = 2 + nTypes

// stackRows holds the second stage's part of the fused row (lanes 2-4, see
// swar.go: lane 0 of the first also holds a first-stage weight, which
// unpackSecond ignores) of every feature of templates 25-27
// (stackTokenFeatures), indexed by their arguments: these take 48, 216 and
// 729 values, so the rows are looked up once (fuse) instead of hashed for
// every token.
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
