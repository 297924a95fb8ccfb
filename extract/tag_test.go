package extract

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTitleOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Accessibility links\n\nBreaking News\n\nBlinken Authorizes Baltic Countries to Send Weapons\n\nBody.", "Blinken Authorizes Baltic Countries to Send Weapons"},
		{"\n\n  Short\n", "Short"},
		{"# Talks in Geneva end without a deal\n\nBody.", "Talks in Geneva end without a deal"},
		{"", ""},
		{strings.Repeat("word ", 40), strings.TrimSpace(strings.Repeat("word ", 19)) + " word…"},
	}
	for _, tt := range tests {
		if got := TitleOf(tt.in); got != tt.want {
			t.Errorf("TitleOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDropOverlaps(t *testing.T) {
	ms := []Mention{
		{Span: Span{0, 4}, Kind: Country},   // "U.S." inside the weapon phrase: kept
		{Span: Span{0, 20}, Kind: Weapon},   // weapon phrase
		{Span: Span{5, 12}, Kind: Weapon},   // shorter weapon inside: dropped
		{Span: Span{30, 40}, Kind: Person},  // a person
		{Span: Span{30, 36}, Kind: Country}, // country word inside the person's name: dropped
		{Span: Span{50, 55}, Kind: Demonym}, // demonym
		{Span: Span{50, 60}, Kind: Country}, // longer country over it: wins
	}
	order := []int{1, 0, 2, 3, 4, 6, 5}
	got := dropOverlaps(nil, ms, order)
	want := []int{1, 0, 3, 6}
	if len(got) != len(want) {
		t.Fatalf("kept %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("kept %v, want %v", got, want)
		}
	}
}

// TestTagInvariants checks what every tagger's output must satisfy, whatever
// it finds: spans on rune boundaries, sorted mentions, entities that list
// their mentions, claims inside the text.
func TestTagInvariants(t *testing.T) {
	for _, text := range invariantTexts {
		checkDoc(t, text, Tag(text))
	}
}

var invariantTexts = []string{
	"",
	"U.S. Secretary of State Antony Blinken said Saturday he authorized Estonia to send U.S.-made anti-tank missiles to Ukraine.",
	"“We will respond,” NATO spokesperson Oana Lungescu said. “Always.” Russian troops massed near the Ukraine border.",
	"LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38 on Friday.",
	"Ж😀 \u202e\x1b[2J Jordan said China bought F-16 jets, Sergei Lavrov told reporters.",
}

func checkDoc(t *testing.T, text string, d *Doc) {
	t.Helper()
	if d.Text != text {
		t.Fatalf("Doc.Text changed")
	}
	inText := func(s Span) bool {
		return 0 <= s.Start && s.Start < s.End && s.End <= len(text) &&
			utf8.RuneStart(text[s.Start]) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
	}
	for i, m := range d.Mentions {
		if !inText(m.Span) {
			t.Errorf("%q: mention %d %+v outside the text or off a rune boundary", text, i, m)
		}
		if i > 0 && d.Mentions[i-1].Start > m.Start {
			t.Errorf("%q: mentions not sorted at %d", text, i)
		}
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			t.Fatalf("%q: mention %d has entity %d of %d", text, i, m.Entity, len(d.Entities))
		}
		e := d.Entities[m.Entity]
		if (m.Kind == Demonym && e.Kind != Country) || (m.Kind != Demonym && e.Kind != m.Kind) {
			t.Errorf("%q: mention kind %v in entity of kind %v", text, m.Kind, e.Kind)
		}
	}
	for ei, e := range d.Entities {
		if len(e.Mentions) == 0 || e.Name == "" {
			t.Errorf("%q: entity %d %+v has no mentions or no name", text, ei, e)
		}
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(d.Mentions) {
				t.Fatalf("%q: entity %d lists mention %d", text, ei, mi)
			}
		}
	}
	for _, c := range d.Claims {
		spans := append([]Span{c.Content}, c.ContentPieces...)
		if c.Source != nil {
			spans = append(spans, *c.Source)
		}
		if c.Cue != nil {
			spans = append(spans, *c.Cue)
		}
		for _, s := range spans {
			if !inText(s) {
				t.Errorf("%q: claim span %+v outside the text", text, s)
			}
		}
		if c.SpeakerEntity >= len(d.Entities) {
			t.Errorf("%q: claim speaker entity %d out of range", text, c.SpeakerEntity)
		}
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range invariantTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the loaders hand Tag valid UTF-8 only
		}
		checkDoc(t, s, Tag(s))
	})
}

// TestHasFields checks hasFields against strings.Fields.
func TestHasFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b c", " a  b\tc d ", "a\u00a0b\u2003c d", "x\xffy z w", "one two three four five", "\u3000a\u3000b\u3000c\u3000"} {
		for n := 1; n <= 5; n++ {
			if got, want := hasFields(s, n), len(strings.Fields(s)) >= n; got != want {
				t.Errorf("hasFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestPreloadAlongsideTag runs Preload while Tag decodes the same models
// (the commands start Preload in a goroutine and may tag before it ends):
// neither may block the other for good or change what Tag finds.
func TestPreloadAlongsideTag(t *testing.T) {
	const text = "Antony Blinken said on Friday that talks with Russia would continue.\n\n" +
		"“We will keep talking,” the NATO spokesperson Oana Lungescu told reporters in Brussels."
	done := make(chan struct{})
	go func() {
		Preload()
		close(done)
	}()
	got := Tag(text)
	<-done
	Preload() // a second call finds the models decoded
	if want := Tag(text); !reflect.DeepEqual(got, want) {
		t.Fatalf("Tag alongside Preload differs from Tag after it:\n%+v\n%+v", got, want)
	}
	if len(got.Claims) == 0 || len(got.Mentions) == 0 {
		t.Fatalf("Tag found %d mentions and %d claims; want some of each", len(got.Mentions), len(got.Claims))
	}
}

// TestTextOrder checks textOrder, with its integer keys and with its
// fallback for a long text, against a stable sort by start, longer first.
func TestTextOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, far := range []int{0, 1 << 24} {
		for n := 0; n < 200; n += 7 {
			ms := make([]Mention, n)
			for i := range ms {
				start := far + rng.IntN(30)
				ms[i] = Mention{Span: Span{start, start + 1 + rng.IntN(5)}, Kind: Kind(rng.IntN(4))}
			}
			want := make([]int, n)
			for i := range want {
				want[i] = i
			}
			slices.SortStableFunc(want, func(x, y int) int {
				if ms[x].Start != ms[y].Start {
					return cmp.Compare(ms[x].Start, ms[y].Start)
				}
				return cmp.Compare(ms[y].End, ms[x].End)
			})
			if got, _ := textOrder(nil, nil, ms); !slices.Equal(got, want) {
				t.Fatalf("far %d, %d mentions: textOrder = %v, want %v", far, n, got, want)
			}
		}
	}
}
