package format

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// unicodeSlices is what text[start:end] must give, in Python or with Go's
// []rune, for each mention of unicodeDoc and then the claim's content,
// pieces, source and cue: written out, not computed.
var unicodeSlices = []string{
	"Ukraine",
	"Jose\u0301 Mari\u0301a Ferna\u0301ndez",
	"U.S.-made Javelin missiles",
	"U.S.",
	"Ukrai\u0301nian",
	"Antony\r\nBlinken",
	"\U0001F1FA\U0001F1E6",
	"\u201cWe will send U.S.-made Javelin missiles,\u201d he said. \u201cSoon.\u201d",
	"\u201cWe will send U.S.-made Javelin missiles,\u201d",
	"\u201cSoon.\u201d",
	"he",
	"said",
}

// sliceJSON slices a JSON export's text with []rune, as Python slices str.
func sliceJSON(t *testing.T, b []byte) []string {
	var j JSONDoc
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	r := []rune(j.Text)
	var out []string
	for _, e := range j.Entities {
		out = append(out, string(r[e.Start:e.End]))
	}
	for _, c := range j.Claims {
		out = append(out, string(r[c.Content[0]:c.Content[1]]))
		for _, p := range c.ContentPieces {
			out = append(out, string(r[p[0]:p[1]]))
		}
		out = append(out, string(r[c.Source[0]:c.Source[1]]), string(r[c.Cue[0]:c.Cue[1]]))
	}
	return out
}

// pythonSlicer prints, as a JSON list, the slices of a dossier JSON file
// and of a spaCy JSONL file given as arguments.
const pythonSlicer = `
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
t = d["text"]
out = [t[e["start"]:e["end"]] for e in d["entities"]]
for c in d["claims"]:
    out.append(t[c["content"][0]:c["content"][1]])
    out += [t[a:b] for a, b in c.get("content_pieces", [])]
    out += [t[c["source"][0]:c["source"][1]], t[c["cue"][0]:c["cue"][1]]]
s = json.loads(open(sys.argv[2], encoding="utf-8").readline())
out += [s["text"][x["start"]:x["end"]] for x in s["spans"]]
json.dump(out, sys.stdout)
`

// TestUnicodeOffsets exports an article with emoji, combining accents and
// CRLF line ends and checks that code-point offsets slice out the mentions,
// in Go and, when python3 is installed, in Python.
func TestUnicodeOffsets(t *testing.T) {
	d := unicodeDoc(t)
	var js, sp bytes.Buffer
	if err := WriteJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteSpacy(&sp, d); err != nil {
		t.Fatal(err)
	}
	if got := sliceJSON(t, js.Bytes()); !slices.Equal(got, unicodeSlices) {
		t.Errorf("Go slices of the JSON:\n got  %q\n want %q", got, unicodeSlices)
	}
	want := append(slices.Clone(unicodeSlices), unicodeSlices[:len(d.Mentions)]...)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 on PATH: the Python slicing is not checked")
	}
	dir := t.TempDir()
	jf, sf := filepath.Join(dir, "doc.json"), filepath.Join(dir, "doc.spacy.jsonl")
	os.WriteFile(jf, js.Bytes(), 0o644)
	os.WriteFile(sf, sp.Bytes(), 0o644)
	out, err := exec.Command(py, "-c", pythonSlicer, jf, sf).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("python3 printed %q: %v", out, err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Python slices:\n got  %q\n want %q", got, want)
	}
}

// TestUnicodeW3C checks the W3C selectors of the accented name: positions
// in code points and 32 code points of context (fewer at the start).
func TestUnicodeW3C(t *testing.T) {
	d := unicodeDoc(t)
	var b bytes.Buffer
	if err := WriteW3C(&b, d); err != nil {
		t.Fatal(err)
	}
	var c W3CCollection
	if err := json.Unmarshal(b.Bytes(), &c); err != nil {
		t.Fatal(err)
	}
	sel := c.First.Items[1].Target.Selector
	if *sel[0].Start != 15 || *sel[0].End != 38 {
		t.Errorf("position selector [%d, %d), want [15, 38)", *sel[0].Start, *sel[0].End)
	}
	if sel[1].Exact != unicodeSlices[1] || sel[1].Prefix != "Ukraine\u2019s ally " ||
		sel[1].Suffix != " \U0001F44D\U0001F3FD said:\r\n\u201cWe will send U.S.-ma" {
		t.Errorf("quote selector %+v", sel[1])
	}
	if n := len([]rune(sel[1].Suffix)); n != quoteContext {
		t.Errorf("suffix has %d code points, want %d", n, quoteContext)
	}
	if c.Total != len(d.Mentions)+len(d.Claims) || c.Context != "http://www.w3.org/ns/anno.jsonld" {
		t.Errorf("collection: total %d, context %q", c.Total, c.Context)
	}
}
