package ner

import "github.com/dossier-reader/dossier/extract/text"

// profile is what a word usually is in plain news text, learned without
// labels: a preliminary first stage tags the unlabelled text (Train), and
// each word's capitalised mid-sentence occurrences vote for the type they
// were given. It carries knowledge of names the labelled data never shows
// ("Assad", "Aleppo", "Daesh") into the model as a feature, the way word
// clusters would, with less machinery. The table is hashed (2^profileBits
// one-byte slots, lower-case word hash); a slot holds 0 for an unknown word
// or 1 + 2*type + confident, type being typeIndex's (0 O, 1+k type k), and
// confident meaning at least 80% of the votes.
type profile []uint8

const (
	profileBits     = 18
	profileMinVotes = 4
)

func (p profile) class(h uint64) uint8 {
	if len(p) == 0 {
		return 0
	}
	return p[h&uint64(len(p)-1)]
}

// learnProfile tags the texts with the first stage of m (which must not use
// a profile itself) and builds the profile from the votes.
func learnProfile(m *Model, texts []string) profile {
	// Votes are kept per profile slot, not per word hash: words that share
	// a slot share its class anyway, and deciding a slot from all of its
	// votes makes the profile independent of map iteration order (with a
	// class per word, the last colliding word written won, and training
	// was not reproducible).
	const mask = 1<<profileBits - 1
	counts := map[uint64]*[1 + nTypes]int32{}
	tg := tagger{s: scratch{common: m.common}}
	for _, src := range texts {
		a := text.Analyze(src)
		infos, affs := docInfo(a, &tg.s)
		tags := make([]uint8, len(a.Tokens))
		m.first.tag(a, infos, affs, &tg, tags)
		for i, ti := range infos {
			if ti.flags&fCap == 0 || ti.flags&(fPunct|fSentStart|fCapsLine) != 0 {
				continue
			}
			c := counts[ti.lower&mask]
			if c == nil {
				c = new([1 + nTypes]int32)
				counts[ti.lower&mask] = c
			}
			c[typeIndex(tags[i])]++
		}
	}
	p := make(profile, 1<<profileBits)
	for h, c := range counts {
		best, total := 0, int32(0)
		for t, n := range c {
			total += n
			if n > c[best] {
				best = t
			}
		}
		if total < profileMinVotes {
			continue
		}
		cls := uint8(1 + 2*best)
		if c[best]*5 >= total*4 {
			cls++
		}
		p[h] = cls
	}
	return p
}
