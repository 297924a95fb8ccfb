// Package weapons finds weapons, weapon systems and military platforms.
//
// It makes one pass over the tokens. At each token it tries a named system
// (Javelin, F-16, Bayraktar TB2) and then a generic weapon noun (missiles,
// howitzers, air strikes); a hit grows into the noun phrase around it: class
// modifiers (anti-tank, ballistic, 155mm), descriptive words (simple, such),
// makers and owners (U.S.-made, Israeli, Iraqi air force) to the left,
// compound nouns (rocket launchers, gun butts) and a class noun after a name
// (Javelin anti-tank missiles) to the right. Determiners and counts stay out,
// as in the re3d and seed annotations.
//
// Every word list lives in lexicon.tsv; the code holds the grammar.
package weapons

import (
	"sort"
	"sync"

	"github.com/dossier-reader/dossier/extract/text"
)

// Match is one weapon mention.
type Match struct {
	text.Span
	Groups []string // pane groups it counts for, primary first ("Javelin", "anti-tank missiles")
	Class  string   // for a named system, what it is ("anti-tank missile"); "" for generic mentions
}

// Find returns the weapon mentions in the text, skipping any candidate that
// overlaps one of the people spans.
//
// Groups[0] is the name the Weapons pane shows and the scorer compares: a
// named system's canonical name, or for a generic mention its class phrase
// in lower case without makers, owners or descriptive words ("U.S.-made
// anti-tank and anti-aircraft missiles" → "anti-tank and anti-aircraft
// missiles", "Soviet-made howitzers" → "howitzers"). Further groups are the
// classes it counts for: each conjunct of a coordination ("anti-tank
// missiles", "anti-aircraft missiles"), the plural of a singular class
// ("missile" → "missiles"), a named system's class ("anti-tank missiles").
func Find(a *text.Analysis, people []text.Span) []Match {
	if a == nil || len(a.Tokens) == 0 {
		return nil
	}
	s := newScanner(a)
	defer putScanner(s)
	var out []Match
	floor := 0 // tokens before floor belong to an earlier match
	for _, c := range s.cands {
		i := int(c)
		if i < floor {
			continue
		}
		p, ok := s.named(i, floor)
		if !ok {
			p, ok = s.generic(i, floor)
		}
		if !ok || overlapsAny(p.span, people) {
			continue
		}
		out = append(out, s.match(p))
		floor = p.end
	}
	return out
}

// scanner holds one article's tokens and what the lexicon says about each.
type scanner struct {
	a        *text.Analysis
	l        *lexicon
	w        []*word // lexicon entry of each token, nil if none
	cands    []int32 // the tokens that can start a match, in order
	flags    []uint8 // newScanner's scratch: which tokens it must look at (flagTokens)
	military bool    // the article is about military matters (see militaryCues)
}

// An article is military, which context-dependent heads (aircraft, jets,
// tanks, mines) need, when it has at least 1 + tokens/cueSpan cue words or
// unambiguous weapon nouns: one cue makes a short text military, a long
// sports report needs several ("attack", "strike" and "fired" occur there).
const cueSpan = 300

func newScanner(a *text.Analysis) *scanner {
	s := scanners.Get().(*scanner)
	s.a, s.l = a, theLexicon()
	l, toks := s.l, a.Tokens
	if cap(s.w) < len(toks) {
		s.w = make([]*word, len(toks))
	}
	s.w = s.w[:len(toks)]
	// Entries are set below only for the tokens the lexicon's filter lets
	// through (7%): clearing the array at once is cheaper than storing a
	// nil pointer for each of the others.
	clear(s.w)
	// Two loops without calls flag the tokens that may be in the lexicon or
	// start a match; the third, with the calls, looks only at those (a
	// quarter). One loop doing it all, with its lookups, took 6.1 M
	// instructions per BenchmarkTag pass, these three 5.4 M: with calls in
	// the loop, the compiler kept its values on the stack.
	flags := l.flagTokens(s.flags, toks)
	flagHyphenated(flags, toks, a.Src)
	s.flags = flags
	ws, cands := s.w, s.cands[:0]
	cues := 0
	for i, f := range flags {
		if f == 0 {
			continue
		}
		t := toks[i].Text
		var w *word
		if f&mayWord != 0 {
			w = l.lookup(t)
		}
		if w != nil {
			ws[i] = w
			if w.kind&kCue != 0 || s.firmHead(i) {
				cues++
			}
		}
		// A head, a hyphenated word, or a name or a name's variant.
		if w != nil && w.kind&kHead != 0 || f&hyphenInside != 0 || f&mayName != 0 && s.nameOrVariant(t) {
			cands = append(cands, int32(i))
		}
	}
	s.cands = cands
	s.military = cues >= 1+len(toks)/cueSpan
	return s
}

// The flags of a token that newScanner must look at.
const (
	mayWord      uint8 = 1 << iota // the lexicon's word filter lets it through (lookup's test)
	mayName                        // its first byte starts a name (nameList's first test)
	hyphenInside                   // strings.IndexByte(t.Text, '-') > 0: it may start a match ("bomb-damaged")
)

// flagTokens returns in flags, one per token, mayWord and mayName.
func (l *lexicon) flagTokens(flags []uint8, toks []text.Token) []uint8 {
	if cap(flags) < len(toks) {
		flags = make([]uint8, len(toks))
	}
	flags = flags[:len(toks)]
	for i := range toks {
		t := toks[i].Text
		n := len(t)
		var f uint8
		if n == 0 || n <= 32 && l.wordF.MayHaveBytes(n, lowerTab[t[0]], lowerTab[t[n/2]], lowerTab[t[n-1]]) {
			f = mayWord
		}
		if n > 0 && l.nameFirst[t[0]] {
			f |= mayName
		}
		flags[i] = f
	}
	return flags
}

// flagHyphenated adds hyphenInside to the flags of the tokens with a hyphen
// after their first byte (text.TokensHolding finds the tokens with one).
func flagHyphenated(flags []uint8, toks []text.Token, src string) {
	for k := range text.TokensHolding(toks, src, '-') {
		if t := toks[k].Text; t != "" && t[0] != '-' {
			flags[k] |= hyphenInside
		}
	}
}

// scanners keeps Find's scanners, so that their arrays serve the next
// text; keepWords bounds the arrays kept (a long text's are dropped).
var scanners = sync.Pool{New: func() any { return new(scanner) }}

const keepWords = 1 << 14

// putScanner returns s to the pool, without the analysis it read.
func putScanner(s *scanner) {
	s.a = nil
	if cap(s.w) <= keepWords {
		scanners.Put(s)
	}
}

// nameOrVariant reports whether token t is the first token of a name or
// could be a suffixed or plural spelling of one (F-16V, T-72B3, F-16s):
// with a head or a hyphenated word, what can start a match (cheap
// pre-check for Find).
func (s *scanner) nameOrVariant(t string) bool {
	if s.l.nameList(t) != nil {
		return true
	}
	// A variant ends in a capital or a digit (nameVariant's first test,
	// here to spare most capitalised words the call).
	if len(t) <= 2 || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	c := t[len(t)-1]
	return (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') && s.nameVariant(t) != nil
}

// firmHead reports whether token i is a weapon noun that needs no context
// (missiles, howitzers; not jets, tanks, or a capitalised Jets).
func (s *scanner) firmHead(i int) bool {
	w := s.w[i]
	if w == nil || w.head == nil || w.head.ctx || w.head.verb || w.head.after != nil {
		return false
	}
	return !w.head.nocap || !s.capitalisedInside(i)
}

// overlapsAny reports whether sp overlaps one of the spans.
func overlapsAny(sp text.Span, spans []text.Span) bool {
	for _, o := range spans {
		if sp.Start < o.End && o.Start < sp.End {
			return true
		}
	}
	return false
}

// tok returns token i's text, or "" outside the text.
func (s *scanner) tok(i int) string {
	if i < 0 || i >= len(s.a.Tokens) {
		return ""
	}
	return s.a.Tokens[i].Text
}

// sentence returns the token range [first, last) of the sentence holding token i.
func (s *scanner) sentence(i int) (int, int) {
	ss := s.a.Sentences
	k := sort.Search(len(ss), func(k int) bool { return ss[k].Last > i })
	if k == len(ss) || ss[k].First > i {
		return i, i + 1
	}
	return ss[k].First, ss[k].Last
}

// startsSentence reports whether token i begins a sentence, a line or a quotation.
func (s *scanner) startsSentence(i int) bool {
	if i == 0 {
		return true
	}
	if f, _ := s.sentence(i); f == i {
		return true
	}
	prev := s.a.Tokens[i-1]
	for k := prev.End; k < s.a.Tokens[i].Start; k++ {
		if s.a.Src[k] == '\n' {
			return true
		}
	}
	switch prev.Text {
	case "“", "\"", "‘", "(", "[", ":", "—", "-", "--", "'":
		return true
	}
	return false
}

// isCap reports whether t starts with an ASCII capital letter.
func isCap(t string) bool { return t != "" && t[0] >= 'A' && t[0] <= 'Z' }

// capitalisedInside reports whether token i is capitalised but does not start
// a sentence: a proper noun (Shell, the Jets) rather than a common noun.
func (s *scanner) capitalisedInside(i int) bool {
	return isCap(s.tok(i)) && !s.startsSentence(i)
}

// in reports whether the lower-cased token t is in the set, without allocating.
func in(set set, t string) bool {
	if len(set) == 0 || t == "" || len(t) > 32 {
		return false
	}
	var buf [32]byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(t)])]
}
