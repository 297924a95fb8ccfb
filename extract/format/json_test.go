package format

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract"
)

// docWith builds a Doc whose mentions are found by searching for their text.
func docWith(t *testing.T, text string, ms ...struct {
	text string
	kind extract.Kind
	name string
}) *extract.Doc {
	t.Helper()
	d := &extract.Doc{ID: "t", Text: text}
	byName := map[string]int{}
	from := 0
	for _, m := range ms {
		i := strings.Index(text[from:], m.text)
		if i < 0 {
			t.Fatalf("%q not in text after %d", m.text, from)
		}
		start := from + i
		from = start + len(m.text)
		e, ok := byName[m.name]
		if !ok {
			k := m.kind
			if k == extract.Demonym {
				k = extract.Country
			}
			d.Entities = append(d.Entities, extract.Entity{Kind: k, Name: m.name})
			e = len(d.Entities) - 1
			byName[m.name] = e
		}
		d.Mentions = append(d.Mentions, extract.Mention{Span: extract.Span{Start: start, End: from}, Kind: m.kind, Entity: e})
		d.Entities[e].Mentions = append(d.Entities[e].Mentions, len(d.Mentions)-1)
	}
	return d
}

type ment = struct {
	text string
	kind extract.Kind
	name string
}

func TestToJSONCodePointOffsets(t *testing.T) {
	// Non-ASCII before the mentions: é (2 bytes), 🙂 (4 bytes, 1 code point), e+combining accent.
	text := "Café 🙂 naïve: Антоний Blinken met Russian diplomats."
	d := docWith(t, text,
		ment{"Антоний Blinken", extract.Person, "Антоний Blinken"},
		ment{"Russian", extract.Demonym, "Russia"})
	d.Entities[1].ISO2, d.Entities[1].ISO3 = "RU", "RUS"
	j := ToJSON(d)
	runes := []rune(text)
	want := []struct {
		start, end int
		typ, text  string
	}{{14, 29, "person", "Антоний Blinken"}, {34, 41, "demonym", "Russian"}}
	if len(j.Entities) != len(want) {
		t.Fatalf("got %d entities, want %d", len(j.Entities), len(want))
	}
	for i, w := range want {
		g := j.Entities[i]
		if g.Start != w.start || g.End != w.end || g.Type != w.typ || g.Text != w.text {
			t.Errorf("entity %d = %+v, want %+v", i, g, w)
		}
		if string(runes[g.Start:g.End]) != g.Text {
			t.Errorf("entity %d: runes[%d:%d] = %q, want %q", i, g.Start, g.End, string(runes[g.Start:g.End]), g.Text)
		}
	}
	if j.Entities[1].Entity != "Russia" || j.Entities[1].ISO3 != "RUS" {
		t.Errorf("demonym should name its country with ISO codes: %+v", j.Entities[1])
	}
}

func TestToJSONClaims(t *testing.T) {
	text := "“Wé won,” she said. “Again.”"
	d := &extract.Doc{Text: text}
	src := extract.Span{Start: strings.Index(text, "she"), End: strings.Index(text, "she") + 3}
	d.Claims = []extract.Claim{{
		Source: &src, Content: extract.Span{Start: 0, End: len(text)}, Speaker: "Ana",
		ContentPieces: []extract.Span{{Start: 0, End: strings.Index(text, " she")}, {Start: strings.LastIndex(text, "“"), End: len(text)}},
		SpeakerEntity: -1, Kind: extract.Direct,
	}}
	var b bytes.Buffer
	if err := WriteJSONLine(&b, d); err != nil {
		t.Fatal(err)
	}
	want := `"claims":[{"source":[10,13],"cue":null,"content":[0,28],"content_pieces":[[0,9],[20,28]],"text":"“Wé won,” she said. “Again.”","speaker":"Ana","kind":"direct"}]`
	if !strings.Contains(b.String(), want) {
		t.Errorf("got %s\nwant it to contain %s", b.String(), want)
	}
	var back map[string]any
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || !strings.HasSuffix(b.String(), "}\n") || strings.Count(b.String(), "\n") != 1 {
		t.Errorf("not one JSON line: %v %q", err, b.String())
	}
}

func TestOffsetsRoundTrip(t *testing.T) {
	for _, text := range []string{"", "plain ascii", "é🙂e\u0301\r\nx", "Антоний"} {
		o := NewOffsets(text)
		r := 0
		for b := range text {
			if got := o.Rune(b); got != r {
				t.Errorf("%q: Rune(%d) = %d, want %d", text, b, got, r)
			}
			if back, ok := o.Byte(r); !ok || back != b {
				t.Errorf("%q: Byte(%d) = %d,%v, want %d", text, r, back, ok, b)
			}
			r++
		}
		if got := o.Rune(len(text)); got != r {
			t.Errorf("%q: Rune(len) = %d, want %d", text, got, r)
		}
	}
}

func TestReadJSONL(t *testing.T) {
	in := "{\"id\": 7, \"text\": \"a\"}\n\nnot json\n{\"id\": \"x\"}\n{\"text\": 3}\n{\"id\": \"z\", \"text\": \"b\", \"extra\": [1]}\n"
	var got []string
	var bad []string
	err := ReadJSONL(strings.NewReader(in), func(d Input) error {
		got = append(got, d.ID+"="+d.Text+"@"+string(d.RawID))
		return nil
	}, func(e *LineError) { bad = append(bad, e.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != `7=a@7,z=b@"z"` {
		t.Errorf("documents = %v", got)
	}
	wantBad := []string{"line 3: not a JSON object", "line 4: no \"text\" field", "line 5: \"text\" is not a string"}
	if len(bad) != len(wantBad) {
		t.Fatalf("errors = %q, want %d", bad, len(wantBad))
	}
	for i := range bad {
		if !strings.HasPrefix(bad[i], wantBad[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, bad[i], wantBad[i])
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add("{\"id\":1,\"text\":\"x\"}\n{bad\n")
	f.Add("{\"text\":\"\\ud800\"}")
	f.Fuzz(func(t *testing.T, s string) {
		_ = ReadJSONL(strings.NewReader(s), func(Input) error { return nil }, func(*LineError) {})
	})
}
