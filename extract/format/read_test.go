package format

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFile exports the unicode doc in every format ReadFile takes and
// reads each back by path.
func TestReadFile(t *testing.T) {
	d := unicodeDoc(t)
	dir := t.TempDir()
	for _, name := range []string{"json", "jsonl", "brat"} {
		f, _ := Lookup(name)
		if _, err := Export(d, name, filepath.Join(dir, "u."+f.Ext), false); err != nil {
			t.Fatal(err)
		}
	}
	var want bytes.Buffer
	WriteJSON(&want, d)
	for _, p := range []string{"u.json", "u.jsonl", "u.brat", "u.brat/u.ann"} {
		got, err := ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		got.ID, got.Title = d.ID, d.Title
		var b bytes.Buffer
		WriteJSON(&b, got)
		if !bytes.Equal(b.Bytes(), want.Bytes()) {
			t.Errorf("%s read back differs:\n%s", p, firstDiff(want.Bytes(), b.Bytes()))
		}
	}
}

// TestReadErrors checks that the readers say what is wrong and where.
func TestReadErrors(t *testing.T) {
	jsonCases := []struct{ in, want string }{
		{`[1]`, "not a JSON document"},
		{`{"entities":[]}`, `no "text" field`},
		{`{"text":"abc","entities":[{"start":2,"end":1,"type":"person","entity":"A"}]}`, "entities[0]: start 2 after end 1"},
		{`{"text":"abc","entities":[{"start":0,"end":9,"type":"person","entity":"A"}]}`, "entities[0]: [0, 9) runs past the end of the text (3 code points)"},
		{`{"text":"abc","entities":[{"start":0,"end":1,"type":"place","entity":"A"}]}`, `entities[0]: unknown type "place"`},
		{`{"text":"abc","entities":[{"start":0,"end":1,"type":"person","entity":"A","text":"b"}]}`, `entities[0]: text "b" does not match the article's "a" at [0, 1)`},
		{`{"text":"abc","entities":[{"start":0,"end":1,"type":"person"}]}`, `entities[0]: no "entity" name`},
		{`{"text":"abc","entities":[{"start":0,"end":2,"type":"person","entity":"A"},{"start":1,"end":3,"type":"person","entity":"B"}]}`,
			"entities[0] and entities[1]: two person mentions overlap"},
		{`{"text":"abc","claims":[{"content":[0,2],"cue":[5,6]}]}`, "claims[0]: cue: [5, 6) runs past"},
		{`{"text":"abc","claims":[{"content":[0,2],"kind":"rumour"}]}`, `claims[0]: unknown kind "rumour"`},
		{`{"text":"abc","claims":[{"content":[0,1],"content_pieces":[[0,3]]}]}`, "claims[0]: content_pieces[0] [0, 3) lies outside the content"},
	}
	for _, c := range jsonCases {
		_, err := ReadJSON(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadJSON(%s) = %v, want an error with %q", c.in, err, c.want)
		}
	}
	bratCases := []struct{ ann, want string }{
		{"T1\tPerson 0\tab", `line 1: T1: bad offsets "0"`},
		{"T1\tPerson 0 2\tab\nT1\tPerson 0 1\ta", "line 2: T1 is defined twice"},
		{"T1\tPerson 0 2\tax", `line 1: T1: text "ax" does not match the article's "ab"`},
		{"T1\tPerson 0 99\tab", "line 1: T1: [0, 99) runs past the end"},
		{"T1\tClaim 0 2\tab\nR1\tHasSource Arg1:T1 Arg2:T7", "line 2: R1: Arg1:T1 or Arg2:T7 is not a span"},
		{"T1\tClaim 0 2\tab\nT2\tCue 3 4\tc\nR1\tHasSource Arg1:T1 Arg2:T2", "links a Claim to a Cue, not a Claim to a Source"},
		{"T1\tClaim 0 2\tab\nA1\tKind T1 rumour", `line 1: T1: unknown Kind "rumour"`},
		{"\tPerson 0 1\ta", "line 1: no annotation id"},
	}
	for _, c := range bratCases {
		_, err := ReadBrat(strings.NewReader("ab cd"), strings.NewReader(c.ann))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadBrat(%q) = %v, want an error with %q", c.ann, err, c.want)
		}
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "none.json")); err == nil {
		t.Error("ReadFile of a missing file: no error")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.ann"), nil, 0o644)
	if _, err := ReadFile(filepath.Join(dir, "x.ann")); err == nil || !strings.Contains(err.Error(), "its text") {
		t.Errorf("ReadFile of an .ann without .txt: %v", err)
	}
}

// TestExportFiles checks Export's promises: no overwrite without force, the
// error names the file, folders are created, a shared annotation.conf is
// kept, and a file where a folder should be is refused.
func TestExportFiles(t *testing.T) {
	d := unicodeDoc(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "new", "sub", "u.json")
	if w, err := Export(d, "json", p, false); err != nil || len(w) != 1 || w[0] != p {
		t.Fatalf("Export = %v, %v", w, err)
	}
	if _, err := Export(d, "json", p, false); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("second Export without force: %v, want an error naming %s", err, p)
	}
	if _, err := Export(d, "json", p, true); err != nil {
		t.Errorf("Export with force: %v", err)
	}
	b := filepath.Join(dir, "u.brat")
	if w, err := Export(d, "brat", b, false); err != nil || len(w) != 3 {
		t.Fatalf("brat Export = %v, %v", w, err)
	}
	w, err := Export(d, "brat", b, true)
	if err != nil || len(w) != 2 {
		t.Errorf("brat Export again = %v, %v; want u.txt and u.ann only (annotation.conf kept)", w, err)
	}
	if _, err := Export(d, "csv", p, false); err == nil || !strings.Contains(err.Error(), "writes a folder") {
		t.Errorf("csv Export onto a file: %v", err)
	}
	if _, err := Export(d, "pdf", p, false); err == nil {
		t.Error("Export in an unknown format: no error")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "*", ".*.tmp"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}
