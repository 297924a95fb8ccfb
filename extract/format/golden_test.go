package format

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/samples"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleDoc tags the bundled sample as "dossier export" does.
func sampleDoc(t testing.TB) *extract.Doc {
	t.Helper()
	d := extract.Tag(samples.Default)
	d.ID = samples.DefaultName
	return d
}

// render returns the files a format writes for d, by name; a single-file
// format's one file is named "".
func render(t testing.TB, f Format, d *extract.Doc) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	if !f.MultiFile() {
		var b bytes.Buffer
		if err := f.Write(&b, d); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[""] = b.Bytes()
		return out
	}
	for _, fl := range f.files(d, "sample") {
		var b bytes.Buffer
		if err := fl.write(&b); err != nil {
			t.Fatalf("%s %s: %v", f.Name, fl.name, err)
		}
		out[fl.name] = b.Bytes()
	}
	return out
}

// TestGolden writes every format for the sample and compares it with
// testdata/sample.EXT (a folder for multi-file formats). Run
// "go test ./extract/format -update" after a tagger changes.
func TestGolden(t *testing.T) {
	d := sampleDoc(t)
	for _, f := range Formats() {
		t.Run(f.Name, func(t *testing.T) {
			files := render(t, f, d)
			names := make([]string, 0, len(files))
			for n := range files {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				path := filepath.Join("testdata", "sample."+f.Ext, n)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, files[n], 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(files[n], want) {
					t.Errorf("%s differs from the golden file; if the change is intended, run go test -update\n%s",
						path, firstDiff(want, files[n]))
				}
			}
		})
	}
}

// firstDiff shows the first line where got differs from want.
func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + itoa(i+1) + ":\n  want: " + clip(w) + "\n  got:  " + clip(g)
		}
	}
	return ""
}

func clip(b []byte) string {
	if len(b) > 200 {
		b = b[:200]
	}
	return strconv.Quote(string(b))
}

func itoa(n int) string { return num(n) }

// TestFormats checks that every format is described and found by name.
func TestFormats(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Formats() {
		if f.Name == "" || f.Description == "" || f.Ext == "" {
			t.Errorf("format %+v lacks a name, description or extension", f)
		}
		if (f.write == nil) == (f.files == nil) {
			t.Errorf("format %s must have exactly one of write and files", f.Name)
		}
		if seen[f.Ext] {
			t.Errorf("format %s: extension %s is used twice", f.Name, f.Ext)
		}
		seen[f.Ext] = true
		if g, err := Lookup(f.Name); err != nil || g.Name != f.Name {
			t.Errorf("Lookup(%q) = %v, %v", f.Name, g.Name, err)
		}
	}
	if _, err := Lookup("docx"); err == nil {
		t.Error("Lookup(docx) found a format")
	}
}
