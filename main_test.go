package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestMain points the review data directory at an empty temporary folder,
// so that decisions the developer made in their own reader never leak into
// what the tests export.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dossier-test-data")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -run %s -update to accept):\n%s", name, t.Name(), firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, w, g)
		}
	}
	return ""
}

func runCmd(args []string, stdin string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestTagSample is the golden of `dossier tag` on the bundled sample: any
// change in what the tagger finds shows up here in review.
func TestTagSample(t *testing.T) {
	code, out, errs := runCmd([]string{"tag"}, "")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	golden(t, "tag-sample.golden.json", []byte(out))
}

func TestTagJSONLKeepsOrderAndReportsBadLines(t *testing.T) {
	in := `{"id": "a", "text": "First."}
not json
{"id": 2, "text": "Second."}
{"id": "no-text"}

{"id": "c", "text": "Third.", "extra": true}
`
	code, out, errs := runCmd([]string{"tag", "--jsonl", "--workers", "3"}, in)
	if code != 1 {
		t.Errorf("exit status %d, want 1 when a line is bad", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	wantIDs := []string{`{"id":"a",`, `{"id":2,`, `{"id":"c",`}
	if len(lines) != len(wantIDs) {
		t.Fatalf("got %d output lines, want %d:\n%s", len(lines), len(wantIDs), out)
	}
	for i, w := range wantIDs {
		if !strings.HasPrefix(lines[i], w) || !strings.Contains(lines[i], `"entities":`) || !strings.Contains(lines[i], `"claims":`) {
			t.Errorf("line %d = %s, want prefix %s with entities and claims", i+1, lines[i], w)
		}
	}
	for _, w := range []string{"line 2: not a JSON object", `line 4: no "text" field`} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr %q does not mention %q", errs, w)
		}
	}
}

// TestTagJSONLWorkersDeterministic: four workers give byte-identical output
// to one on the dev files.
func TestTagJSONLWorkersDeterministic(t *testing.T) {
	var in []byte
	for _, name := range []string{"conll2003-dev", "re3d-dev", "polnear-dev"} {
		b, err := os.ReadFile(filepath.Join("..", "shared", "eval", "data", name+".jsonl"))
		if err != nil {
			t.Skipf("dev files not found (%v): they live in ../shared next to the repo", err)
		}
		in = append(in, b...)
	}
	_, one, _ := runCmd([]string{"tag", "--jsonl", "--workers", "1"}, string(in))
	_, four, _ := runCmd([]string{"tag", "--jsonl", "--workers", "4"}, string(in))
	if one != four {
		t.Fatal("4 workers and 1 worker gave different output")
	}
	if n := strings.Count(one, "\n"); n != bytes.Count(in, []byte("\n")) {
		t.Errorf("%d output lines for %d input lines", n, bytes.Count(in, []byte("\n")))
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing", []string{filepath.Join(dir, "nope.txt")}, "no such file"},
		{"directory", []string{dir}, "is a directory"},
		{"empty", []string{write("empty.txt", nil)}, "empty"},
		{"binary", []string{write("bin.dat", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1})}, "not text"},
		{"too big", []string{"--max-size", "10", write("big.txt", []byte("more than ten bytes of text"))}, "limit"},
		{"tag missing", []string{"tag", filepath.Join(dir, "nope.txt")}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(tt.args, "")
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tt.want) {
				t.Errorf("stdout %q, stderr %q: want one line mentioning %q", out, errs, tt.want)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"tag", "--help"}} {
		code, _, errs := runCmd(args, "")
		if code != 0 || !strings.Contains(errs, "Usage") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	if code, _, errs := runCmd([]string{"--theme", "pink"}, ""); code != 2 || !strings.Contains(errs, "--theme") {
		t.Errorf("bad theme: exit %d, %q", code, errs)
	}
}
