package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a\tb", "a    b"},
		{"crlf\r", "crlf"},
		{"esc\x1b[31m", "esc␛[31m"},
		{"bell\x07", "bell␇"},
		{"del\x7f", "del␡"},
		{"c1\u009b", "c1\uFFFD"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
		{"bidi\u202eevil", "bidievil"},
		{"wide 漢字", "wide 漢字"},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in); got != tt.want {
			t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "one two three", 20, []string{"one two three"}},
		{"breaks", "one two three", 8, []string{"one two", "three"}},
		{"paragraphs", "one\n\ntwo", 20, []string{"one", "", "two"}},
		{"blank runs collapse", "one\n\n\n\n two", 20, []string{"one", "", "two"}},
		{"leading blanks dropped", "\n\none", 20, []string{"one"}},
		{"hard break", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"wide runes", "漢字漢字 漢字", 4, []string{"漢字", "漢字", "漢字"}},
		{"tabs count four", "a\tb c", 6, []string{"a\tb", "c"}},
		{"width one", "ab c", 1, []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range wrap(tt.text, tt.width) {
				got = append(got, tt.text[l.start:l.end])
				if w := cellWidth(tt.text[l.start:l.end]); w > tt.width {
					t.Errorf("line %q is %d cells, wider than %d", tt.text[l.start:l.end], w, tt.width)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func TestMarkIndex(t *testing.T) {
	x := newMarkIndex([]mark{
		{extract.Span{Start: 30, End: 40}, markPerson},
		{extract.Span{Start: 0, End: 100}, markClaim}, // long: found from anywhere
		{extract.Span{Start: 10, End: 12}, markWeapon},
	})
	tests := []struct {
		a, b int
		want int
	}{{0, 5, 1}, {10, 11, 2}, {12, 30, 1}, {35, 36, 2}, {100, 200, 0}, {99, 100, 1}}
	for _, tt := range tests {
		if got := len(x.overlapping(nil, tt.a, tt.b)); got != tt.want {
			t.Errorf("overlapping(%d, %d) = %d marks, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSplitHeights(t *testing.T) {
	tests := []struct {
		total int
		want  []int
		pri   int
		out   []int
	}{
		{23, []int{12, 15, 3, 42}, -1, []int{7, 7, 3, 6}},
		{23, []int{3, 3, 3, 3}, -1, []int{3, 3, 3, 14}},
		{5, []int{9, 9, 9, 9}, 2, []int{1, 1, 2, 1}},
		{0, []int{9, 9, 9, 9}, -1, []int{0, 0, 0, 0}},
	}
	for _, tt := range tests {
		if got := splitHeights(tt.total, tt.want, tt.pri); !slices.Equal(got, tt.out) {
			t.Errorf("splitHeights(%d, %v, %d) = %v, want %v", tt.total, tt.want, tt.pri, got, tt.out)
		}
	}
}
