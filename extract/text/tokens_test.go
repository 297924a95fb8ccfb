package text

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"Antony Blinken said.", "Antony|Blinken|said|."},
		{"the U.S. and Russia", "the|U.S.|and|Russia"},
		{"U.S.-made missiles", "U.S.|-|made|missiles"},
		{"Ukraine’s border", "Ukraine|’s|border"},
		{"Germany's army", "Germany|'s|army"},
		{"don't stop", "don't|stop"},
		{"on Jan. 21, 2022.", "on|Jan.|21|,|2022|."},
		{"J. R. R. Tolkien", "J.|R.|R.|Tolkien"},
		{"anti-tank weapons", "anti-tank|weapons"},
		{"“We fight,” he said.", "“|We|fight|,|”|he|said|."},
		{"costs 1,000.50 dollars", "costs|1,000.50|dollars"},
		{"@NATO Allies", "@|NATO|Allies"},
		{"António Guterres", "António|Guterres"},
		{"wait -- no", "wait|--|no"},
		{"it ended...", "it|ended|..."},
		{"said.The end", "said|.|The|end"},
		{"AT&T shares", "AT&T|shares"},
		{"", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.in) {
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q has offsets %d:%d that slice %q", tt.in, tok.Text, tok.Start, tok.End, tt.in[tok.Start:tok.End])
			}
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"He left. She stayed.", []string{"He left .", "She stayed ."}},
		{"They met in the U.S. on Friday.", []string{"They met in the U.S. on Friday ."}},
		{"It grew in the U.S. The talks failed.", []string{"It grew in the U.S.", "The talks failed ."}},
		{"“We won,” he said. “Next.”", []string{"“ We won , ” he said .", "“ Next . ”"}},
		{"LONDON 1996-08-30\nWest Indian all-rounder", []string{"LONDON 1996-08-30", "West Indian all-rounder"}},
		{"a line that is\nwrapped by hand.", []string{"a line that is wrapped by hand ."}},
		{"One.\n\ntwo", []string{"One .", "two"}},
		{"Mr. Smith came.", []string{"Mr. Smith came ."}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for _, s := range Sentences(tt.in, toks) {
			var w []string
			for _, tok := range toks[s.First:s.Last] {
				w = append(w, tok.Text)
			}
			got = append(got, strings.Join(w, " "))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Sentences(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
		}
		if a := Analyze(tt.in); !slices.Equal(a.Sentences, Sentences(tt.in, toks)) {
			t.Errorf("Analyze(%q).Sentences = %+v, Sentences gives %+v", tt.in, a.Sentences, Sentences(tt.in, toks))
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S.-made", "“Quote,” he said.", "a\n\nb", "\xff\xfe", "...", "1,2,3", "’s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		if ref := refTokenize(s); !slices.Equal(toks, ref) {
			t.Fatalf("Tokenize(%q) =\n%+v\nreference\n%+v", s, toks, ref)
		}
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			prev = tok.End
		}
		sents := Sentences(s, toks)
		ref := refSentences(s, toks)
		if !slices.Equal(sents, ref) {
			t.Fatalf("Sentences(%q) =\n%+v\nreference\n%+v", s, sents, ref)
		}
		if a := Analyze(s); !slices.Equal(a.Tokens, toks) || !slices.Equal(a.Sentences, ref) {
			t.Fatalf("Analyze(%q) =\n%+v\n%+v\nreference\n%+v", s, a.Tokens, a.Sentences, ref)
		}
		next := 0
		for _, se := range sents {
			if se.First != next || se.Last <= se.First {
				t.Fatalf("sentences do not tile the tokens: %+v", sents)
			}
			next = se.Last
		}
		if next != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	s := strings.Repeat("U.S. Secretary of State Antony Blinken said Saturday he authorized the Baltic nations to send U.S.-made anti-tank missiles to Ukraine. “We fully endorse it,” he said. ", 200)
	words := len(strings.Fields(s))
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := Analyze(s)
		_ = a
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestASCIIClass checks the ASCII fast path's table against the unicode
// predicates it replaces.
func TestASCIIClass(t *testing.T) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		word := unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)
		space := unicode.IsSpace(c) || c == '\u200b' || c == '\ufeff'
		if got := asciiClass[c]&aWord != 0; got != word {
			t.Errorf("%q: word %v, want %v", c, got, word)
		}
		if got := asciiClass[c]&aSpace != 0; got != space {
			t.Errorf("%q: space %v, want %v", c, got, space)
		}
		if got := asciiClass[c]&aJoin != 0; got != isJoiner(c) {
			t.Errorf("%q: joiner %v, want %v", c, got, isJoiner(c))
		}
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		if asciiClass[c] != aMulti {
			t.Errorf("byte %#x: class %#x, want aMulti only", c, asciiClass[c])
		}
	}
}

// TestEndingAfter checks endingAfter against a walk token by token.
func TestEndingAfter(t *testing.T) {
	s := "U.S.-made anti-tank missiles -- and 1996-08-30, a x-y-z b"
	toks := Tokenize(s)
	for k := 0; k <= len(toks)+1; k++ {
		for off := -1; off <= len(s)+1; off++ {
			want := k
			for want < len(toks) && toks[want].End <= off {
				want++
			}
			if got := endingAfter(toks, k, off); got != want {
				t.Fatalf("endingAfter(%d, %d) = %d, want %d", k, off, got, want)
			}
		}
	}
	if got := endingAfter(nil, 0, 5); got != 0 {
		t.Errorf("endingAfter(nil) = %d", got)
	}
}

// TestTokensHolding checks TokensHolding against a walk token by token,
// and that it stops when the loop breaks.
func TestTokensHolding(t *testing.T) {
	for _, s := range []string{
		"",
		"no hyphen here",
		"U.S.-made anti-tank missiles -- and 1996-08-30, a x-y-z b",
		"- -a a- -- a-b-c-d -",
		"tail-",
	} {
		toks := Tokenize(s)
		var want, got []int
		for k, tok := range toks {
			if strings.IndexByte(tok.Text, '-') >= 0 {
				want = append(want, k)
			}
		}
		for k := range TokensHolding(toks, s, '-') {
			got = append(got, k)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: TokensHolding = %v, want %v", s, got, want)
		}
		for range TokensHolding(toks, s, '-') {
			break // must not panic: yield is not called again
		}
	}
}
