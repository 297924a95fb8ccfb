package format

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract"
)

// otherEntities returns, for each mention of d, the names of the entities
// other than its own that list it (a weapon phrase naming two classes),
// sorted so that the order of d.Entities does not show; nil for most mentions.
func otherEntities(d *extract.Doc) [][]string {
	also := make([][]string, len(d.Mentions))
	for ei, e := range d.Entities {
		for _, mi := range e.Mentions {
			if mi >= 0 && mi < len(d.Mentions) && d.Mentions[mi].Entity != ei {
				also[mi] = append(also[mi], e.Name)
			}
		}
	}
	for _, a := range also {
		slices.Sort(a)
	}
	return also
}

// ReadJSON reads a document written by WriteJSON (or one JSON Lines line of
// FORMAT.md's shape) and rebuilds the Doc: mentions grouped into entities by
// their "entity" name and type, claims linked to the person their "speaker"
// names. Offsets are code points. An error names the field at fault
// ("entities[3]: start 12 after end 10").
func ReadJSON(r io.Reader) (*extract.Doc, error) {
	var j struct {
		JSONDoc
		Text *string `json:"text"`
	}
	dec := json.NewDecoder(r)
	if err := dec.Decode(&j); err != nil {
		return nil, fmt.Errorf("not a JSON document: %w", err)
	}
	if j.Text == nil {
		return nil, errors.New(`no "text" field`)
	}
	text := *j.Text
	if !utf8.ValidString(text) {
		return nil, errors.New(`"text" is not valid UTF-8`)
	}
	o := NewOffsets(text)
	n := utf8.RuneCountInString(text)
	raws := make([]rawMention, 0, len(j.Entities))
	for i, m := range j.Entities {
		rm, err := jsonMention(text, o, n, m)
		if err != nil {
			return nil, fmt.Errorf("entities[%d]: %w", i, err)
		}
		rm.where = fmt.Sprintf("entities[%d]", i)
		raws = append(raws, rm)
	}
	claims := make([]rawClaim, 0, len(j.Claims))
	for i, c := range j.Claims {
		cl, err := jsonClaim(o, n, c)
		if err != nil {
			return nil, fmt.Errorf("claims[%d]: %w", i, err)
		}
		claims = append(claims, rawClaim{where: fmt.Sprintf("claims[%d]", i), claim: cl})
	}
	d, err := buildDoc(text, raws, claims)
	if err != nil {
		return nil, err
	}
	if len(j.ID) > 0 && string(j.ID) != "null" {
		if err := json.Unmarshal(j.ID, &d.ID); err != nil {
			d.ID = string(j.ID) // a number: keep its JSON text
		}
	}
	if j.Title != "" {
		d.Title = j.Title
	}
	return d, nil
}

func jsonMention(text string, o *Offsets, n int, m JSONMention) (rawMention, error) {
	k, ok := extract.ParseKind(m.Type)
	if !ok {
		return rawMention{}, fmt.Errorf("unknown type %q (person, country, demonym or weapon)", m.Type)
	}
	sp, err := spanOf(o, n, m.Start, m.End)
	if err != nil {
		return rawMention{}, err
	}
	if sp.Start == sp.End {
		return rawMention{}, fmt.Errorf("empty span [%d, %d)", m.Start, m.End)
	}
	if got := text[sp.Start:sp.End]; m.Text != "" && got != m.Text {
		return rawMention{}, fmt.Errorf("text %q does not match the article's %q at [%d, %d)", m.Text, got, m.Start, m.End)
	}
	if m.Entity == "" {
		return rawMention{}, errors.New(`no "entity" name`)
	}
	names := append([]string{m.Entity}, m.Also...)
	for _, a := range m.Also {
		if a == "" {
			return rawMention{}, errors.New(`empty name in "also"`)
		}
	}
	return rawMention{span: sp, kind: k, names: names, role: m.Role, iso2: m.ISO2, iso3: m.ISO3,
		class: m.Class, state: m.State}, nil
}

func jsonClaim(o *Offsets, n int, c JSONClaim) (extract.Claim, error) {
	cl := extract.Claim{Speaker: c.Speaker}
	var err error
	if cl.Content, err = spanOf(o, n, c.Content[0], c.Content[1]); err != nil {
		return cl, fmt.Errorf("content: %w", err)
	}
	if c.Source != nil {
		s, err := spanOf(o, n, c.Source[0], c.Source[1])
		if err != nil {
			return cl, fmt.Errorf("source: %w", err)
		}
		cl.Source = &s
	}
	if c.Cue != nil {
		s, err := spanOf(o, n, c.Cue[0], c.Cue[1])
		if err != nil {
			return cl, fmt.Errorf("cue: %w", err)
		}
		cl.Cue = &s
	}
	for i, p := range c.ContentPieces {
		s, err := spanOf(o, n, p[0], p[1])
		if err != nil {
			return cl, fmt.Errorf("content_pieces[%d]: %w", i, err)
		}
		if !cl.Content.Contains(s) {
			return cl, fmt.Errorf("content_pieces[%d] [%d, %d) lies outside the content", i, p[0], p[1])
		}
		cl.ContentPieces = append(cl.ContentPieces, s)
	}
	switch c.Kind {
	case "direct":
		cl.Kind = extract.Direct
	case "mixed":
		cl.Kind = extract.Mixed
	case "indirect", "":
		cl.Kind = extract.Indirect
	default:
		return cl, fmt.Errorf("unknown kind %q (direct, indirect or mixed)", c.Kind)
	}
	return cl, nil
}
