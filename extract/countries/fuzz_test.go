package countries

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// FuzzFind checks that no input panics and that every match is a valid,
// ordered, non-overlapping span on rune boundaries.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"", "U.S.-made", "Atlanta, Georgia", "Michael Jordan said", "Côte d'Ivoire",
		"U.S.\n", "-Russian-", "Bank of the", "U.S.-", "Korea-", "the UK-France summit",
		"Guinea-Bissau", "S.KOREAN", "\xff\xfeRussia", "of the Russia",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		a := text.Analyze(src)
		if ws, ref := splitWords(a.Tokens, src, nil), refSplitWords(a.Tokens, src); !slices.Equal(ws, ref) {
			t.Fatalf("splitWords(%q) =\n%+v\nreference\n%+v", src, ws, ref)
		}
		last := 0
		for _, m := range Find(a, []text.Span{{Start: 0, End: 1}}) {
			if m.Start < last || m.Start >= m.End || m.End > len(src) {
				t.Fatalf("bad span %v after %d in %q", m.Span, last, src)
			}
			// Boundaries are only defined for valid UTF-8: a stray
			// continuation byte (testdata/fuzz) ends a word without starting
			// a rune.
			if utf8.ValidString(src) && (!utf8.RuneStart(src[m.Start]) || m.End < len(src) && !utf8.RuneStart(src[m.End])) {
				t.Fatalf("span %v not on rune boundaries in %q", m.Span, src)
			}
			if m.Country == nil {
				t.Fatalf("match without country in %q", src)
			}
			last = m.End
		}
	})
}

// refSplitWords is splitWords as it was before it looked for the hyphens in
// the whole text: it tests every token.
func refSplitWords(toks []text.Token, src string) []word {
	var ws []word
	for _, t := range toks {
		if !hasInnerHyphen(t.Text) {
			ws = append(ws, t)
			continue
		}
		s := t.Start
		for k := t.Start; k <= t.End; k++ {
			if k == t.End || src[k] == '-' {
				if k > s {
					ws = append(ws, word{Start: s, End: k, Text: src[s:k]})
				}
				s = k + 1
			}
		}
	}
	return ws
}
