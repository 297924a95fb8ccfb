package weapons

import (
	"strings"
)

// named tries a named system starting at token i, with the class phrase
// after it ("Javelin anti-tank missiles") and modifiers before it.
func (s *scanner) named(i, floor int) (phrase, bool) {
	nm, n := s.nameAt(i)
	if nm == nil {
		return phrase{}, false
	}
	p := phrase{start: i, end: i + n, name: nm, role: make([]uint8, n)}
	s.extendRight(&p)
	// A class noun after an ambiguous name settles it (Patriot missiles,
	// Rafale jets) unless its sentence has an anti-cue; else it needs cueOK.
	if nm.amb && !p.firm && !(p.end > i+n && !s.antiCue(i)) && !s.cueOK(i, i+n) {
		return phrase{}, false
	}
	s.extendLeft(&p, floor)
	s.finish(&p)
	return p, true
}

// nameAt returns the longest name spelled by the tokens from i and its length.
func (s *scanner) nameAt(i int) (*name, int) {
	t := s.tok(i)
	for _, nm := range s.l.nameList(t) {
		if i+len(nm.toks) > len(s.a.Tokens) {
			continue
		}
		ok := true
		for k := 1; ok && k < len(nm.toks); k++ {
			ok = s.tok(i+k) == nm.toks[k]
		}
		if ok {
			return nm, len(nm.toks)
		}
	}
	if nm := s.nameVariant(t); nm != nil {
		return nm, 1
	}
	return nil, 0
}

// maxSuffix is how many letters or digits may follow a one-token name that
// ends in a digit, for model variants (F-16V, T-72B3, Su-30SM).
const maxSuffix = 3

// nameVariant returns the one-token name that t is a model variant of.
func (s *scanner) nameVariant(t string) *name {
	for cut := 1; cut <= maxSuffix && cut < len(t); cut++ {
		c := t[len(t)-cut]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return nil
		}
		base := t[:len(t)-cut]
		if b := base[len(base)-1]; b < '0' || b > '9' || t[len(base)] < 'A' || t[len(base)] > 'Z' {
			continue
		}
		for _, nm := range s.l.nameList(base) {
			if len(nm.toks) == 1 {
				return nm
			}
		}
	}
	return nil
}

// cueOK decides an ambiguous name at tokens [i, end) standing alone: no
// anti-cue in its sentence (throw, storm, steak, player), not part of a
// longer proper name (Patriot Act, Typhoon Haiyan, Omar Bradley), and a
// military cue or another weapon in the sentence.
func (s *scanner) cueOK(i, end int) bool {
	if next := s.tok(end); isCap(next) && s.w[end] == nil && s.l.nameList(next) == nil {
		return false
	}
	if prev := s.tok(i - 1); isCap(prev) && !s.startsSentence(i) {
		if w := s.w[i-1]; w == nil || w.kind&(kOrigin|kMod|kDesc) == 0 {
			return false
		}
	}
	first, last := s.sentence(i)
	cue := false
	for k := first; k < last; k++ {
		w := s.w[k]
		if w == nil {
			continue
		}
		if w.kind&kAnti != 0 {
			return false
		}
		if k < i || k >= end {
			cue = cue || w.kind&kCue != 0 || s.firmHead(k)
		}
	}
	return cue
}

// antiCue reports whether the sentence of token i has an anti-cue.
func (s *scanner) antiCue(i int) bool {
	first, last := s.sentence(i)
	for k := first; k < last; k++ {
		if w := s.w[k]; w != nil && w.kind&kAnti != 0 {
			return true
		}
	}
	return false
}

// match turns a phrase into a Match with its groups.
func (s *scanner) match(p phrase) Match {
	m := Match{Span: p.span}
	if p.name != nil {
		m.Class = p.name.class
		m.Groups = []string{p.name.canonical, s.pluralPhrase(p.name.class)}
		return m
	}
	if p.span.End-p.span.Start < s.a.Tokens[p.start].End-s.a.Tokens[p.start].Start {
		w := strings.ToLower(s.a.Src[p.span.Start:p.span.End]) // "bomb" of "bomb-damaged"
		m.Groups = uniq(w, s.l.pluralOf(w))
		return m
	}
	var conj []int // conjunct boundaries: token indices of conjunctions
	var class []int
	for k := p.start; k < p.end; k++ {
		switch p.role[k-p.start] {
		case rClass:
			class = append(class, k)
		case rConj:
			class = append(class, k)
			conj = append(conj, len(class)-1)
		}
	}
	primary := s.join(class)
	if len(conj) == 0 {
		m.Groups = uniq(primary, s.pluralPhrase(primary))
		return m
	}
	last := class[conj[len(conj)-1]+1:]
	h := len(last)
	for h > 0 && s.w[last[h-1]] != nil && s.w[last[h-1]].kind&kHead != 0 {
		h--
	}
	if h == len(last) {
		h--
	}
	headText := s.join(last[h:])
	groups := []string{primary}
	from := 0
	for _, c := range conj {
		groups = append(groups, s.join(class[from:c])+" "+headText)
		from = c + 1
	}
	groups = append(groups, s.join(last))
	m.Groups = uniq(groups...)
	return m
}

// pluralPhrase pluralises the last word of a lower-case class phrase.
func (s *scanner) pluralPhrase(ph string) string {
	k := strings.LastIndexAny(ph, " ") + 1
	last := ph[k:]
	lw := strings.ToLower(last)
	switch pl := s.l.pluralOf(lw); {
	case pl == lw:
		return ph
	case isAcronym(last): // IED → IEDs
		return ph[:k] + last + "s"
	default:
		return ph[:k] + pl
	}
}

// join writes tokens as they appear, a space where the text has one, lower
// case except acronyms (IEDs, U.S.).
func (s *scanner) join(toks []int) string {
	var b strings.Builder
	for x, k := range toks {
		t := s.a.Tokens[k]
		if x > 0 && t.Start > s.a.Tokens[toks[x-1]].End && t.Text != "," {
			b.WriteByte(' ')
		}
		if isAcronym(t.Text) {
			b.WriteString(t.Text)
		} else {
			b.WriteString(strings.ToLower(t.Text))
		}
	}
	return b.String()
}

// isAcronym reports a word to keep in its case: two capitals or more and
// short, or mixed with small letters or digits (IED, U.S., IEDs, VBIEDs), but
// not a capitalised headline word (WEAPONS).
func isAcronym(t string) bool {
	up := countUpper(t)
	return up >= 2 && (len(t) <= 5 || up < len(t))
}

func countUpper(t string) int {
	n := 0
	for i := 0; i < len(t); i++ {
		if t[i] >= 'A' && t[i] <= 'Z' {
			n++
		}
	}
	return n
}

// uniq returns the non-empty strings in order without repeats.
func uniq(xs ...string) []string {
	out := xs[:0:0]
	for _, x := range xs {
		dup := x == ""
		for _, o := range out {
			dup = dup || o == x
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}
