package claims

import "strings"

// The claim classifier has two models over the claim features of a draft
// (claimFeatures). The gate model, a logistic regression over the first
// nBase features, decides which forward frames are worth the end ranker's
// pass (gate.go bounds its score before the pass). The decision model
// decides the rest: which frames are worth trying their other spans
// (decisionGate), which drafts are kept (claimKeep, claimDrop), which of a
// frame's spans wins with the chooser (alts.go) and which of two nested
// claims stays (nested.go). It is a logistic regression over every claim
// feature, the extra ones below included, and over the pairwise
// conjunctions of the features at quadPos, trained with a step 40 times
// smaller than the gate model's (TrainClaimModel). On the candidates of a
// held-out fifth of polnear-train its log loss is about 0.39 against the
// gate model's 0.52, and polnear-dev content F1 rises from 0.710 to 0.720
// (means over four training seeds, DOSSIER_CLAIM_SEED 0 to 3; each seed
// gains 0.006 to 0.014). A small network over embeddings of the same
// features ranked the held-out candidates no better than the logistic
// regression without the conjunctions.

// nBase is the number of claim features the gate model reads: those
// before the extra ones, whose end-dependent weights gate.go bounds.
const nBase = 50

// Extra claim feature templates, read by the decision model only.
const (
	xFirst2    uint32 = iota + 401 // the content's first two words
	xFirstCls3                     // the classes of its first three tokens
	xVerb                          // a finite verb inside the content
	xVerbFrame                     // … by construction and leading "that"
	xStarter                       // the content opens with "that" and the like, by cue
	xPara                          // the sentence opens a paragraph or the text, by cue position
	xParaFrame                     // … by construction
	xSrcCaps                       // capitalised words in the source, by source type
	xQuoteBal                      // quotation marks opened minus closed, by kind
	xCandIn                        // other cue candidates inside the content
	xSentLen                       // the sentence's length, by construction
	xCueToEnd                      // tokens from the cue to the sentence end, by construction
	xVerbCue                       // a finite verb inside the content, by cue
)

// quadPos are the positions in claimFeatures of the features whose
// pairwise conjunctions the decision model adds: the construction, the
// cue score class, the cue stem, the source type, the content's length
// and kind, the hand thresholds' verdict, the gap after the cue and the
// alternative span.
var quadPos = [...]int{1, 2, 4, 11, 15, 17, 30, 25, 44}

// kPair numbers the conjunctions apart from the other templates.
const kPair uint32 = 299

// withPairs appends to buf the claim features fs and their conjunctions,
// as the decision model reads them (training).
func withPairs(fs, buf []uint32) []uint32 {
	buf = append(buf, fs...)
	for a, i := range quadPos {
		h := mix(kPair, fs[i])
		for _, j := range quadPos[a+1:] {
			buf = append(buf, mix(h, fs[j]))
		}
	}
	return buf
}

// quadScore is the decision model m's score of the claim features fs: the
// weights of the features of withPairs, without building them.
func (m *model) quadScore(fs []uint32) float32 {
	mask := uint32(len(m.q) - 1)
	var s float32
	for _, f := range fs {
		s += float32(float32(m.q[f&mask]) * m.scale)
	}
	for a, i := range quadPos {
		h := mix(kPair, fs[i])
		for _, j := range quadPos[a+1:] {
			s += float32(float32(m.q[mix(h, fs[j])&mask]) * m.scale)
		}
	}
	return s
}

// claimScore is the claim score of the claim features fs: the decision
// model's, or the gate model's where there is none (training).
func (d *doc) claimScore(fs []uint32) float32 {
	if len(d.m.dec.q) > 0 {
		return d.m.dec.quadScore(fs)
	}
	return d.m.claim.score(fs[:nBase])
}

// counts holds, for each token, how many of what extraFeatures counts
// inside a content come before it: finite verbs, cue candidates, opening
// and closing quotation marks; and words, for words.
type counts struct{ verb, cand, open, close, word int32 }

// prefixCounts returns the counts of the document, built on first use
// (after markCues, which sets the candidates; propose builds them then):
// entry k counts the tokens before k.
func (d *doc) prefixCounts() []counts {
	if d.cnt != nil {
		return d.cnt
	}
	var c []counts
	if d.tc != nil {
		c = resize(d.tc.counts, len(d.toks)+1)
		d.tc.counts = c
	} else {
		c = make([]counts, len(d.toks)+1)
	}
	c[0] = counts{}
	var n counts
	for k, f := range d.flags[:len(d.toks)] {
		n.verb += b2i(f&fVerb != 0)
		n.cand += b2i(f&(fCand|fCue) != 0)
		n.open += b2i(f&fOpen != 0)
		n.close += b2i(f&fClose != 0)
		n.word += b2i(f&fWord != 0)
		c[k+1] = n
	}
	d.cnt = c
	return c
}

// b2i is 1 for true, 0 for false, without a branch.
func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// extraFeatures appends the extra claim features of draft dr to buf.
func (d *doc) extraFeatures(dr draft, buf []uint32) []uint32 {
	c := dr.cue.a
	fr := uint32(dr.frame)
	at := func(k int) tokenInfo {
		if k < d.first || k >= d.last || k < 0 || k >= len(d.toks) {
			return tokenInfo{w: 1, st: 1, suf: 1, cls: cNone}
		}
		return d.inf[k]
	}
	p0 := dr.pieces[0]
	cn := d.prefixCounts()
	verb, cand, bal := uint32(0), 0, 0
	for _, p := range dr.pieces {
		a, b := cn[p.a], cn[p.b]
		if b.verb > cn[p.a+1].verb { // past the first token
			verb = 1
		}
		cand += int(b.cand - a.cand)
		if c >= p.a && c < p.b && d.flags[c]&(fCand|fCue) != 0 {
			cand--
		}
		bal += int(b.open-a.open) - int(b.close-a.close)
	}
	starter := uint32(0)
	if d.flags[p0.a]&fStarter != 0 {
		starter = 1
	}
	para := uint32(0)
	if d.first == 0 {
		para = 2
	} else if d.first < len(d.toks) && strings.Contains(d.src[d.toks[d.first-1].End:d.toks[d.first].Start], "\n") {
		para = 1
	}
	caps := 0
	for k := dr.src.a; k < dr.src.b; k++ {
		if d.flags[k]&fCap != 0 {
			caps++
		}
	}
	st := d.inf[c].st
	return append(buf,
		mix(mix(xFirst2, at(p0.a).w), at(p0.a+1).w),
		mixSmall(mixSmall(mixSmall(xFirstCls3, at(p0.a).cls), at(p0.a+1).cls), at(p0.a+2).cls),
		mixSmall(xVerb, verb),
		mixSmall(mixSmall(mixSmall(xVerbFrame, verb), fr), starter),
		mix(mixSmall(xStarter, starter), st),
		mixSmall(mixSmall(xPara, para), uint32(min(c-d.first, 5))),
		mixSmall(mixSmall(xParaFrame, para), fr),
		mixSmall(mixSmall(xSrcCaps, uint32(min(caps, 3))), d.srcType(dr.src)),
		mixSmall(mixSmall(xQuoteBal, uint32(min(max(bal, -1), 1)+1)), uint32(d.kind(dr.pieces))),
		mixSmall(xCandIn, uint32(min(cand, 2))),
		mixSmall(mixSmall(xSentLen, bucket(d.last-d.first)), fr),
		mixSmall(mixSmall(xCueToEnd, bucket(d.last-c)), fr),
		mix(mixSmall(xVerbCue, verb), st),
	)
}
