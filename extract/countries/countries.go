// Package countries finds names of states and their nationality words.
package countries

import "github.com/dossier-reader/dossier/extract/text"

// Country is a state from the embedded table.
type Country struct {
	Name string // short English name ("Russia", "United States")
	ISO2 string // ISO 3166-1 alpha-2
	ISO3 string // ISO 3166-1 alpha-3
}

// Match is one mention of a country or of its nationality word.
type Match struct {
	text.Span
	Demonym bool // "Russian", "Russians" rather than "Russia"
	Country *Country
}

// Find returns the country and demonym mentions in the text, skipping any
// candidate that overlaps one of the people spans.
// SCAFFOLD: replaced by the country tagger (issue 4).
func Find(a *text.Analysis, people []text.Span) []Match { return nil }
