package weapons

import (
	"testing"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// FuzzFind checks that no input panics and that every match is a valid,
// ordered, non-overlapping span with a group name.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"They sent U.S.-made anti-tank and anti-aircraft missiles to Ukraine.",
		"Fighter, attack, bomber and remotely piloted aircraft conducted strikes.",
		"bomb-damaged", "snipers' bullets", "155 mm shells", "F-16V T-72B3s", "Iraqi air force planes",
		"and , or anti-tank", "U.S.-led coalition", "- made missiles", "Patriot", "mine",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		a := text.Analyze(src)
		end := 0
		for _, m := range Find(a, []text.Span{{Start: 0, End: 1}}) {
			if m.Start < end || m.End <= m.Start || m.End > len(src) || len(m.Groups) == 0 || m.Groups[0] == "" {
				t.Fatalf("bad match %+v in %q", m, src)
			}
			end = m.End
		}
	})
}
