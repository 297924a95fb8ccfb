// Package ner finds people's names with a learned sequence model.
package ner

import "github.com/dossier-reader/dossier/extract/text"

// Person is one person with every mention of them in a document.
type Person struct {
	Name     string      // canonical name: the fullest form seen
	Role     string      // role given next to a name ("Secretary of State"), or ""
	Mentions []text.Span // byte spans, in text order
}

// Find returns the people named in the analysed text.
// SCAFFOLD: replaced by the person tagger (issue 3).
func Find(a *text.Analysis) []Person { return nil }
