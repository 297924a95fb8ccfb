package format

import (
	"encoding/json"
	"io"

	"github.com/dossier-reader/dossier/extract"
)

// JSONDoc is a document in the annotation format of FORMAT.md, with
// dossier's extra fields. Offsets are code points.
type JSONDoc struct {
	ID       json.RawMessage `json:"id"` // kept as given in JSON Lines input (a string or a number)
	Title    string          `json:"title,omitempty"`
	Text     string          `json:"text"`
	Entities []JSONMention   `json:"entities"`
	Claims   []JSONClaim     `json:"claims"`
}

// JSONMention is one entity mention: FORMAT.md's start, end, type, text and
// entity (the canonical name; for a demonym, its country), plus the
// country's ISO codes, a person's role, a weapon's class, the other entities
// a mention belongs to (a weapon phrase naming two classes) and its review
// state.
type JSONMention struct {
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Type   string   `json:"type"`
	Text   string   `json:"text"`
	Entity string   `json:"entity"`
	ISO2   string   `json:"iso2,omitempty"`
	ISO3   string   `json:"iso3,omitempty"`
	Role   string   `json:"role,omitempty"`
	Class  string   `json:"class,omitempty"`
	Also   []string `json:"also,omitempty"`  // names of the other entities listing this mention
	State  string   `json:"state,omitempty"` // review state; empty until the review feature lands
}

// JSONClaim is one claim: source, cue and content as [start, end] code-point
// pairs (source and cue may be null), the content's pieces when a quotation
// is split, the content text, the speaker's canonical name and the kind.
type JSONClaim struct {
	Source        *[2]int  `json:"source"`
	Cue           *[2]int  `json:"cue"`
	Content       [2]int   `json:"content"`
	ContentPieces [][2]int `json:"content_pieces,omitempty"`
	Text          string   `json:"text"`
	Speaker       string   `json:"speaker"`
	Kind          string   `json:"kind"`
}

// ToJSON converts a tagged document to its JSON form.
func ToJSON(d *extract.Doc) JSONDoc {
	o := NewOffsets(d.Text)
	id, _ := json.Marshal(d.ID)
	out := JSONDoc{ID: id, Title: d.Title, Text: d.Text,
		Entities: make([]JSONMention, 0, len(d.Mentions)), Claims: make([]JSONClaim, 0, len(d.Claims))}
	also := otherEntities(d)
	for i, m := range d.Mentions {
		e := d.Entities[m.Entity]
		jm := JSONMention{Start: o.Rune(m.Start), End: o.Rune(m.End), Type: m.Kind.String(),
			Text: d.Slice(m.Span), Entity: e.Name, Role: e.Role, Class: e.Class,
			Also: also[i], State: stateOf(d, i)}
		if e.Kind == extract.Country {
			jm.ISO2, jm.ISO3 = e.ISO2, e.ISO3
		}
		out.Entities = append(out.Entities, jm)
	}
	for _, c := range d.Claims {
		jc := JSONClaim{Content: pair(o, c.Content), Text: d.Slice(c.Content), Speaker: c.Speaker, Kind: c.Kind.String()}
		if c.Source != nil {
			p := pair(o, *c.Source)
			jc.Source = &p
		}
		if c.Cue != nil {
			p := pair(o, *c.Cue)
			jc.Cue = &p
		}
		for _, s := range c.ContentPieces {
			jc.ContentPieces = append(jc.ContentPieces, pair(o, s))
		}
		out.Claims = append(out.Claims, jc)
	}
	return out
}

func pair(o *Offsets, s extract.Span) [2]int { return [2]int{o.Rune(s.Start), o.Rune(s.End)} }

// WriteJSON writes one document as indented JSON.
func WriteJSON(w io.Writer, d *extract.Doc) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(ToJSON(d))
}

// WriteJSONLine writes one document as a single JSON line.
func WriteJSONLine(w io.Writer, d *extract.Doc) error { return EncodeLine(w, ToJSON(d)) }

// EncodeLine writes a JSON document as a single line.
func EncodeLine(w io.Writer, j JSONDoc) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(j)
}
