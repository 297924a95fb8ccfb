package weapons

import "strings"

// madeSuffixes end a maker word: Soviet-made, U.S.-built, Iranian-supplied.
var madeSuffixes = set{"made": true, "built": true, "supplied": true, "designed": true, "produced": true,
	"manufactured": true, "provided": true, "donated": true, "funded": true, "developed": true}

// ledHeads may follow an X-led word in a phrase ("U.S.-led coalition aircraft").
var ledHeads = set{"coalition": true, "forces": true}

// conj are the words that join coordinated modifiers.
func isConj(t string) bool { return t == "and" || t == "or" || t == "," }

// extendLeft grows the phrase leftwards, never before floor, over modifiers,
// makers and owners, descriptive words and coordinated modifiers.
func (s *scanner) extendLeft(p *phrase, floor int) {
	var left []uint8 // roles of the added tokens, right to left
	add := func(n int, r uint8) {
		for x := 0; x < n; x++ {
			left = append(left, r)
		}
		p.start -= n
	}
	for p.start-1 >= floor {
		j := p.start - 1
		t, w := s.tok(j), s.w[j]
		switch {
		case isConj(t) && j-1 >= floor && s.coordMod(j-1) && s.coordMod(p.start) && s.isModifierRun(p, left):
			add(1, rConj)
		case w != nil && w.kind&kMod != 0, isCalibre(t):
			p.classMod = p.classMod || w != nil && w.kind&kCue != 0
			add(1, rClass)
		case t == "mm" && j-1 >= floor && isNumber(s.tok(j-1)):
			p.classMod = true
			add(2, rClass)
		case w != nil && w.kind&kDesc != 0:
			add(1, rDrop)
		case strings.EqualFold(t, "force") && j-1 >= floor && strings.EqualFold(s.tok(j-1), "air"):
			add(2, rDrop)
		default:
			n := s.ownerWidth(j, floor, p.start)
			if n == 0 {
				n = s.possessorWidth(j, floor)
			}
			if n == 0 {
				p.role = append(reverse(left), p.role...)
				return
			}
			add(n, rDrop)
		}
	}
	p.role = append(reverse(left), p.role...)
}

// isModifierRun reports whether the phrase so far, from its left edge to its
// first head, is modifiers only, or is a singular head used as a modifier
// ("attack, bomber and remotely piloted aircraft"): coordination is only
// between modifiers, never between heads ("shells and barrel bombs").
func (s *scanner) isModifierRun(p *phrase, left []uint8) bool {
	for _, r := range left {
		if r == rDrop {
			return false
		}
	}
	return s.coordMod(p.start)
}

// ownerWidth returns how many tokens ending at j name a maker or owner: a
// capitalised origin (Russian, U.S., NATO), a lower-case one (army), an
// X-made word, X - made, X-led or X - led before coalition; 0 if none.
func (s *scanner) ownerWidth(j, floor, next int) int {
	t, w := s.tok(j), s.w[j]
	if w != nil && (w.kind&kOrigLC != 0 || w.kind&kOrigin != 0 && isCap(t)) {
		return 1
	}
	if strings.EqualFold(t, "coalition") && j-1 >= floor {
		if p := s.tok(j - 1); strings.HasSuffix(strings.ToLower(p), "-led") || p == "led" {
			return 1
		}
	}
	led := in(ledHeads, s.tok(next))
	if dash := strings.LastIndexByte(t, '-'); dash > 0 {
		suf := t[dash+1:]
		if in(madeSuffixes, suf) || led && strings.EqualFold(suf, "led") {
			return 1
		}
	}
	if (in(madeSuffixes, t) || led && t == "led") && j-2 >= floor && s.tok(j-1) == "-" && isCap(s.tok(j-2)) {
		return 3
	}
	return 0
}

// possessorWidth returns 2 for a sniper's or snipers' before the head
// ("snipers' bullets", kept whole as re3d does), else 0.
func (s *scanner) possessorWidth(j, floor int) int {
	switch s.tok(j) {
	case "'", "’", "'s", "’s":
	default:
		return 0
	}
	if j-1 >= floor && (strings.EqualFold(s.tok(j-1), "sniper") || strings.EqualFold(s.tok(j-1), "snipers")) {
		return 2
	}
	return 0
}

// isNumber reports whether t is digits (with inner commas or periods).
func isNumber(t string) bool {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

func reverse(r []uint8) []uint8 {
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return r
}

// finish sets the phrase's byte span. Makers, owners and descriptive words
// on the left are dropped from the span when the phrase modifies a use or
// event noun ("an Israeli missile strike" → "missile").
func (s *scanner) finish(p *phrase) {
	if p.span.End > 0 {
		return
	}
	if in(useNouns, s.tok(p.end)) {
		for p.start < p.end-1 && p.role[0] != rClass {
			p.start++
			p.role = p.role[1:]
		}
	}
	p.span.Start = s.a.Tokens[p.start].Start
	p.span.End = s.a.Tokens[p.end-1].End
}
