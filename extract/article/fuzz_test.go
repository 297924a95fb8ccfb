package article

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// checkSafe fails when s could do something to a terminal or is not UTF-8.
func checkSafe(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s is not UTF-8: %q", what, s)
	}
	for _, r := range s {
		if r == esc || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) {
			t.Fatalf("%s has control %U: %q", what, r, s)
		}
	}
}

// checkArticle checks what any loaded article must satisfy.
func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	checkSafe(t, "Text", a.Text)
	checkSafe(t, "Markdown", a.Markdown)
	checkSafe(t, "Title", a.Meta.Title)
	if a.Markdown == "" {
		return
	}
	if len(a.start) != len(a.Text) || len(a.end) != len(a.Text) {
		t.Fatalf("offset map has %d/%d entries for %d bytes", len(a.start), len(a.end), len(a.Text))
	}
	for i := range a.start {
		if a.start[i] < 0 || a.start[i] > a.end[i] || a.end[i] > len(a.Markdown) {
			t.Fatalf("byte %d maps to [%d, %d) in %d bytes", i, a.start[i], a.end[i], len(a.Markdown))
		}
	}
	n := min(len(a.Text), 50)
	s, e := a.MarkdownSpan(0, n)
	marked := MarkMentions(a.Markdown, [][2]int{{s, e}})
	if strings.Count(marked, string(MarkStart)) != strings.Count(marked, string(MarkEnd)) {
		t.Fatalf("unbalanced markers: %q", marked)
	}
}

// noHang crashes the fuzzing process when one input takes more than 10 s,
// so that the fuzzer keeps it as a crasher instead of waiting on it; call
// the function it returns when done.
func noHang(b []byte) func() {
	t := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("input of %d bytes took over 10 s: %.200q", len(b), b)) })
	return func() { t.Stop() }
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"Hello", "\xef\xbb\xbfCafé\r\n", "\xff\xfeH\x00i\x00", "\xfe\xff\x00H", "\x93Caf\xe9\x94",
		"a\x1b]52;c;eA==\x07b\x1b[2J", "\u202Eabc", "caf\xc3\xa9 \xff", "\x00\x01"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		defer noHang(b)()
		d, err := Decode(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) || strings.Contains(d.Text, "\r") {
			t.Fatalf("Decode(%q) = %q", b, d.Text)
		}
		s := Sanitize(d.Text)
		checkSafe(t, "Sanitize", s)
		if Sanitize(s) != s {
			t.Fatalf("Sanitize not idempotent on %q", s)
		}
		a, err := fromBytes(b, FormatMarkdown, "")
		if err == nil {
			checkArticle(t, a)
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, name := range []string{"news.html", "quotes.html", "cp1252.html"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"<p>x</p>", "<html><body><ul><li><p>a<li>b</ul><pre>`</pre>", "<blockquote><h1>*_x_*</h1><a href='javascript:x'>y</a></blockquote>",
		"<p>&#27;[2J<br><br>1. # - > x</p><table><tr><td>a|b</td></tr></table>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 64<<10 {
			return
		}
		defer noHang(b)()
		a, err := fromHTML(b, "", "https://news.example/a/")
		if err != nil {
			return
		}
		checkArticle(t, a)
		if a.Format != FormatHTML {
			t.Fatalf("format %v", a.Format)
		}
	})
}
