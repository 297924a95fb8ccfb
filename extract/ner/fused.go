package ner

import "github.com/dossier-reader/dossier/extract/text"

// personBias is Model.perBias, in the second stage's quantised weight
// units (a weight is at most 127). A hyper-parameter chosen on the dev files
// (conll2003-dev and re3d-dev both gain; 60 to 100 give much the same):
// retraining with other features may move its best value.
const personBias = 80

// fuse prepares a loaded or trained two-stage model for tagging: the two
// stages' weights interleaved (Model.fused). Both stages must hash into the
// same number of buckets (UnmarshalModel checks).
func (m *Model) fuse() {
	m.perBias = personBias
	m.fused = nil
	if m.second == nil {
		return
	}
	n := m.first.buckets()
	f := make([]int8, n*2*nTags)
	for b := 0; b < n; b++ {
		copy(f[b*2*nTags:], m.first.w[b*nTags:(b+1)*nTags])
		copy(f[b*2*nTags+nTags:], m.second.w[b*nTags:(b+1)*nTags])
	}
	m.fused = f
}

// tagFirst runs the first stage over every sentence, writing its tags into
// tags, and sums on the way the second stage's weights of the same
// (shared) features into tg.em2.
func (m *Model) tagFirst(a *text.Analysis, infos []tokInfo, tg *tagger, tags []uint8) {
	mask := uint64(m.first.buckets() - 1)
	tg.em2 = grow(tg.em2, len(infos)*nTags)
	for _, se := range a.Sentences {
		n := se.Last - se.First
		if n <= 0 {
			continue
		}
		tg.feats = baseFeatures(infos[se.First:se.Last], tg.feats)
		tg.em = grow(tg.em, n*nTags)
		em2 := tg.em2[se.First*nTags : se.Last*nTags]
		for k := 0; k < n; k++ {
			e1 := tg.em[k*nTags : (k+1)*nTags : (k+1)*nTags]
			e2 := em2[k*nTags : (k+1)*nTags : (k+1)*nTags]
			for _, f := range tg.feats[k*nFeats1 : (k+1)*nFeats1] {
				b := int(f&mask) * 2 * nTags
				row := m.fused[b : b+2*nTags : b+2*nTags]
				for t := range nTags {
					e1[t] += int32(row[t])
					e2[t] += int32(row[nTags+t])
				}
			}
		}
		tg.back = growU8(tg.back, n*nTags)
		viterbi(tg.em, m.first.mtrans[:], n, tg.back, tags[se.First:se.Last])
	}
}

// tagSecond adds the second stage's own features (stack.go must have run)
// to tg.em2 and decodes every sentence again into tags.
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
			for _, f := range tg.feats[k*ns : (k+1)*ns] {
				b := int(f&mask) * nTags
				row := m.second.w[b : b+nTags : b+nTags]
				for t := range e {
					e[t] += int32(row[t])
				}
			}
			e[tagBPER] -= m.perBias
			e[tagIPER] -= m.perBias
		}
		tg.back = growU8(tg.back, n*nTags)
		viterbi(em, m.second.mtrans[:], n, tg.back, tags[se.First:se.Last])
	}
}
