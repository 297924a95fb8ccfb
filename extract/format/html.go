package format

import (
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

//go:embed html.tmpl
var htmlSource string

var htmlPage = template.Must(template.New("page").Parse(htmlSource))

// htmlClass is the CSS class of each mention kind; the page's style sheet
// gives each its colour.
var htmlClass = [...]string{extract.Person: "person", extract.Country: "country", extract.Demonym: "demonym", extract.Weapon: "weapon"}

// hspan is one highlighted range of the article: a mention or a claim piece.
type hspan struct {
	s     extract.Span
	class string
	id    string // the anchor ("m12", "c3"); only the first piece of a span carries it
	title string // shown on hover
}

// htmlList is one of the lists beside the article.
type htmlList struct {
	Name    string
	Entries []htmlEntry
}

// htmlEntry is one line of a list beside the article.
type htmlEntry struct {
	Class, Name, Detail string
	Refs                []htmlRef // its mentions, in text order
}

// htmlRef is a link to a mention: its anchor and its number in the entry.
type htmlRef struct {
	Anchor string
	N      int
}

// htmlClaim is one line of the claims list.
type htmlClaim struct {
	Ref, Speaker, Cue, Kind, Content string
}

// WriteHTML writes d as one self-contained page (inline CSS, no script, no
// external assets): the article with every mention highlighted (a <mark>
// with one class per kind, nested where mentions nest, anchored #m0, #m1, …)
// and claims underlined (#c0, …), and beside it the people, countries,
// weapons and claims, each linking to its passages.
func WriteHTML(w io.Writer, d *extract.Doc) error {
	lists := []htmlList{{Name: "People"}, {Name: "Countries"}, {Name: "Weapons"}}
	for _, e := range rankEntities(d) {
		ent := d.Entities[e]
		en := htmlEntry{Class: htmlClass[ent.Kind], Name: ent.Name}
		for n, mi := range ent.Mentions {
			en.Refs = append(en.Refs, htmlRef{Anchor: fmt.Sprintf("m%d", mi), N: n + 1})
		}
		l := &lists[0]
		switch ent.Kind {
		case extract.Person:
			en.Detail = ent.Role
		case extract.Country:
			en.Detail = strings.Trim(ent.ISO2+" · "+ent.ISO3, " ·")
			l = &lists[1]
		default:
			en.Detail = ent.Class
			l = &lists[2]
		}
		l.Entries = append(l.Entries, en)
	}
	var claims []htmlClaim
	for i, c := range d.Claims {
		hc := htmlClaim{Ref: fmt.Sprintf("c%d", i), Speaker: cmp.Or(c.Speaker, "(unnamed)"), Kind: c.Kind.String(),
			Content: shorten(strings.Join(strings.Fields(d.Slice(c.Content)), " "), 140)}
		if c.Cue != nil {
			hc.Cue = d.Slice(*c.Cue)
		}
		claims = append(claims, hc)
	}
	return htmlPage.Execute(w, map[string]any{
		"Title": cmp.Or(d.Title, d.ID, "Article"), "ID": d.ID, "Body": template.HTML(htmlBody(d)),
		"Lists": lists, "Claims": claims,
	})
}

// htmlSpans lists the highlighted ranges sorted by start, outer first.
func htmlSpans(d *extract.Doc) []hspan {
	var spans []hspan
	for i, c := range d.Claims {
		pieces := c.ContentPieces
		if len(pieces) == 0 {
			pieces = []extract.Span{c.Content}
		}
		for k, p := range pieces {
			h := hspan{s: p, class: "claim", title: "claim by " + cmp.Or(c.Speaker, "(unnamed)")}
			if k == 0 {
				h.id = fmt.Sprintf("c%d", i)
			}
			spans = append(spans, h)
		}
	}
	for i, m := range d.Mentions {
		spans = append(spans, hspan{s: m.Span, class: htmlClass[m.Kind], id: fmt.Sprintf("m%d", i),
			title: m.Kind.String() + ": " + d.Entities[m.Entity].Name})
	}
	slices.SortStableFunc(spans, func(a, b hspan) int {
		return cmp.Or(cmp.Compare(a.s.Start, b.s.Start), cmp.Compare(b.s.End, a.s.End))
	})
	return spans
}

// htmlBody returns the article's text, escaped, with the highlights as
// nested <mark> elements. Where two ranges overlap without nesting, the inner
// one is closed and opened again (without its anchor) so the markup nests.
func htmlBody(d *extract.Doc) string {
	spans := htmlSpans(d)
	var b strings.Builder
	var stack []int // open spans, outermost first
	pos, next := 0, 0
	open := func(i int, first bool) {
		h := spans[i]
		b.WriteString(`<mark class="` + h.class + `"`)
		if first && h.id != "" {
			b.WriteString(` id="` + h.id + `"`)
		}
		b.WriteString(` title="` + template.HTMLEscapeString(h.title) + `">`)
	}
	for pos <= len(d.Text) {
		// The next place where a span opens or closes.
		at := len(d.Text)
		if next < len(spans) {
			at = min(at, spans[next].s.Start)
		}
		for _, i := range stack {
			at = min(at, spans[i].s.End)
		}
		b.WriteString(template.HTMLEscapeString(d.Text[pos:at]))
		pos = at
		// Close every span that ends here, and those opened inside it.
		if k := slices.IndexFunc(stack, func(i int) bool { return spans[i].s.End <= at }); k >= 0 {
			reopen := slices.Clone(stack[k+1:])
			for range stack[k:] {
				b.WriteString("</mark>")
			}
			stack = stack[:k]
			for _, i := range reopen {
				if spans[i].s.End > at {
					open(i, false)
					stack = append(stack, i)
				}
			}
		}
		for next < len(spans) && spans[next].s.Start == at {
			if spans[next].s.End > at {
				open(next, true)
				stack = append(stack, next)
			}
			next++
		}
		if at == len(d.Text) && next == len(spans) && len(stack) == 0 {
			break
		}
	}
	return b.String()
}

// shorten cuts s to at most n code points, at a word when it can.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
