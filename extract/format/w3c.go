package format

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// quoteContext is how many code points of context a TextQuoteSelector
// carries on each side.
const quoteContext = 32

// W3CCollection is a set of Web Annotations (https://www.w3.org/TR/annotation-model/)
// serialized as JSON-LD: an AnnotationCollection whose one page holds them all.
type W3CCollection struct {
	Context string  `json:"@context"`
	ID      string  `json:"id"`
	Type    string  `json:"type"`
	Label   string  `json:"label,omitempty"`
	Total   int     `json:"total"`
	First   W3CPage `json:"first"`
}

// W3CPage is an AnnotationPage.
type W3CPage struct {
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	StartIndex int             `json:"startIndex"`
	Items      []W3CAnnotation `json:"items"`
}

// W3CAnnotation is one Annotation: a mention (tagged with its kind, identified
// by its entity's name) or a claim (described by its speaker).
type W3CAnnotation struct {
	Context    string    `json:"@context"` // repeated so each item stands alone (Recogito imports a list of items)
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Body       []W3CBody `json:"body"`
	Target     W3CTarget `json:"target"`
}

// W3CBody is a TextualBody with its purpose ("tagging", "identifying",
// "describing", "assessing").
type W3CBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
}

// W3CTarget is the annotated text: the document and two selectors of one span.
type W3CTarget struct {
	Source   string        `json:"source"`
	Selector []W3CSelector `json:"selector"`
}

// W3CSelector is a TextPositionSelector (Start, End in code points) or a
// TextQuoteSelector (Exact with its Prefix and Suffix).
type W3CSelector struct {
	Type   string `json:"type"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

const w3cContext = "http://www.w3.org/ns/anno.jsonld"

// WriteW3C writes d as W3C Web Annotation JSON-LD: one Annotation per
// mention (motivation "tagging"; bodies for the kind, the entity's name and,
// when reviewed, the review state) and one per claim ("describing"), each
// targeting the span with a TextPositionSelector in code points and a
// TextQuoteSelector with 32 code points of context on each side. The
// document is named by its id as a URN (urn:dossier:NAME) unless the id is
// already a URL.
func WriteW3C(w io.Writer, d *extract.Doc) error {
	src := w3cSource(d.ID)
	runes := []rune(d.Text)
	o := NewOffsets(d.Text)
	items := make([]W3CAnnotation, 0, len(d.Mentions)+len(d.Claims))
	for i, m := range d.Mentions {
		body := []W3CBody{{"TextualBody", "tagging", m.Kind.String()},
			{"TextualBody", "identifying", d.Entities[m.Entity].Name}}
		if s := stateOf(d, i); s != "" {
			body = append(body, W3CBody{"TextualBody", "assessing", s})
		}
		items = append(items, W3CAnnotation{Context: w3cContext, ID: fmt.Sprintf("%s#m%d", src, i), Type: "Annotation",
			Motivation: "tagging", Body: body, Target: w3cTarget(src, runes, o.Rune(m.Start), o.Rune(m.End))})
	}
	for i, c := range d.Claims {
		desc := fmt.Sprintf("%s claim by %s", c.Kind, cmp.Or(c.Speaker, "an unnamed source"))
		if c.Cue != nil {
			desc += " (" + d.Slice(*c.Cue) + ")"
		}
		items = append(items, W3CAnnotation{Context: w3cContext, ID: fmt.Sprintf("%s#c%d", src, i), Type: "Annotation",
			Motivation: "describing", Body: []W3CBody{{"TextualBody", "describing", desc}},
			Target: w3cTarget(src, runes, o.Rune(c.Content.Start), o.Rune(c.Content.End))})
	}
	coll := W3CCollection{Context: w3cContext, ID: src + "#annotations", Type: "AnnotationCollection",
		Label: d.Title, Total: len(items),
		First: W3CPage{ID: src + "#annotations-page1", Type: "AnnotationPage", Items: items}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(coll)
}

func w3cTarget(src string, runes []rune, start, end int) W3CTarget {
	s, e := start, end
	return W3CTarget{Source: src, Selector: []W3CSelector{
		{Type: "TextPositionSelector", Start: &s, End: &e},
		{Type: "TextQuoteSelector", Exact: string(runes[start:end]),
			Prefix: string(runes[max(0, start-quoteContext):start]),
			Suffix: string(runes[end:min(len(runes), end+quoteContext)])},
	}}
}

// w3cSource names the annotated document with an IRI.
func w3cSource(id string) string {
	if u, err := url.Parse(id); err == nil && u.Scheme != "" && u.Host != "" {
		return id
	}
	return "urn:dossier:" + url.PathEscape(cmp.Or(strings.TrimSpace(id), "article"))
}
