// Package weapons finds weapons, weapon systems and military platforms.
package weapons

import "github.com/dossier-reader/dossier/extract/text"

// Match is one weapon mention.
type Match struct {
	text.Span
	Groups []string // pane groups it counts for, primary first ("Javelin", "anti-tank missiles")
	Class  string   // for a named system, what it is ("anti-tank missile"); "" for generic mentions
}

// Find returns the weapon mentions in the text, skipping any candidate that
// overlaps one of the people spans.
// SCAFFOLD: replaced by the weapon tagger (issue 5).
func Find(a *text.Analysis, people []text.Span) []Match { return nil }
