package countries

import (
	"unicode"
	"unicode/utf8"
)

// Some country names and nationality words are also names of people
// (Michael Jordan, Chad Johnson, Richard Finn, Trevor Holland) or of a US
// state (Georgia). The pipeline passes the people its person tagger found,
// but these rules also stand alone.

// surnames are names that follow a first name when they are a person's: a
// title-case word right before them that is not a function word, a title or
// a country makes the whole document read them as a person ("Neil Jordan
// says ... Jordan said").
var surnames = wordSet("Jordan", "Chad", "Finn", "Holland", "Moldovan", "Georgia")

// firstNames are names that start a person's name: "Chad Curtis", and, with
// a speech verb after them, "Jordan said".
var firstNames = map[string]bool{"Chad": true, "Jordan": true}

// speechVerbs after a bare Jordan or Chad make it a person ("Jordan said").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "explained": true, "insisted": true,
	"replied": true, "recalled": true, "admitted": true, "wrote": true, "remarked": true, "joked": true,
}

// notFirstNames are title-case words that precede a name without being a
// first name: "In Jordan", "King Hussein of Jordan", "Hashemite Kingdom".
var notFirstNames = map[string]bool{
	"The": true, "In": true, "At": true, "On": true, "Of": true, "For": true, "From": true, "To": true,
	"And": true, "But": true, "Or": true, "With": true, "By": true, "As": true, "Both": true,
	"Between": true, "Including": true, "Like": true, "Unlike": true, "Against": true, "Only": true,
	"Even": true, "Neighbouring": true, "Neighboring": true, "Visit": true, "Visiting": true,
	"King": true, "Queen": true, "President": true, "Minister": true, "Kingdom": true,
	"Hashemite": true, "Republic": true, "Then": true, "Now": true, "While": true, "When": true,
	"Where": true, "Since": true, "Until": true, "After": true, "Before": true, "Into": true,
	"Across": true, "Through": true, "Via": true, "Outside": true, "Inside": true, "Near": true,
	"Said": true, "Says": true, "Told": true, "Welcome": true, "Beat": true, "Beats": true,
	"Versus": true, "Vs": true, "V": true, "Nil": true, "Draw": true, "Leaves": true, "Left": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "Ambassador": true, "Embassy": true, "Government": true,
}

// keepAfter are title-case words after Chad or Jordan that keep it a state
// ("Jordan President", "Chad Government", "Jordan On Monday" aside).
var keepAfter = map[string]bool{
	"President": true, "Prime": true, "Foreign": true, "Minister": true, "Government": true,
	"King": true, "Queen": true, "Crown": true, "Prince": true, "Princess": true, "Royal": true,
	"Army": true, "Defence": true, "Defense": true, "Interior": true, "Finance": true,
	"Embassy": true, "Ambassador": true, "National": true, "Parliament": true, "Cabinet": true,
	"State": true, "Senate": true, "Police": true, "Security": true, "Ministry": true,
	"Deputy": true, "Vice": true, "Chief": true, "Information": true, "Trade": true, "Oil": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "January": true, "February": true, "March": true,
	"April": true, "May": true, "June": true, "July": true, "August": true, "September": true,
	"October": true, "November": true, "December": true,
}

// georgiaNext are words after Georgia that make it the US state.
var georgiaNext = map[string]bool{
	"State": true, "governor": true, "Governor": true, "Gov": true, "Gov.": true, "Bulldogs": true,
	"Dome": true, "Power": true, "Pacific": true, "Southern": true, "Democrat": true,
	"Democrats": true, "Republican": true, "Republicans": true, "legislature": true,
	"Legislature": true, "Supreme": true, "Senator": true, "senator": true, "Senate": true,
	"Congressman": true, "Institute": true, "Aquarium": true, "County": true, "county": true,
	"Department": true, "voters": true, "Lottery": true, "Ports": true, "Bureau": true,
	"Court": true, "General": true, "Assembly": true,
}

// georgiaCities are places written "City, Georgia" in the country Georgia;
// any other title-case word before ", Georgia" makes it the US state
// ("Atlanta, Georgia").
var georgiaCities = map[string]bool{
	"Tbilisi": true, "Batumi": true, "Kutaisi": true, "Sukhumi": true, "Rustavi": true,
	"Gori": true, "Poti": true, "Zugdidi": true, "Abkhazia": true, "Ossetia": true, "Adjara": true,
	"Armenia": true, "Azerbaijan": true, "Russia": true, "Ukraine": true, "Moldova": true, "Turkey": true,
}

// indianNext are words after "Indian" that make it Native American rather
// than of India ("Indian reservation", "Bureau of Indian Affairs").
var indianNext = wordSet("tribe", "tribes", "reservation", "reservations", "casino", "casinos",
	"chief", "chiefs", "Affairs", "nation", "nations", "country", "summer", "Summer", "corn",
	"Ocean", "Tribe", "Nation", "Nations", "Reservation", "Wars", "war", "wars")

// personNames returns the names among the candidates that the document uses
// as a surname (a title-case first name right before them).
func personNames(s scan, cands []cand) map[string]bool {
	var m map[string]bool
	for _, c := range cands {
		name := s.ws[c.i].Text
		if c.j != c.i+1 || !surnames[name] || !isTitle(name) {
			continue
		}
		p := s.prev(c.i)
		if isTitle(p) && !notFirstNames[p] && !inTrie(p) && s.ws[c.i-1].End+1 == s.ws[c.i].Start {
			if m == nil {
				m = map[string]bool{}
			}
			m[name] = true
		}
	}
	return m
}

// usState reports whether Georgia at word i is the US state.
func usState(s scan, i int) bool {
	if georgiaNext[s.next(i+1)] {
		return true
	}
	if s.prev(i) == "," {
		p := s.prev(i - 1)
		return isTitle(p) && !georgiaCities[p] && !inTrie(p)
	}
	switch s.prev(i) {
	case "Atlanta", "Savannah", "Augusta", "Macon":
		return true
	}
	return false
}

// isTitle reports whether w is a title-case word: an upper-case letter
// followed by at least one lower-case one ("Neil", not "NEIL" or "I").
func isTitle(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w[n:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// inTrie reports whether w starts a name of the table.
func inTrie(w string) bool { return tbl.rootNext(w) != nil }

// nationAsActor reports whether the plural nationality noun cands[k] names
// a nation as an actor, which the corpora annotate as a demonym: "the
// Israelis", a plural opening a sentence or headline ("Palestinians want"),
// or one coordinated with another nationality ("Israelis and Palestinians",
// "Armenians, Azeris"). A plural that counts or quantifies people ("292
// Iraqis died", "many Syrians", "employ Syrians") is treated as a group of
// people rather than a nationality, as re3d annotates it.
func nationAsActor(s scan, cands []cand, k int) bool {
	c := cands[k]
	prev := s.prev(c.i)
	switch prev {
	case "the", "The", "THE":
		return true
	case "and", "or", ",":
		if k > 0 && cands[k-1].e.demonym && cands[k-1].j == c.i-1 {
			return true
		}
	}
	if prev == "" || !isWordStart(prev) && prev != "," {
		return true // first on its line or after sentence punctuation
	}
	if k+1 < len(cands) && cands[k+1].e.demonym && cands[k+1].i == c.j+1 {
		switch s.next(c.j) {
		case "and", "or", ",":
			return true
		}
	}
	return false
}

// isWordStart reports whether w starts with a letter or digit.
func isWordStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
