package ner

import (
	"testing"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// FuzzFind checks that no input panics and that every mention is a
// well-formed span of the text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"", " ", "Mr", "'s", "LONDON 1996-08-30", "Secretary of State Antony Blinken’s visit.",
		"Sergei Lavrov met Sergey Lavrov.", "\n\n\u00a0\u200b", "al- bin de van", "J. R. R.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := text.Analyze(s)
		for _, p := range Find(a) {
			if p.Name == "" || len(p.Mentions) == 0 {
				t.Fatalf("empty person %+v", p)
			}
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
					t.Fatalf("bad span %+v in %q", m, s)
				}
				if utf8.ValidString(s) && !utf8.ValidString(s[m.Start:m.End]) {
					t.Fatalf("span %+v splits a character in %q", m, s)
				}
			}
		}
	})
}
