package ner

// sentFeatures writes the featCount(second) feature hashes of every token of
// the sentence infos (a window of the document) into out, which it returns
// grown as needed: token k's features are out[k*nf : (k+1)*nf]. Training
// uses it; tagging computes the same features in parts (baseFeatures, or the
// word cache, contextFeatures and the second stage's tables: fused.go).
func sentFeatures(infos []tokInfo, affs []affixes, second bool, out []uint64) []uint64 {
	out = out[:0]
	for k := range infos {
		out = tokenFeatures(infos, affs, k, out)
		if second {
			out = stackTokenFeatures(infos, k, out)
		}
	}
	return out
}

// baseFeatures writes the nFeats1 features every stage shares for each
// token of the sentence.
func baseFeatures(infos []tokInfo, affs []affixes, out []uint64) []uint64 {
	out = out[:0]
	for k := range infos {
		out = tokenFeatures(infos, affs, k, out)
	}
	return out
}

// tokenFeatures appends the nFeats1 shared features of token k.
// Neighbours outside the sentence are the BOS/EOS markers.
func tokenFeatures(infos []tokInfo, affs []affixes, k int, out []uint64) []uint64 {
	t, af := &infos[k], &affs[k]
	p1, p2, n1, n2 := neighbour(infos, k-1), neighbour(infos, k-2), neighbour(infos, k+1), neighbour(infos, k+2)
	titleLeft := uint64(0) // distance to a title word within 3 tokens to the left
	for d := 1; d <= 3 && k-d >= 0; d++ {
		if infos[k-d].flags&fTitle != 0 {
			titleLeft = uint64(d)
			break
		}
	}
	f := t.flags
	sent := uint64(f & (fSentStart | fCapsLine))
	doc := uint64(f & (fDocLower | fDocCapMid))
	return append(out,
		mix(0, 0, 0, 0),
		mix(1, af.form, 0, 0),
		mix(2, t.lower, 0, 0),
		mix(3, t.shape, 0, 0),
		mix(4, af.pre2, 0, 0),
		mix(5, af.pre3, 0, 0),
		mix(6, af.suf2, 0, 0),
		mix(7, af.suf3, 0, 0),
		mix(8, af.suf4, 0, 0),
		mix(9, p1.lower, 0, 0),
		mix(10, n1.lower, 0, 0),
		mix(11, p2.lower, 0, 0),
		mix(12, n2.lower, 0, 0),
		mix(13, p1.shape, 0, 0),
		mix(14, n1.shape, 0, 0),
		mix(15, p1.lower, t.lower, 0),
		mix(16, t.lower, n1.lower, 0),
		mix(17, p1.shape, t.shape, n1.shape),
		mix(18, titleLeft, t.shape, 0),
		mix(19, sent, t.shape, uint64(f&(fTitle|fCommon))),
		mix(20, doc, t.shape, sent),
		mix(21, p1.lower, t.shape, 0),
		mix(22, t.shape, n1.lower, 0),
		mix(23, uint64(t.length), t.shape, uint64(f&(fAllCaps|fCommon))),
		profFeature(28, uint64(t.prof), t.shape, sent),
		profFeature(29, uint64(t.prof), uint64(p1.prof), 0),
		profFeature(30, uint64(t.prof), uint64(n1.prof), 0),
	)
}

// stackTokenFeatures appends the second stage's own features of token k:
// the first stage's tags of it, its neighbours and its other occurrences.
func stackTokenFeatures(infos []tokInfo, k int, out []uint64) []uint64 {
	t := &infos[k]
	p1, n1 := neighbour(infos, k-1), neighbour(infos, k+1)
	f := t.flags
	return append(out,
		mix(24, uint64(t.maj), t.shape, 0),
		mix(25, uint64(t.maj), uint64(t.perPos), uint64(f&fCapsLine)),
		mix(26, uint64(t.maj), uint64(n1.maj), uint64(p1.maj)),
		mix(27, uint64(t.p1), uint64(p1.p1), uint64(n1.p1)),
	)
}

var (
	bosInfo = tokInfo{lower: hashBOS, shape: hashBOS}
	eosInfo = tokInfo{lower: hashEOS, shape: hashEOS}
	// The markers' own features are never used (only their features as
	// neighbours are); their affixes are those of the former tokInfo.
	bosAffixes = affixes{form: hashBOS}
	eosAffixes = affixes{form: hashEOS}
)

func neighbour(infos []tokInfo, k int) *tokInfo {
	if k < 0 {
		return &bosInfo
	}
	if k >= len(infos) {
		return &eosInfo
	}
	return &infos[k]
}

// profFeature is a feature on a token's profile class (profile.go), or the
// bias feature when the word is not in the profile: the training data's
// rare names are mostly missing from it, and a model that learned "unknown
// word, so a person" would tag every unfamiliar place as one.
func profFeature(tmpl, prof, b, c uint64) uint64 {
	if prof == 0 {
		return mix(0, 0, 0, 0)
	}
	return mix(tmpl, prof, b, c)
}

// defaultFeatures writes token t's features of templates 18, 19, 20 and
// 28 as tokenFeatures computes them for a token with no title word in the
// three before it, neither first in its sentence nor on a caps line, and
// without document flags: they then depend on the word only, and the word
// cache sums them into an entry (wordFeatures, sentEmissions).
func defaultFeatures(t *tokInfo, out *[4]uint64) {
	*out = [4]uint64{
		mix(18, 0, t.shape, 0),
		mix(19, 0, t.shape, uint64(t.flags&(fTitle|fCommon))),
		mix(20, 0, t.shape, 0),
		profFeature(28, uint64(t.prof), t.shape, 0),
	}
}
