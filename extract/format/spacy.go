package format

import (
	"encoding/json"
	"io"

	"github.com/dossier-reader/dossier/extract"
)

// spacyLabel maps mention kinds to the span labels of the spaCy format.
var spacyLabel = [...]string{extract.Person: "PERSON", extract.Country: "COUNTRY", extract.Demonym: "DEMONYM", extract.Weapon: "WEAPON"}

// SpacyDoc is one line of the spaCy/Prodigy JSON Lines format.
type SpacyDoc struct {
	Text  string      `json:"text"`
	Spans []SpacySpan `json:"spans"`
	Meta  SpacyMeta   `json:"meta"` // Prodigy shows it beside the task
}

// SpacySpan is one labelled span; offsets are code points, as Python's.
type SpacySpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

// SpacyMeta says where a document came from.
type SpacyMeta struct {
	ID    string `json:"id,omitempty"`
	Title string `json:"title,omitempty"`
}

// WriteSpacy writes d as one line of spaCy/Prodigy JSON Lines: the text and
// every mention as a span labelled PERSON, COUNTRY, DEMONYM or WEAPON.
// Nested mentions are all kept (Prodigy's spans.manual and spaCy's
// Doc.spans take them; ner.manual wants them flat).
func WriteSpacy(w io.Writer, d *extract.Doc) error {
	o := NewOffsets(d.Text)
	sd := SpacyDoc{Text: d.Text, Spans: make([]SpacySpan, 0, len(d.Mentions)), Meta: SpacyMeta{ID: d.ID, Title: d.Title}}
	for _, m := range d.Mentions {
		sd.Spans = append(sd.Spans, SpacySpan{Start: o.Rune(m.Start), End: o.Rune(m.End), Label: spacyLabel[m.Kind]})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(sd)
}
