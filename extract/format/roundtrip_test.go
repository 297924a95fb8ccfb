package format

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract"
)

// unicodeText has what breaks offset code: a decomposed accent (e +
// U+0301), emoji of several code points, a flag, CRLF line ends, a name cut
// by a line break, and a quotation split around its attribution.
const unicodeText = "Ukraine\u2019s ally Jose\u0301 Mari\u0301a Ferna\u0301ndez \U0001F44D\U0001F3FD said:\r\n" +
	"\u201cWe will send U.S.-made Javelin missiles,\u201d he said. \u201cSoon.\u201d\r\n" +
	"The Ukrai\u0301nian army\r\nthanks Antony\r\nBlinken \U0001F1FA\U0001F1E6.\r\n"

// at returns the byte span of the n-th (0-based) occurrence of sub in s.
func at(t testing.TB, s, sub string, n int) extract.Span {
	t.Helper()
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			t.Fatalf("%q not found %d times", sub, n+1)
		}
		if n == 0 {
			return extract.Span{Start: off + i, End: off + i + len(sub)}
		}
		n--
		off += i + len(sub)
	}
}

// unicodeDoc is a hand-made Doc over unicodeText with nested mentions, a
// weapon listed by two entities, and a claim in two pieces.
func unicodeDoc(t testing.TB) *extract.Doc {
	s := unicodeText
	sp := func(sub string, n int) extract.Span { return at(t, s, sub, n) }
	d := &extract.Doc{ID: "unicode.txt", Title: "Unicode", Text: s,
		Entities: []extract.Entity{
			{Kind: extract.Country, Name: "Ukraine", ISO2: "UA", ISO3: "UKR"},
			{Kind: extract.Person, Name: "Jose\u0301 Mari\u0301a Ferna\u0301ndez", Role: "ally"},
			{Kind: extract.Weapon, Name: "Javelin", Class: "anti-tank missile"},
			{Kind: extract.Weapon, Name: "missile"},
			{Kind: extract.Country, Name: "United States", ISO2: "US", ISO3: "USA"},
			{Kind: extract.Person, Name: "Antony Blinken"},
		},
		Mentions: []extract.Mention{
			{Span: sp("Ukraine", 0), Kind: extract.Country, Entity: 0},
			{Span: sp("Jose\u0301 Mari\u0301a Ferna\u0301ndez", 0), Kind: extract.Person, Entity: 1},
			{Span: sp("U.S.-made Javelin missiles", 0), Kind: extract.Weapon, Entity: 2},
			{Span: sp("U.S.", 0), Kind: extract.Country, Entity: 4},
			{Span: sp("Ukrai\u0301nian", 0), Kind: extract.Demonym, Entity: 0},
			{Span: sp("Antony\r\nBlinken", 0), Kind: extract.Person, Entity: 5},
			{Span: sp("\U0001F1FA\U0001F1E6", 0), Kind: extract.Country, Entity: 0},
		},
	}
	for i, m := range d.Mentions {
		d.Entities[m.Entity].Mentions = append(d.Entities[m.Entity].Mentions, i)
	}
	d.Entities[3].Mentions = []int{2}
	q1, q2 := sp("\u201cWe will send U.S.-made Javelin missiles,\u201d", 0), sp("\u201cSoon.\u201d", 0)
	src, cue := sp("he", 0), sp("said", 1)
	d.Claims = []extract.Claim{{Source: &src, Cue: &cue, Content: extract.Span{Start: q1.Start, End: q2.End},
		ContentPieces: []extract.Span{q1, q2}, Speaker: d.Entities[1].Name, SpeakerEntity: 1, Kind: extract.Direct}}
	return d
}

// TestRoundTrip writes a Doc, reads it back and writes it again: the bytes
// must not change, and what the reader rebuilt must say what the Doc said.
func TestRoundTrip(t *testing.T) {
	docs := map[string]*extract.Doc{"sample": sampleDoc(t), "unicode": unicodeDoc(t)}
	for name, d := range docs {
		t.Run("json/"+name, func(t *testing.T) {
			var b1, b2 bytes.Buffer
			WriteJSON(&b1, d)
			d2, err := ReadJSON(bytes.NewReader(b1.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			WriteJSON(&b2, d2)
			if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
				t.Errorf("json changed on a round trip:\n%s", firstDiff(b1.Bytes(), b2.Bytes()))
			}
			checkSame(t, d, d2)
		})
		t.Run("brat/"+name, func(t *testing.T) {
			var b1, b2 bytes.Buffer
			WriteBrat(&b1, d)
			d2, err := ReadBrat(strings.NewReader(d.Text), bytes.NewReader(b1.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			WriteBrat(&b2, d2)
			if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
				t.Errorf("brat changed on a round trip:\n%s", firstDiff(b1.Bytes(), b2.Bytes()))
			}
			d2.ID, d2.Title = d.ID, d.Title // brat keeps neither
			checkSame(t, d, d2)
		})
	}
}

// checkSame compares two Docs through their JSON (which spells out every
// mention with its entities and every claim) and their claims' speakers.
func checkSame(t *testing.T, want, got *extract.Doc) {
	t.Helper()
	jw, _ := json.MarshalIndent(ToJSON(want), "", " ")
	jg, _ := json.MarshalIndent(ToJSON(got), "", " ")
	if !bytes.Equal(jw, jg) {
		t.Errorf("the Doc read back differs:\n%s", firstDiff(jw, jg))
	}
	for i := range min(len(want.Claims), len(got.Claims)) {
		w, g := want.Claims[i].SpeakerEntity, got.Claims[i].SpeakerEntity
		if (w < 0) != (g < 0) || (w >= 0 && want.Entities[w].Name != got.Entities[g].Name) {
			t.Errorf("claim %d: speaker entity %d, want %d", i, g, w)
		}
	}
}
