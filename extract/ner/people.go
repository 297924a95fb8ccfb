package ner

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dossier-reader/dossier/extract/text"
)

// propagate adds, for every name found, its other mentions the model missed:
// a capitalised token tagged O, or taken for a one-word place, group or
// nationality, whose lower-case form is a one-word name or the surname of a
// longer one found elsewhere in the document (a surname with its Arabic
// article counts without it: "Assad" after "Bashar al-Assad"). This is the
// document-level consistency step: "Simmons" after "Phil Simmons", "HUSSAIN"
// in a headline after "Nasser Hussain" in the body, "the Assad regime" once
// "Assad" is known for a person.
func propagate(a *text.Analysis, infos []tokInfo, tags []uint8, ms []mention) []mention {
	if len(ms) == 0 {
		return ms
	}
	names := make(map[uint64]bool, len(ms))
	for _, x := range ms {
		if infos[x.last-1].length > 1 {
			names[infos[x.last-1].lower] = true
			if h, ok := strippedSurname(a.Tokens[x.last-1].Text); ok {
				names[h] = true
			}
		}
	}
	var extra []mention
	for i, ti := range infos {
		if ti.flags&fCap == 0 || !oneWord(tags, i) || typeIndex(tags[i]) == 1 || ti.flags&fTitle != 0 || !names[ti.lower] {
			continue
		}
		if capitalNeighbour(infos, tags, i-1) || capitalNeighbour(infos, tags, i+1) {
			continue // part of a longer name or title we do not know
		}
		tags[i] = tagBPER
		extra = append(extra, mention{i, i + 1})
	}
	if len(extra) == 0 {
		return ms
	}
	ms = append(ms, extra...)
	slices.SortFunc(ms, func(x, y mention) int { return x.first - y.first })
	return ms
}

// strippedSurname returns the hash of the lower-case surname without its
// Arabic article ("al-Assad", "Al-Abadi", "el-Sisi"), if it has one.
func strippedSurname(w string) (uint64, bool) {
	if len(w) < 5 || w[2] != '-' || !(w[0] == 'a' || w[0] == 'A') && !(w[0] == 'e' || w[0] == 'E') || w[1] != 'l' {
		return 0, false
	}
	return hashBytes([]byte(strings.ToLower(w[3:]))), true
}

// capitalNeighbour reports whether token i exists, is capitalised and is
// not the start of a sentence.
func capitalNeighbour(infos []tokInfo, tags []uint8, i int) bool {
	if i < 0 || i >= len(infos) {
		return false
	}
	f := infos[i].flags
	return f&fCap != 0 && f&(fSentStart|fCapsLine) == 0 || tags[i] != tagO
}

// person is a Person being built.
type person struct {
	first, sur string    // lower-cased first and last word of the fullest name
	full       []mention // mentions of more than one word
	all        []mention
}

// group gathers mentions into people. Multi-word names come first: two of
// them are one person when the surnames agree and the first names are equal,
// one is an initial of the other, or they are spelling variants (close by
// edit distance: Sergei/Sergey). A one-word mention then joins the person
// whose surname (or one-word name) it is, the nearest one in the text when
// two share it; otherwise it is a person of its own.
func group(a *text.Analysis, ms []mention) []Person {
	var ps []*person
	for _, x := range ms {
		if x.last-x.first < 2 {
			continue
		}
		first, sur := lowerWord(a, x.first), lowerWord(a, x.last-1)
		var p *person
		for _, q := range ps {
			if q.sur == sur && len(q.full) > 0 && sameFirstName(q.first, first) {
				p = q
				break
			}
		}
		if p == nil {
			p = &person{first: first, sur: sur}
			ps = append(ps, p)
		}
		p.full = append(p.full, x)
		p.all = append(p.all, x)
	}
	for _, x := range ms {
		if x.last-x.first >= 2 {
			continue
		}
		w := lowerWord(a, x.first)
		if p := nearest(ps, w, x); p != nil {
			p.all = append(p.all, x)
			continue
		}
		ps = append(ps, &person{sur: w, all: []mention{x}})
	}
	slices.SortStableFunc(ps, func(p, q *person) int { return firstStart(p) - firstStart(q) })
	out := make([]Person, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.build(a))
	}
	return out
}

func firstStart(p *person) int {
	m := p.all[0].first
	for _, x := range p.all {
		m = min(m, x.first)
	}
	return m
}

// nearest returns the person whose surname (or one-word name) is w and
// whose mention is closest before x (or, failing that, after it).
func nearest(ps []*person, w string, x mention) *person {
	var best *person
	bestD := 1 << 30
	for _, p := range ps {
		if p.sur != w {
			continue
		}
		for _, y := range p.all {
			d := x.first - y.first
			if d < 0 {
				d = -d + 1<<20 // prefer a mention before x
			}
			if d < bestD {
				best, bestD = p, d
			}
		}
	}
	return best
}

// build makes the Person: canonical name, role, mentions in text order.
func (p *person) build(a *text.Analysis) Person {
	slices.SortFunc(p.all, func(x, y mention) int { return x.first - y.first })
	canon := p.all[0]
	if len(p.full) > 0 {
		canon = p.full[0]
		for _, x := range p.full[1:] {
			if x.last-x.first > canon.last-canon.first {
				canon = x
			}
		}
	}
	out := Person{Name: nameText(a, canon)}
	for _, x := range p.all {
		out.Mentions = append(out.Mentions, x.span(a))
		if out.Role == "" {
			out.Role = roleBefore(a, x.first)
		}
	}
	return out
}

// nameText is the mention's text with white space collapsed.
func nameText(a *text.Analysis, x mention) string {
	parts := make([]string, 0, x.last-x.first)
	for i := x.first; i < x.last; i++ {
		parts = append(parts, a.Tokens[i].Text)
	}
	parts[0] = parts[0][prefixLen(parts[0]):]
	return strings.Join(parts, " ")
}

func lowerWord(a *text.Analysis, i int) string {
	w := a.Tokens[i].Text
	return strings.ToLower(strings.TrimSuffix(w[prefixLen(w):], "."))
}

// sameFirstName reports whether two lower-cased first names can name the
// same person: equal, an initial and a name it starts ("j" and "john"), or
// spelling variants one edit apart (two for long names).
func sameFirstName(x, y string) bool {
	if x == y {
		return true
	}
	rx, ry := []rune(x), []rune(y)
	if len(rx) == 1 || len(ry) == 1 {
		return rx[0] == ry[0]
	}
	if min(len(rx), len(ry)) < 4 {
		return false
	}
	limit := 1
	if min(len(rx), len(ry)) >= 7 {
		limit = 2
	}
	return editDistance(rx, ry) <= limit
}

// editDistance is the Levenshtein distance of two short words.
func editDistance(x, y []rune) int {
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			c := prev[j-1]
			if x[i-1] != y[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}

// roleBefore returns the role written just before the name at token i
// ("U.S. Secretary of State", "Pentagon press secretary"), or "". The role
// is the run of title words, role words and capitalised words before the
// name, cut at punctuation or any other word, and must hold a title word.
func roleBefore(a *text.Analysis, i int) string {
	start, hasTitle := i, false
	for j := i - 1; j >= 0 && i-j <= 6; j-- {
		if hasNewlineBetween(a, j, j+1) {
			break
		}
		w := a.Tokens[j].Text
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case titles[lw]:
			hasTitle = true
		case roleWords[lw], isCapitalised(w):
		default:
			j = -1 // stop
			continue
		}
		start = j
	}
	for start < i && roleWords[strings.ToLower(a.Tokens[start].Text)] && !isCapitalised(a.Tokens[start].Text) {
		start++ // a role starts with a title or a name, not "of"
	}
	if !hasTitle || start == i {
		return ""
	}
	return a.Src[a.Tokens[start].Start:a.Tokens[i-1].End]
}

func hasNewlineBetween(a *text.Analysis, j, k int) bool {
	return hasNewline(a.Src[a.Tokens[j].End:a.Tokens[k].Start])
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}
