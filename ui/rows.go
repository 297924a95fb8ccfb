package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/review"
)

// row is one entry of a side pane, already sanitized for the screen.
type row struct {
	name   string   // canonical name, or a claim's speaker
	kind   markKind // styles the name like its highlight
	info   string   // mention count (and claims made)
	detail string   // dim: role, demonyms, weapon class, claim words
	target int      // index into Doc.Entities, or Doc.Claims for claim rows; -1 for a speaker
	state  review.State
	header bool // a speaker's row in the Claims pane (claimpane.go)
}

// entityRows lists the entities of one kind, most mentioned first, ties
// broken by first appearance.
func entityRows(doc *extract.Doc, kind extract.Kind) []row {
	said := make(map[int]int)
	for _, c := range doc.Claims {
		if c.SpeakerEntity >= 0 {
			said[c.SpeakerEntity]++
		}
	}
	type ranked struct {
		row
		count, first int
	}
	var rs []ranked
	for i, e := range doc.Entities {
		if e.Kind != kind {
			continue
		}
		r := ranked{count: len(e.Mentions), first: len(doc.Text)}
		if len(e.Mentions) > 0 {
			r.first = doc.Mentions[e.Mentions[0]].Start
		}
		r.row = entityRow(doc, i, said[i])
		rs = append(rs, r)
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].count != rs[j].count {
			return rs[i].count > rs[j].count
		}
		return rs[i].first < rs[j].first
	})
	out := make([]row, len(rs))
	for i, r := range rs {
		out[i] = r.row
	}
	return out
}

// entityRow builds the row of entity i, who made said claims.
func entityRow(doc *extract.Doc, i, said int) row {
	e := doc.Entities[i]
	r := row{name: oneLine(e.Name), target: i, info: strconv.Itoa(len(e.Mentions))}
	switch e.Kind {
	case extract.Person:
		r.kind = markPerson
		if said > 0 {
			r.info += fmt.Sprintf(" · %d claim%s", said, plural(said))
		}
		r.detail = oneLine(e.Role)
	case extract.Country:
		r.kind = markCountry
		own, demonyms := countryCounts(doc, e)
		r.info = strconv.Itoa(own)
		r.detail = demonyms
	case extract.Weapon:
		r.kind = markWeapon
		if e.Class != "" && !strings.EqualFold(e.Class, e.Name) {
			r.detail = "— " + oneLine(e.Class)
		}
	}
	return r
}

// countryCounts counts a country's own mentions and describes its demonym
// mentions grouped by their text: "+ Russian ×6, Russians ×2".
func countryCounts(doc *extract.Doc, e extract.Entity) (own int, demonyms string) {
	var order []string
	count := make(map[string]int)
	for _, mi := range e.Mentions {
		m := doc.Mentions[mi]
		if m.Kind != extract.Demonym {
			own++
			continue
		}
		t := oneLine(doc.Slice(m.Span))
		if count[t] == 0 {
			order = append(order, t)
		}
		count[t]++
	}
	parts := make([]string, len(order))
	for i, t := range order {
		parts[i] = fmt.Sprintf("%s ×%d", t, count[t])
	}
	if len(parts) > 0 {
		demonyms = "+ " + strings.Join(parts, ", ")
	}
	return own, demonyms
}

// firstWords returns up to n words of s on one line, with "…" if cut.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return sanitize(strings.Join(f[:n], " ")) + "…"
	}
	return sanitize(strings.Join(f, " "))
}

// oneLine sanitizes s and folds its whitespace to single spaces.
func oneLine(s string) string {
	return sanitize(strings.Join(strings.Fields(s), " "))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
