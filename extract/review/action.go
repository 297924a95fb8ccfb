package review

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract"
)

// Op is what an action does.
type Op string

// The operations.
const (
	OpAccept  Op = "accept"  // Targets: entities or claims
	OpReject  Op = "reject"  // Targets: entities or claims
	OpRelabel Op = "relabel" // Targets[0]: entity; Kind: person, country, weapon or none
	OpMerge   Op = "merge"   // Targets[0] absorbs Targets[1]
	OpRename  Op = "rename"  // Targets[0]: entity; Name: its new canonical name
	OpSplit   Op = "split"   // Mention: moves to a new entity of its own
	OpAdd     Op = "add"     // Span: a new mention of Kind, joining the entity of the same name
	OpRemove  Op = "remove"  // Mention: no longer a mention
	OpMove    Op = "move"    // Mention: its span becomes Span (one edge moved)
)

// NotEntity is the relabel kind that says a row is no entity at all; the
// entity is then rejected.
const NotEntity = "none"

// Action is one decision. Which fields are set depends on Op (see the Op
// constants); references are anchored in the text so a file of actions can
// be replayed over a fresh tagging, or over an edited article.
type Action struct {
	Op      Op     `json:"op"`
	Targets []Ref  `json:"targets,omitempty"`
	Mention *Ref   `json:"mention,omitempty"`
	Span    *Ref   `json:"span,omitempty"`
	Kind    string `json:"kind,omitempty"`
	Name    string `json:"name,omitempty"`
}

// Ref points at a span of the text: a mention, an entity (by one of its
// mentions, with its name and kind as a fallback) or a claim (by its
// content). Offsets are bytes of Doc.Text, as everywhere in Go; Text,
// Before and After let Reanchor find the span again in a changed text.
type Ref struct {
	Claim  bool   `json:"claim,omitempty"` // the span is a claim's content
	Start  int    `json:"start"`           // byte offset, inclusive; -1 when the entity has no mention
	End    int    `json:"end"`             // byte offset, exclusive
	Text   string `json:"text"`            // the text under the span
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	Name   string `json:"name,omitempty"` // an entity's canonical name when the ref was made
	Kind   string `json:"kind,omitempty"` // an entity's kind when the ref was made
}

// Span is the ref's span.
func (r Ref) Span() extract.Span { return extract.Span{Start: r.Start, End: r.End} }

// contextBytes is how much text on either side anchors a span.
const contextBytes = 32

// SpanRef anchors span s of text.
func SpanRef(text string, s extract.Span) Ref {
	s.Start, s.End = max(min(s.Start, len(text)), 0), max(min(s.End, len(text)), 0)
	a := max(s.Start-contextBytes, 0)
	for a > 0 && !utf8.RuneStart(text[a]) {
		a++
	}
	b := min(s.End+contextBytes, len(text))
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b--
	}
	return Ref{Start: s.Start, End: s.End, Text: text[s.Start:s.End], Before: text[a:s.Start], After: text[s.End:b]}
}

// EntityRef anchors entity e of doc by its first mention, with its name
// and kind.
func EntityRef(doc *extract.Doc, e int) Ref {
	ent := doc.Entities[e]
	r := Ref{Start: -1, End: -1}
	if len(ent.Mentions) > 0 {
		r = SpanRef(doc.Text, doc.Mentions[ent.Mentions[0]].Span)
	}
	r.Name, r.Kind = ent.Name, ent.Kind.String()
	return r
}

// ClaimRef anchors claim c of doc by its content.
func ClaimRef(doc *extract.Doc, c int) Ref {
	r := SpanRef(doc.Text, doc.Claims[c].Content)
	r.Claim = true
	return r
}

// MentionRef anchors mention i of doc.
func MentionRef(doc *extract.Doc, i int) Ref {
	r := SpanRef(doc.Text, doc.Mentions[i].Span)
	r.Kind = doc.Mentions[i].Kind.String()
	return r
}

// Describe says what an action did in a few words, for status lines and the
// list of decisions that could not be placed.
func (a Action) Describe() string {
	names := make([]string, 0, len(a.Targets))
	for _, t := range a.Targets {
		n := t.Name
		if n == "" || t.Claim {
			n = t.Text
		}
		names = append(names, "“"+short(n)+"”")
	}
	subject := strings.Join(names, ", ")
	switch a.Op {
	case OpMerge:
		subject = strings.Join(names, " + ")
	case OpRename:
		subject += " → “" + short(a.Name) + "”"
	case OpRelabel:
		subject += " → " + a.Kind
	case OpSplit, OpRemove:
		subject = "“" + short(a.Mention.Text) + "”"
	case OpAdd:
		subject = "“" + short(a.Span.Text) + "” as " + a.Kind
	case OpMove:
		subject = "“" + short(a.Mention.Text) + "” → “" + short(a.Span.Text) + "”"
	}
	if len(a.Targets) > 3 && (a.Op == OpAccept || a.Op == OpReject) {
		subject = strings.Join(names[:3], ", ") + " and " + strconv.Itoa(len(names)-3) + " more"
	}
	return string(a.Op) + " " + subject
}

// short folds whitespace and cuts s to about 30 characters.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 30 {
		r := []rune(s)
		return string(r[:29]) + "…"
	}
	return s
}
