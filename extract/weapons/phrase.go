package weapons

import (
	"strings"

	"github.com/dossier-reader/dossier/extract/text"
)

// Roles of the tokens of a phrase.
const (
	rClass uint8 = iota // in the group name: class modifiers and heads
	rDrop               // in the span only: makers, owners, descriptive words
	rConj               // and, or, a comma between coordinated modifiers
)

// phrase is a candidate mention: tokens [start, end) with a role each.
type phrase struct {
	start, end int
	role       []uint8 // role[k-start] of token k
	name       *name   // the named system, if any
	span       text.Span
	classMod   bool // a military modifier (one that is also a cue) precedes the head: fighter aircraft
	firm       bool // a head needs no military context (the carrier of aircraft carrier)
}

// verbPrev are words after which a verb-able head (tank, shell, bomb) is a verb.
var verbPrev = set{"to": true, "will": true, "would": true, "could": true, "can": true, "may": true,
	"might": true, "should": true, "must": true, "did": true, "does": true, "do": true, "not": true,
	"n't": true, "'ll": true, "’ll": true}

// useNouns follow a weapon noun used as a modifier of a use or event
// ("an Israeli missile strike", "arms shipments"): the mention is then the
// weapon noun with its class modifiers, without the makers and owners that
// belong to the whole noun phrase.
var useNouns = set{"strike": true, "strikes": true, "attack": true, "attacks": true, "blast": true,
	"blasts": true, "explosion": true, "explosions": true, "fire": true, "launch": true, "launches": true,
	"test": true, "tests": true, "program": true, "programme": true, "programs": true, "site": true,
	"sites": true, "factory": true, "factories": true, "shipments": true, "shipment": true, "sales": true,
	"deal": true, "deals": true, "embargo": true, "stockpile": true, "stockpiles": true, "raid": true,
	"raids": true, "barrage": true, "damage": true, "debris": true, "technology": true, "capability": true,
	"capabilities": true, "crew": true, "crews": true, "unit": true, "units": true, "base": true,
	"bases": true, "campaign": true, "threat": true, "trade": true, "smuggling": true, "cache": true,
	"caches": true, "depot": true, "depots": true, "report": true, "transfers": true, "deliveries": true,
	"supplies": true, "production": true, "inspectors": true, "development": true}

// generic tries a generic weapon phrase whose first head is token i.
func (s *scanner) generic(i, floor int) (phrase, bool) {
	w := s.w[i]
	if w == nil || w.kind&kHead == 0 {
		return s.hyphenated(i)
	}
	if !s.headOK(i) || !s.afterOK(i, i-1, false) {
		return phrase{}, false
	}
	p := phrase{start: i, end: i + 1, role: []uint8{rClass}, firm: !w.head.ctx}
	s.extendRight(&p)
	s.extendLeft(&p, floor)
	if !p.firm && !s.military && !p.classMod {
		return phrase{}, false
	}
	s.finish(&p)
	return p, true
}

// headOK applies a head's context rules to token i.
func (s *scanner) headOK(i int) bool {
	h := s.w[i].head
	prev, next := s.tok(i-1), s.tok(i+1)
	switch {
	case h.verb && in(verbPrev, prev),
		h.nocap && s.capitalisedInside(i),
		in(h.notPrev, prev), in(h.notNext, next),
		h.person && isCap(next) && s.w[i+1] == nil && s.l.nameList(next) == nil:
		return false
	}
	if len(h.notNear) > 0 {
		for k := i - nearWindow; k <= i+nearWindow; k++ {
			if k != i && in(h.notNear, s.tok(k)) {
				return false
			}
		}
	}
	return true
}

// nearWindow is how many tokens either side notnear= looks at.
const nearWindow = 3

// afterOK applies a head's after= rule to token k, whose phrase neighbour on
// the left is token prev; prevWeapon says prev is part of a weapon (a name).
func (s *scanner) afterOK(k, prev int, prevWeapon bool) bool {
	w := s.w[k]
	set := w.head.after
	if !w.plural && w.head.safter != nil {
		set = w.head.safter
	}
	if set == nil {
		return true
	}
	if prev < 0 {
		return false
	}
	if in(set, s.tok(prev)) {
		return true
	}
	if !set["*"] {
		return false
	}
	pw := s.w[prev]
	return prevWeapon || pw != nil && pw.kind&kHead != 0 || isCalibre(s.tok(prev))
}

// isPureMod reports whether token k is a modifier that is not also a head.
func (s *scanner) isPureMod(k int) bool {
	if k < 0 || k >= len(s.w) {
		return false
	}
	if w := s.w[k]; w != nil {
		return w.kind&kMod != 0 && w.kind&kHead == 0
	}
	return isCalibre(s.tok(k))
}

// coordMod reports whether token k can be one conjunct of coordinated
// modifiers: a modifier, a calibre, or a singular head used as one (bomber).
func (s *scanner) coordMod(k int) bool {
	if k < 0 || k >= len(s.w) {
		return false
	}
	if w := s.w[k]; w != nil {
		return w.kind&kMod != 0 || w.head != nil && w.head.mod && !w.plural
	}
	return isCalibre(s.tok(k))
}

// extendRight grows the phrase over compound heads (rocket launchers, missile
// defense systems), coordinated modifiers before a further head ("bomber and
// remotely piloted aircraft") and a tail ("of mass destruction").
func (s *scanner) extendRight(p *phrase) {
	n := len(s.a.Tokens)
	for {
		j := p.end
		k := j
		if k < n && (s.tok(k) == "and" || s.tok(k) == "or") && s.coordMod(k-1) && s.isPureMod(k+1) {
			k++
		}
		for k < n && s.isPureMod(k) {
			k++
		}
		if k < n && s.w[k] != nil && s.w[k].kind&kHead != 0 && s.afterOK(k, k-1, p.name != nil && k-1 < p.end) &&
			!in(s.w[k].head.notPrev, s.tok(k-1)) && !(s.w[k].head.noname && p.name != nil) {
			p.firm = p.firm || !s.w[k].head.ctx
			for x := j; x <= k; x++ {
				r := rClass
				if t := s.tok(x); x == j && (t == "and" || t == "or") {
					r = rConj
				}
				p.role = append(p.role, r)
			}
			p.end = k + 1
			continue
		}
		break
	}
	s.addTail(p)
}

// addTail appends a tail phrase from the lexicon if one follows.
func (s *scanner) addTail(p *phrase) {
	if w := s.w[min(p.end, len(s.w)-1)]; p.end >= len(s.w) || w == nil || w.kind&kTail == 0 {
		return
	}
	for _, t := range s.l.tails {
		ok := p.end+len(t) <= len(s.a.Tokens)
		for x := 0; ok && x < len(t); x++ {
			ok = strings.EqualFold(s.tok(p.end+x), t[x])
		}
		if ok {
			for range t {
				p.role = append(p.role, rClass)
			}
			p.end += len(t)
			return
		}
	}
}

// isCalibre reports a calibre token: 155mm, 155-mm, 122-millimeter, 50-caliber.
func isCalibre(t string) bool {
	d := 0
	for d < len(t) && (t[d] >= '0' && t[d] <= '9' || d > 0 && t[d] == '.') {
		d++
	}
	if d == 0 || d == len(t) {
		return false
	}
	switch strings.TrimPrefix(strings.ToLower(t[d:]), "-") {
	case "mm", "millimeter", "millimetre", "caliber", "calibre", "cal", "inch", "pounder", "pdr":
		return true
	}
	return false
}

// damageWords end hyphenated words whose first part is a weapon
// ("bomb-damaged", "shell-ravaged"): the weapon part is a mention.
var damageWords = set{"damaged": true, "destroyed": true, "ravaged": true, "scarred": true,
	"riddled": true, "hit": true, "struck": true, "blasted": true, "pocked": true, "pockmarked": true,
	"shattered": true, "wrecked": true, "torn": true}

// hyphenated finds a weapon noun as the first part of a hyphenated word.
func (s *scanner) hyphenated(i int) (phrase, bool) {
	t := s.a.Tokens[i]
	dash := strings.IndexByte(t.Text, '-')
	if dash <= 0 || !in(damageWords, t.Text[dash+1:]) {
		return phrase{}, false
	}
	w := s.l.lookup(t.Text[:dash])
	if w == nil || w.head == nil || w.head.after != nil || w.head.ctx && !s.military {
		return phrase{}, false
	}
	p := phrase{start: i, end: i + 1, role: []uint8{rClass}, span: text.Span{Start: t.Start, End: t.Start + dash}}
	return p, true
}
