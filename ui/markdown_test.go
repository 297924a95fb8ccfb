package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-reader/dossier/extract"
	loader "github.com/dossier-reader/dossier/extract/article"
)

const (
	ms = string(loader.MarkStart)
	me = string(loader.MarkEnd)
)

func TestScanMarkers(t *testing.T) {
	sp := func(s, e int) extract.Span { return extract.Span{Start: s, End: e} }
	anchors := []mdAnchor{{sp(0, 5), true}, {sp(10, 20), true}, {sp(30, 32), true}}
	tests := []struct {
		name   string
		lines  []string
		owners []int
		want   [][]mdSeg
	}{
		{"one line", []string{"  a " + ms + "Bob" + me + " b"}, []int{0},
			[][]mdSeg{{{4, 7, sp(0, 5)}}}},
		{"styled", []string{"\x1b[1m" + ms + "Ann" + me + "\x1b[m and " + ms + "Zoë" + me}, []int{0, 2},
			[][]mdSeg{{{0, 3, sp(0, 5)}, {8, 11, sp(30, 32)}}}},
		{"wrapped mention is two segments", []string{"  x " + ms + "Antony   ", "  Blinken" + me + " y"}, []int{1},
			[][]mdSeg{{{4, 10, sp(10, 20)}}, {{2, 9, sp(10, 20)}}}},
		{"wide runes count two cells", []string{"漢字 " + ms + "Li" + me}, []int{0},
			[][]mdSeg{{{5, 7, sp(0, 5)}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scanMarkers(tt.lines, anchors, tt.owners)
			for i, l := range r.lines {
				if strings.ContainsAny(l, ms+me) {
					t.Errorf("line %d keeps a marker: %q", i, l)
				}
				if len(r.segs[i]) != len(tt.want[i]) {
					t.Fatalf("line %d: segments %v, want %v", i, r.segs[i], tt.want[i])
				}
				for j, s := range r.segs[i] {
					if s != tt.want[i][j] {
						t.Errorf("line %d: segment %v, want %v", i, s, tt.want[i][j])
					}
				}
			}
		})
	}
}

func TestAlignLines(t *testing.T) {
	text := "Title here\nThe first paragraph has words.\nItem one\nItem two"
	rendered := []string{"  # Title here", "", "  The first paragraph", "  has words.", "", "  • Item one", "  • Item two"}
	got := alignLines(text, rendered)
	want := []string{"Title here", "", "The first paragraph", "has words.", "", "Item one", "Item two"}
	for i, l := range got {
		if s := text[l.start:l.end]; s != want[i] {
			t.Errorf("line %d shows %q, want %q", i, s, want[i])
		}
	}
}

// mdDoc loads md as an article and annotates by hand every occurrence of
// the given names as persons (one entity each).
func mdDoc(t *testing.T, md string, names ...string) (*loader.Article, *extract.Doc) {
	t.Helper()
	art, err := loader.FromMarkdown("test.md", md)
	if err != nil {
		t.Fatal(err)
	}
	doc := &extract.Doc{Text: art.Text, Title: art.Meta.Title}
	for e, n := range names {
		doc.Entities = append(doc.Entities, extract.Entity{Kind: extract.Person, Name: n})
		for i := 0; ; {
			j := strings.Index(art.Text[i:], n)
			if j < 0 {
				break
			}
			sp := extract.Span{Start: i + j, End: i + j + len(n)}
			doc.Mentions = append(doc.Mentions, extract.Mention{Span: sp, Kind: extract.Person, Entity: e})
			i = sp.End
		}
	}
	// Mentions sorted by start, entity lists in text order.
	for i := 1; i < len(doc.Mentions); i++ {
		for j := i; j > 0 && doc.Mentions[j].Start < doc.Mentions[j-1].Start; j-- {
			doc.Mentions[j], doc.Mentions[j-1] = doc.Mentions[j-1], doc.Mentions[j]
		}
	}
	for i, m := range doc.Mentions {
		doc.Entities[m.Entity].Mentions = append(doc.Entities[m.Entity].Mentions, i)
	}
	return art, doc
}

const testMD = "# Talks in Geneva\n\nThe **secretary** Antony Blinken met Sergei Lavrov.\n\n" +
	"> “We will talk again,” said Antony Blinken, in a [post](https://example.com/Lavrov).\n\n" +
	"- Lavrov left early\n- `Blinken` in code stays plain\n"

func TestMarkdownArticle(t *testing.T) {
	art, doc := mdDoc(t, testMD, "Antony Blinken", "Lavrov")
	art.Meta.Byline, art.Meta.SiteName = "Jo Reporter", "Example News"
	art.Meta.Published = time.Date(2022, 1, 22, 0, 0, 0, 0, time.UTC)
	m := send(t, New(doc, Options{Theme: "dark", Article: art}), tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.(Model).article.md == nil {
		t.Fatal("a Markdown article should be rendered")
	}
	v := m.View().Content
	s := ansi.Strip(v)
	for _, want := range []string{"Talks in Geneva", "Jo Reporter · Example News · 22 January 2022", "• Lavrov left early"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	if strings.ContainsAny(v, ms+me) {
		t.Error("markers reached the screen")
	}
	if strings.Contains(s, "**") {
		t.Error("Markdown shown unrendered")
	}
	// Every mention outside code is painted in one run of the person style.
	person, av := sgrOf(m.(Model).st.Person), m.(Model).article.View()
	if n := strings.Count(av, person+"Antony Blinken"+ansi.ResetStyle); n != 2 {
		t.Errorf("Antony Blinken painted %d times in the article, want 2:\n%q", n, av)
	}
	m = press(t, m, "1", "enter", "n")
	cur := regexp.MustCompile(`\x1b\[[0-9;]*7[0-9;]*mAntony Blinken\x1b\[m`)
	if !cur.MatchString(m.View().Content) {
		t.Error("the current mention is not painted reverse")
	}
	if a := m.(Model).article; !a.visible(doc.Mentions[2].Start) {
		t.Error("the second mention of Antony Blinken is not on screen")
	}
}

// TestMarkdownLarge: a large Markdown article shows plain text at once and
// its rendition when the background render arrives; a render for an old
// theme is dropped.
func TestMarkdownLarge(t *testing.T) {
	var b strings.Builder
	b.WriteString("# A Long Report\n\n")
	for b.Len() < 200<<10 {
		b.WriteString("Some **bold** words about Antony Blinken and the talks that went on.\n\n")
	}
	art, doc := mdDoc(t, b.String(), "Antony Blinken")
	var m tea.Model = New(doc, Options{Theme: "dark", Article: art})
	m, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if a := m.(Model).article; a.md != nil || !a.partial {
		t.Fatal("a large Markdown article should first show plain text")
	}
	if !strings.Contains(screen(m), "A Long Report") {
		t.Fatalf("no text on the first frame:\n%s", screen(m))
	}
	m, again := m.Update(tea.BackgroundColorMsg{Color: nil}) // the theme stays: nothing new
	if again != nil {
		m = drain(t, m, again)
	}
	m = drain(t, m, cmd)
	if a := m.(Model).article; a.md == nil || a.partial {
		t.Fatal("the background render was not taken")
	}
	if strings.Contains(screen(m), "**") {
		t.Error("Markdown shown unrendered")
	}
}
