package countries

import (
	"strings"

	"github.com/dossier-reader/dossier/extract/text"
)

// blockers are names that contain a country name or nationality word but
// name something else. They sit in the trie like names, so the longest match
// takes them and nothing is reported ("New Mexico" is not Mexico, while
// "Papua New Guinea" is a state because it is longer than "New Guinea").
var blockers = []string{
	"New Mexico", "Mexico City", "New Guinea", "Panama City", "Kuwait City", "Guatemala City",
	"Northern Ireland", "Latin America", "Latin American", "Latin Americans", "South America", "South American",
	"South Americans", "North America", "North American", "North Americans", "Central America", "Central American",
	"African American", "African Americans", "Native American", "Native Americans",
	"West Indian", "West Indians", "West Indies", "East Indian", "East Indians", "Red Indian", "Red Indians",
	"American Indian", "American Indians", "Indian Ocean", "Indian Ocean", "South China Sea", "East China Sea",
	"Georgia Tech", "American League", "American Express", "American Airlines", "Irish Republican Army",
	"Turkish Cypriot", "Turkish Cypriots", "Greek Cypriot", "Greek Cypriots", "Islamic State of Iraq",
	"U.S. Civil War", "Former Yugoslavia", "Jordan River", "Jordan Valley", "British Columbia",
}

// nextRejects are words that, right after a name, make it part of the name
// of an event or an organisation: "U.S. Open", "Australian Open", "Sudan
// Airways", "Bank of Japan" is handled by ofHeads.
var nextRejects = wordSet(
	"Open", "Cup", "Supercup", "Masters", "Rules", "Olympic", "Amateur", "Classic", "Rally",
	"Airlines", "Airways", "Express", "Bank", "Motors", "Daily", "Postal", "Treasury", "Treasuries",
	"Municipal", "Stock", "Trading", "News", "Newsroom", "Weather", "Broadcasting", "Basketball",
	"Football", "Soccer", "Hockey", "Tennis", "Authority", "Congress", "Computer", "Universities",
	"University", "Data", "Corp", "Corporation", "Company", "Inc", "Ltd", "Plc", "Marines", "Navy",
	"Court", "Gulf", "Midwest", "Telecom", "Times", "Independent", "Petroleum", "Refining",
	"Securities", "Press", "Radio", "Television", "Democrats", "Democratic", "Communist",
	"Federation", "Association", "Confederation", "Academy", "Society", "Institute", "Foundation",
	"Lions", "Studies", "Freeport", "Strait", "Straits", "Riviera", "Guiana", "Red", "Heart",
	"Credit", "Flour", "Grain", "Aluminium", "Development", "Electronic", "Community", "Information",
	"Online", "Kashmir", "Kurdistan", "Motorcycle", "Airline", "Railways", "Telecommunications",
)

// ethnic are words that, after a nationality word, name a people within a
// state rather than its nationals ("Iraqi Kurds", "Bosnian Serb").
var ethnic = wordSet(
	"Kurd", "Kurds", "Kurdish", "Serb", "Serbs", "Croat", "Croats", "Moslem", "Moslems", "Muslim",
	"Muslims", "Hutu", "Hutus", "Tutsi", "Tutsis", "Arab", "Arabs", "Jewish", "Jews", "Catholic",
	"Catholics", "Islamist", "Islamists",
)

// languageNext are words that make a nationality word name a language.
var languageNext = map[string]bool{
	"language": true, "languages": true, "speakers": true, "speaking": true, "translation": true,
	"translations": true, "dialect": true, "alphabet": true, "script": true, "-language": true,
}

// isAcronym reports an all-capitals word of two or more letters ("VOA").
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k] < 'A' || w[k] > 'Z' {
			return false
		}
	}
	return true
}

// prevRejects are words that, right before a name, make it part of another
// name: "Air France", "Radio New Zealand", "Miss Venezuela", "Banco de
// Mexico", "Tour de France". Capitalised directions make a region of the
// state, which the corpora tag as a location ("Western Ukraine", "South
// China"); lower-case "southern Afghanistan" stays a country.
var prevRejects = wordSet(
	"Air", "Radio", "Television", "Statistics", "Environment", "Bank", "Banco", "Miss", "Media",
	"Jornal", "Mount", "Teen", "de", "da", "do", "du", "del", "di", "des",
	"North", "South", "East", "West", "Central", "Upper", "Lower", "Greater", "Mid",
)

// ofHeads are organisation heads of "Head of [the] Country": "Bank of
// Japan", "Press Trust of India", "Tour of the Netherlands". "President of
// France" or "Republic of Ireland" are not among them.
var ofHeads = wordSet(
	"Bank", "Agency", "Trust", "Tour", "Association", "Associations", "Board", "Party", "Forces", "Federation", "Life", "News", "University", "Fields",
	"Institute", "Jewel", "Academy", "Front", "Rally", "Democracy",
)

// orgHeads end an organisation's name that starts with a country name or
// nationality word: "U.S. Agriculture Department", "Pakistan People's
// Party", "Palestine Liberation Organisation".
var orgHeads = wordSet(
	"Department", "Agency", "Administration", "Commission", "Committee", "Court", "Service",
	"Association", "Federation", "Party", "Organisation", "Organization", "Confederation",
	"Exchange", "Liberation", "Corp", "Corporation", "Inc", "Ltd", "Co", "Observatory", "Cross",
	"League", "Front", "Movement", "Union", "Council", "Bureau",
)

// compoundRejects are the second halves of compounds that the corpora
// annotate as a whole rather than as a state ("U.S.-led", "British-based",
// "Brazilian-born", "Iranian-backed"). "-made" and "-built" are not among
// them: "U.S.-made" and "Soviet-made" name the state a weapon comes from.
var compoundRejects = map[string]bool{
	"led": true, "based": true, "born": true, "ruled": true, "registered": true, "listed": true,
	"bound": true, "origin": true, "style": true, "era": true, "operated": true, "brokered": true,
	"mediated": true, "sponsored": true, "controlled": true, "held": true, "educated": true,
	"owned": true, "run": true, "related": true, "dominated": true, "backed": true, "funded": true,
	"allied": true, "speaking": true, "language": true, "supported": true, "headquartered": true, "flagged": true, "occupied": true,
}

// wordSet returns a set holding each word and its ALL CAPS form.
func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, 2*len(ws))
	for _, w := range ws {
		m[w] = true
		m[strings.ToUpper(w)] = true
	}
	return m
}

// scan is an article's words with the text they come from.
type scan struct {
	src string
	ws  []word
}

// joined reports whether words k-1 and k are on the same line.
func (s scan) joined(k int) bool {
	return k > 0 && k < len(s.ws) && strings.IndexByte(s.src[s.ws[k-1].End:s.ws[k].Start], '\n') < 0
}

// prev returns the word before word i on the same line, or "".
func (s scan) prev(i int) string {
	if !s.joined(i) {
		return ""
	}
	return s.ws[i-1].Text
}

// next returns word j if it follows word j-1 on the same line, or "".
func (s scan) next(j int) string {
	if !s.joined(j) {
		return ""
	}
	return s.ws[j].Text
}

// filter applies the context rules to the candidates and drops those that
// overlap people.
func filter(s scan, cands []cand, people []text.Span) []Match {
	out := make([]Match, 0, len(cands))
	persons := personNames(s, cands)
	for k, c := range cands {
		sp := text.Span{Start: s.ws[c.i].Start, End: s.ws[c.j-1].End}
		if overlapsAny(sp, people) || persons[s.ws[c.i].Text] && c.j == c.i+1 || reject(s, c) {
			continue
		}
		if c.e.plural && !nationAsActor(s, cands, k) {
			continue
		}
		// A period that ends the line is the sentence's, not the abbreviation's
		// ("... in U.S.\n" is annotated "U.S").
		if s.src[sp.End-1] == '.' && (sp.End == len(s.src) || s.src[sp.End] == '\n') && sp.End-sp.Start > 2 {
			sp.End--
		}
		out = append(out, Match{Span: sp, Demonym: c.e.demonym, Country: c.e.country})
	}
	return out
}

// reject applies the context rules that tell a name from a longer name of
// something else, or from a person or a US state.
func reject(s scan, c cand) bool {
	next, prev := s.next(c.j), s.prev(c.i)
	switch {
	case nextRejects[next] || next == "Grand" && s.next(c.j+1) == "Prix":
		return true
	case c.e.demonym && (ethnic[next] || languageNext[next] || next == "service" && isAcronym(prev)):
		return true // "Iraqi Kurds", "Russian speakers", "VOA Russian service"
	case prevRejects[prev]:
		return true
	case ofHeadBefore(s, c.i):
		return true
	case c.j < len(s.ws) && s.ws[c.j].Start == s.ws[c.j-1].End && s.ws[c.j].Text == "$":
		return true // a currency: "US$ 300 million"
	case compoundRejects[suffixAfter(s.src, s.ws[c.j-1].End)] || orgRun(s, c.j):
		return true
	}
	name := s.ws[c.i].Text
	switch {
	case c.j > c.i+1:
		return false
	case name == "Georgia" || name == "GEORGIA":
		return usState(s, c.i)
	case name == "Guinea" && (next == "pig" || next == "pigs" || next == "fowl"):
		return true
	case name == "Indian" || name == "Indians":
		return indianNext[next]
	case firstNames[name] && (speechVerbs[next] || isTitle(next) && !keepAfter[next] && !inTrie(next)):
		return true // "Jordan said", "Chad Johnson"
	}
	return false
}

// ofHeadBefore reports "Head of [the] name" with an organisation head
// ("Bank of Japan", "TOUR OF NETHERLANDS").
func ofHeadBefore(s scan, i int) bool {
	p := s.prev(i)
	if p == "the" || p == "THE" {
		i--
		p = s.prev(i)
	}
	return (p == "of" || p == "OF") && ofHeads[s.prev(i-1)]
}

// suffixAfter returns the lower-case word after a hyphen at src[end] ("led"
// in "U.S.-led"), or "".
func suffixAfter(src string, end int) string {
	if end >= len(src) || src[end] != '-' {
		return ""
	}
	k := end + 1
	for k < len(src) && src[k] >= 'a' && src[k] <= 'z' {
		k++
	}
	return src[end+1 : k]
}

// orgRun reports whether the title-case words from word j on end in an
// organisation head within four words ("U.S. Defense Logistics Agency").
func orgRun(s scan, j int) bool {
	for k := j; k < j+5 && k < len(s.ws); k++ {
		w := s.next(k)
		if w == "'s" || w == "’s" {
			if k == j {
				return false // a possessive: "Iraq's Kurdistan Democratic Party"
			}
			continue
		}
		if !isTitle(w) {
			return false
		}
		if orgHeads[w] && (k > j || w != "League") {
			return true
		}
	}
	return false
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
