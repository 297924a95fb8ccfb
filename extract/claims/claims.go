// Package claims finds attributions: quotations and reported speech with
// their source, cue and content.
package claims

import "github.com/dossier-reader/dossier/extract/text"

// Person is a person the tagger found, for resolving speakers.
type Person struct {
	Name     string
	Role     string
	Mentions []text.Span
}

// Kind tells direct quotation, reported speech and the mix of both.
type Kind uint8

// The claim kinds.
const (
	Indirect Kind = iota
	Direct
	Mixed
)

// Claim is one attribution.
type Claim struct {
	Source  *text.Span  // who speaks, as the text names them; nil if none
	Cue     *text.Span  // the verb or phrase of saying; nil if none
	Content text.Span   // what is claimed, first piece to last
	Pieces  []text.Span // pieces of a split quotation; nil when one piece
	Speaker string      // canonical speaker name
	Person  int         // index into the people slice given to Find; -1 if none
	Kind    Kind
}

// Find returns the claims in the text.
// SCAFFOLD: replaced by the claims tagger (issue 6).
func Find(a *text.Analysis, people []Person) []Claim { return nil }
