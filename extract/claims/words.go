package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// set builds a lookup set from space-separated words.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// skipBeforeCue are auxiliaries and adverbs that stand between a source and
// its cue ("Blinken has also said") and belong to neither.
var skipBeforeCue = set(`has have had was is were are be been will would could should may might can
	did does do also later previously recently again then once first publicly privately repeatedly
	reportedly already often has't not never still just even now today yesterday however
	initially earlier last both all himself herself themselves further separately specifically`)

// finiteVerbs mark a clause: words after a cue that hold one are a content,
// not the tail of an attribution ("said the states were exaggerating").
var finiteVerbs = set(`is are was were has have had will would could can should may might must
	did does do won't can't isn't aren't wasn't weren't don't doesn't didn't`)

// sourceStop are words that end a source phrase when walking left from a cue.
var sourceStop = set(`that but because when while if as after before since so where what how why
	than though although until unless whether or nor yet said says say told tells added
	with amid despite`)

// relatives are sources in their own right that start a clause ("who said").
var relatives = set(`who which whom whose`)

// determiners start a nominal source and are dropped from a Speaker name.
var determiners = set(`the a an this that these those`)

// pronouns resolve to a person mentioned before.
var pronouns = set(`he she they i we it his her their you`)

// objectThat words start the content after a cue ("told VOA that …").
var contentStarters = set(`that whether if how why what`)

// Token flags computed once per token by classify.
const (
	fCue     uint16 = 1 << iota // a cue head by the classifier (model.go)
	fSkip                       // auxiliary or adverb between source and cue
	fStop                       // ends a source phrase
	fRel                        // relative pronoun
	fDet                        // determiner
	fPron                       // personal pronoun
	fStarter                    // starts content after a cue
	fCap                        // starts with an upper-case letter
	fPunct                      // clause punctuation: , ; : ( ) dashes
	fOpen                       // opening double quotation mark
	fClose                      // closing double quotation mark
	fAnd                        // "and"
	fWord                       // has a letter or digit
	fCand                       // a cue candidate for the claim classifier
	fVerb                       // one of finiteVerbs, as written (lower-case)
)

// classify returns the flags of a token that do not depend on its
// neighbours (quotation marks are decided by findQuotes).
func classify(w string) uint16 {
	var f uint16
	if w == "" {
		return 0
	}
	c := w[0]
	switch {
	case c >= 'A' && c <= 'Z':
		f |= fCap | fWord
	case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		f |= fWord
	case c >= 0x80:
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			f |= fWord
			if unicode.IsUpper(r) {
				f |= fCap
			}
		}
	}
	if f&fWord == 0 {
		switch w {
		case ",", ";", ":", "(", ")", "—", "–", "--", "-":
			f |= fPunct
		}
		return f
	}
	var buf [24]byte
	if len(w) > len(buf) {
		return f
	}
	n := copy(buf[:], w)
	lower := true // w is its own lower-case form
	for i := 0; i < n; i++ {
		if b := buf[i]; b >= 'A' && b <= 'Z' {
			buf[i] = b + 'a' - 'A'
			lower = false
		}
	}
	lw := buf[:n]
	f |= lexFlags[string(lw)]
	if !lower {
		f &^= fVerb // finiteVerbs are looked up as written: "Is" is none
	}
	return f
}

// lexFlags holds the word-list flags of classify in one map (one lookup
// per token instead of one per list).
var lexFlags = func() map[string]uint16 {
	m := map[string]uint16{"and": fAnd}
	for _, l := range []struct {
		words map[string]bool
		f     uint16
	}{{skipBeforeCue, fSkip}, {sourceStop, fStop}, {relatives, fRel}, {determiners, fDet}, {pronouns, fPron}, {contentStarters, fStarter}, {finiteVerbs, fVerb}} {
		for w := range l.words {
			m[w] |= l.f
		}
	}
	return m
}()
