package claims

import (
	_ "embed"
	"strconv"
	"strings"
	"unicode"
)

// cuesTSV is the cue lexicon learned from polnear-train by cmd/train: per
// lower-cased word, its uses inside gold cue spans, its uses overall and how
// many of the cue uses had the content after the cue.
//
//go:embed cues.tsv
var cuesTSV string

// cueStat is one lexicon line.
type cueStat struct{ cue, total, after int32 }

// lexicon maps a lower-cased word to its cue statistics.
var lexicon = parseLexicon(cuesTSV)

// The lexicon thresholds, tuned on polnear-dev: a word is a cue when it was a
// cue at least minCueUses times and in at least minCueRatio of its uses.
const (
	minCueUses  = 3
	minCueRatio = 0.4
)

func parseLexicon(s string) map[string]cueStat {
	m := make(map[string]cueStat, 2200)
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			continue
		}
		var n [3]int32
		for k := range n {
			v, err := strconv.Atoi(f[k+1])
			if err != nil {
				continue
			}
			n[k] = int32(v)
		}
		m[f[0]] = cueStat{n[0], n[1], n[2]}
	}
	return m
}

// stems sums the lexicon over crude stems, so that a rare inflection
// ("reaffirming") borrows the statistics of its siblings.
var stems = stemLexicon(lexicon)

func stemLexicon(lex map[string]cueStat) map[string]cueStat {
	m := make(map[string]cueStat, len(lex))
	for w, s := range lex {
		st := m[stem(w)]
		st.cue += s.cue
		st.total += s.total
		st.after += s.after
		m[stem(w)] = st
	}
	return m
}

// stem strips a final -ing, -ed, -es, -s or -e.
func stem(w string) string {
	for _, suf := range [...]string{"ing", "ed", "es", "s", "e"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// minOwnUses is how many uses a word needs for its own statistics to decide;
// a rarer word is judged by its stem.
const minOwnUses = 10

// isCueWord reports whether the lower-cased word is a cue by the lexicon.
func isCueWord(lw string) bool {
	s, ok := lexicon[lw]
	if !ok || s.total < minOwnUses {
		if st, ok2 := stems[stem(lw)]; ok2 && st.total > s.total {
			s, ok = st, true
		}
	}
	return ok && s.cue >= minCueUses && float64(s.cue) >= minCueRatio*float64(s.total)
}

// cueRatio is the share of a word's training uses that were cue uses.
func cueRatio(lw string) float64 {
	s, ok := lexicon[lw]
	if !ok || s.total == 0 {
		return 0
	}
	return float64(s.cue) / float64(s.total)
}

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
	fCue     uint16 = 1 << iota // a cue word by the lexicon
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
		r := []rune(w[:min(len(w), 4)])
		if len(r) > 0 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0])) {
			f |= fWord
			if unicode.IsUpper(r[0]) {
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
	for i := 0; i < n; i++ {
		if b := buf[i]; b >= 'A' && b <= 'Z' {
			buf[i] = b + 'a' - 'A'
		}
	}
	lw := buf[:n]
	if isCueWord(string(lw)) && (f&fCap == 0 || string(lw) == "according") {
		f |= fCue
	}
	if skipBeforeCue[string(lw)] {
		f |= fSkip
	}
	if sourceStop[string(lw)] {
		f |= fStop
	}
	if relatives[string(lw)] {
		f |= fRel
	}
	if determiners[string(lw)] {
		f |= fDet
	}
	if pronouns[string(lw)] {
		f |= fPron
	}
	if contentStarters[string(lw)] {
		f |= fStarter
	}
	if string(lw) == "and" {
		f |= fAnd
	}
	return f
}
