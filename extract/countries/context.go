package countries

import "github.com/dossier-reader/dossier/extract/text"

// blockers are names that contain a country name or nationality word but
// name something else. They sit in the trie like names, so the longest match
// takes them and nothing is reported ("New Mexico" is not Mexico, "Papua New
// Guinea" still is a state because it is longer than "New Guinea").
var blockers = []string{
	"New Mexico", "Mexico City", "New Guinea", "Panama City", "Kuwait City", "Guatemala City",
	"Northern Ireland", "Latin America", "Latin American", "South America", "South American",
	"North America", "North American", "Central America", "Central American",
	"West Indian", "West Indians", "West Indies", "East Indian", "Red Indian", "American Indian", "American Indians",
	"Indian Ocean", "South China Sea", "East China Sea", "Georgia Tech",
	"Irish Republican Army",
}

// filter applies the context rules to the candidates and drops those that
// overlap people.
func filter(ws []word, cands []cand, people []text.Span) []Match {
	out := make([]Match, 0, len(cands))
	for _, c := range cands {
		sp := text.Span{Start: ws[c.i].start, End: ws[c.j-1].end}
		if overlapsAny(sp, people) {
			continue
		}
		out = append(out, Match{Span: sp, Demonym: c.e.demonym, Country: c.e.country})
	}
	return out
}

// overlapsAny reports whether sp shares a byte with one of spans.
func overlapsAny(sp text.Span, spans []text.Span) bool {
	for _, p := range spans {
		if p.Start < sp.End && sp.Start < p.End {
			return true
		}
	}
	return false
}
