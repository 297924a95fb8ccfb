package article

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func TestMarkdownText(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"heading and paragraph", "# Talks resume\n\nThe *envoys* met **again**.\n", "Talks resume\n\nThe envoys met again."},
		{"soft break is a space", "one\ntwo\n", "one two"},
		{"hard breaks", "one  \ntwo\\\nthree\n", "one\ntwo\nthree"},
		{"escapes and entities", "a \\*b\\* &amp; &#8217; &#x2013;\n", "a *b* & ’ –"},
		{"entity to a control is sanitized", "bell&#7; esc&#27;[2J\n", "bell␇ esc␛[2J"},
		{"lists", "- one\n- two\n  1. inner\n", "one\n\ntwo\n\ninner"},
		{"quote", "> said she\n> today\n", "said she today"},
		{"links and code", "see [the report](https://x.example/r) and `x := 1`\n", "see the report and x := 1"},
		{"autolinks", "<https://a.example> and https://b.example\n", "https://a.example and https://b.example"},
		{"image and html dropped", "![a chart](c.png) text <b>bold</b>\n", " text bold"},
		{"code block", "```go\nfmt.Println(1)\n```\n\nafter\n", "fmt.Println(1)\n\nafter"},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n", "a\tb\n\n1\t2"},
		{"setext heading", "Title\n=====\n\nBody\n", "Title\n\nBody"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromMarkdown("t.md", tt.md)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tt.want {
				t.Errorf("Text of %q = %q, want %q", tt.md, a.Text, tt.want)
			}
			if a.Format != FormatMarkdown || a.Markdown != tt.md {
				t.Errorf("Format %v, Markdown %q", a.Format, a.Markdown)
			}
		})
	}
}

// TestMarkdownSpan checks that words of the text map back to the Markdown
// bytes they came from.
func TestMarkdownSpan(t *testing.T) {
	md := "# Envoy *Anneke Sollberg*\n\nTalks with A \\*B\\* &amp; Co.\nin **Casmere**, said\n[Tomas Reinholt](https://x.example).\n"
	a, err := FromMarkdown("t.md", md)
	if err != nil {
		t.Fatal(err)
	}
	const wantText = "Envoy Anneke Sollberg\n\nTalks with A *B* & Co. in Casmere, said Tomas Reinholt."
	if a.Text != wantText {
		t.Fatalf("Text = %q, want %q", a.Text, wantText)
	}
	tests := []struct{ text, md string }{
		{"Anneke Sollberg", "Anneke Sollberg"},
		{"*B* & Co.", "\\*B\\* &amp; Co."},
		{"&", "&amp;"},
		{"Co. in Casmere", "Co.\nin **Casmere"},
		{"Casmere", "Casmere"},
		{"Tomas Reinholt", "Tomas Reinholt"},
	}
	for _, tt := range tests {
		s := strings.Index(a.Text, tt.text)
		ms, me := a.MarkdownSpan(s, s+len(tt.text))
		if got := md[ms:me]; got != tt.md {
			t.Errorf("MarkdownSpan(%q) = %q, want %q", tt.text, got, tt.md)
		}
		if a.MarkdownOffset(s) != ms {
			t.Errorf("MarkdownOffset(%d) = %d, want %d", s, a.MarkdownOffset(s), ms)
		}
	}
	if got := a.MarkdownOffset(len(a.Text)); got != strings.LastIndex(md, ".")+1 {
		t.Errorf("MarkdownOffset(end) = %d", got)
	}
}

func TestMarkdownOffsetPlainText(t *testing.T) {
	a := FromText("t.txt", "Plain *text*")
	if a.Markdown != "" || a.MarkdownOffset(6) != 6 {
		t.Errorf("plain text: Markdown %q, offset %d", a.Markdown, a.MarkdownOffset(6))
	}
	if s, e := a.MarkdownSpan(1, 3); s != 1 || e != 3 {
		t.Errorf("MarkdownSpan = %d, %d", s, e)
	}
}

func TestMarkMentions(t *testing.T) {
	const s, e = "\u2062", "\u2063"
	tests := []struct {
		name   string
		md     string
		spans  [][2]int
		want   string
		owners []int
	}{
		{"one word", "said Reinholt today", [][2]int{{5, 13}}, "said " + s + "Reinholt" + e + " today", []int{0}},
		{"inside emphasis", "**Anneke Sollberg** said", [][2]int{{2, 17}}, "**" + s + "Anneke Sollberg" + e + "** said", []int{0}},
		{"across emphasis edge", "Anneke **Sollberg** said", [][2]int{{0, 17}}, s + "Anneke" + e + " **" + s + "Sollberg" + e + "** said", []int{0, 0}},
		{"not beside a closer", "to _reporters_. Then", [][2]int{{4, 20}}, "to _" + s + "reporters" + e + "_." + s + " Then" + e, []int{0, 0}},
		{"across soft break", "Tomas\nReinholt", [][2]int{{0, 14}}, s + "Tomas" + e + "\n" + s + "Reinholt" + e, []int{0, 0}},
		{"link label, not URL", "[Casmere](https://casmere.example)", [][2]int{{0, 34}}, "[" + s + "Casmere" + e + "](https://casmere.example)", []int{0}},
		{"not in code", "use `Ostmark` here", [][2]int{{5, 12}}, "use `Ostmark` here", []int{}},
		{"not in autolink", "<https://ostmark.example>", [][2]int{{1, 24}}, "<https://ostmark.example>", []int{}},
		{"entity widened", "A &amp; B", [][2]int{{3, 5}}, "A " + s + "&amp;" + e + " B", []int{0}},
		{"escape widened", "a \\*b", [][2]int{{3, 5}}, "a " + s + "\\*b" + e, []int{0}},
		{"unsorted, overlapping skipped", "Veloria and Ostmark", [][2]int{{12, 19}, {0, 7}, {3, 9}}, s + "Veloria" + e + " and " + s + "Ostmark" + e, []int{1, 0}},
		{"quote prefix untouched", "> Veloria\n> Ostmark", [][2]int{{2, 19}}, "> " + s + "Veloria" + e + "\n> " + s + "Ostmark" + e, []int{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, owners := MarkMentionsOwners(tt.md, tt.spans)
			if got != tt.want {
				t.Errorf("MarkMentions = %q, want %q", got, tt.want)
			}
			if len(owners) != len(tt.owners) || (len(owners) > 0 && !equalInts(owners, tt.owners)) {
				t.Errorf("owners = %v, want %v", owners, tt.owners)
			}
			if MarkMentions(tt.md, tt.spans) != got {
				t.Error("MarkMentions differs from MarkMentionsOwners")
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestMarkMentionsKeepsStructure marks every word of a Markdown document and
// checks that the rendered HTML, markers removed, is what it was unmarked:
// the markers never change how the Markdown parses.
func TestMarkMentionsKeepsStructure(t *testing.T) {
	md := "# Talks in *Casmere*\n\n**Tomas Reinholt** said: “We came back.”\n\n" +
		"> Anneke Sollberg, of [Ostmark](https://o.example), spoke\n> to _reporters_.\n\n" +
		"- Veloria\n- Ostmark's navy\n\nCode `x` and A \\*B\\* &amp; C, 1990s.\n"
	a, err := FromMarkdown("t.md", md)
	if err != nil {
		t.Fatal(err)
	}
	var spans [][2]int
	for i := 0; i < len(a.Text); {
		j := strings.IndexAny(a.Text[i:], " \n")
		if j < 0 {
			j = len(a.Text) - i
		}
		if j > 0 {
			s, e := a.MarkdownSpan(i, i+j)
			spans = append(spans, [2]int{s, e})
		}
		i += j + 1
	}
	marked := MarkMentions(md, spans)
	if strings.Count(marked, "\u2062") < 20 {
		t.Fatalf("too few markers: %q", marked)
	}
	strip := strings.NewReplacer("\u2062", "", "\u2063", "")
	if got, want := strip.Replace(render(t, marked)), render(t, md); got != want {
		t.Errorf("marked Markdown renders differently:\n%s\nwant\n%s", got, want)
	}
}

func render(t *testing.T, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
