package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/format"
)

// exportText is the article the export command tests read.
const exportText = "Antony Blinken said Ukraine would get Javelin missiles.\n"

// exportCases are runs of "dossier export" in a scratch folder holding
// art.txt (and art.json when exists is set).
var exportCases = []struct {
	name    string
	args    []string
	stdin   string
	exists  bool     // art.json is there before
	code    int      // exit status
	files   []string // files that must exist after, besides art.txt
	stdout  string   // a substring of stdout
	stderr  string   // a substring of stderr
	noFiles bool     // nothing but the setup may exist after
}{
	{name: "default json beside the input", args: []string{"art.txt"}, files: []string{"art.json"}, stderr: "wrote art.json"},
	{name: "flags after the file", args: []string{"art.txt", "--format", "html"}, files: []string{"art.html"}},
	{name: "brat folder", args: []string{"--format", "brat", "art.txt"},
		files: []string{"art.brat/art.txt", "art.brat/art.ann", "art.brat/annotation.conf"}},
	{name: "csv folder", args: []string{"--format", "csv", "art.txt"}, files: []string{"art.csv/entities.csv", "art.csv/claims.csv"}},
	{name: "spacy", args: []string{"--format=spacy", "art.txt"}, files: []string{"art.spacy.jsonl"}},
	{name: "w3c", args: []string{"--format=w3c", "art.txt"}, files: []string{"art.jsonld"}},
	{name: "no overwrite", args: []string{"art.txt"}, exists: true, code: 1, stderr: "art.json: already exists (use --force"},
	{name: "force", args: []string{"--force", "art.txt"}, exists: true, files: []string{"art.json"}},
	{name: "-o file", args: []string{"-o", "x.md", "--format", "md", "art.txt"}, files: []string{"x.md"}},
	{name: "-o stdout", args: []string{"-o", "-", "--format", "jsonl", "art.txt"}, stdout: `"text":"Antony Blinken`, noFiles: true},
	{name: "stdin to stdout", args: []string{"--format", "conll", "-"}, stdin: exportText, stdout: "-DOCSTART-", noFiles: true},
	{name: "brat refuses stdout", args: []string{"--format", "brat", "-o", "-", "art.txt"}, code: 2, stderr: "cannot go to stdout", noFiles: true},
	{name: "csv from stdin needs -o", args: []string{"--format", "csv", "-"}, stdin: exportText, code: 2, stderr: "give -o FOLDER", noFiles: true},
	{name: "several to one stream", args: []string{"-o", "-", "--format", "jsonl", "art.txt", "art.txt"}, stdout: "\n{", noFiles: true},
	{name: "several html to stdout refused", args: []string{"-o", "-", "--format", "html", "art.txt", "art.txt"}, code: 2, stderr: "holds one document"},
	{name: "several into a folder", args: []string{"-o", "out", "--format", "md", "art.txt", "-"}, stdin: exportText,
		files: []string{"out/art.md", "out/stdin.md"}},
	{name: "unknown format", args: []string{"--format", "docx", "art.txt"}, code: 2, stderr: `unknown format "docx"`, noFiles: true},
	{name: "missing file", args: []string{"nope.txt"}, code: 1, stderr: "nope.txt", noFiles: true},
	{name: "never the input", args: []string{"-o", "art.txt", "--force", "art.txt"}, code: 1, stderr: "overwrite the input"},
	{name: "the sample", args: nil, files: []string{"voa-blinken-baltic-weapons.json"}},
	{name: "help", args: []string{"--help"}, stderr: "Where the output goes", noFiles: true},
}

// TestExport drives "dossier export" in a scratch folder holding art.txt
// (and art.json when exists is set): exit status, the files there after,
// and words expected on stdout and stderr.
func TestExport(t *testing.T) {
	for _, tt := range exportCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			os.WriteFile("art.txt", []byte(exportText), 0o644)
			setup := []string{"art.txt"}
			if tt.exists {
				os.WriteFile("art.json", []byte("{}"), 0o644)
				setup = append(setup, "art.json")
			}
			code, out, errs := runCmd(append([]string{"export"}, tt.args...), tt.stdin)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, errs)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%.300s", tt.stdout, out)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errs)
			}
			for _, f := range tt.files {
				if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
					t.Errorf("%s was not written", f)
				}
			}
			if tt.noFiles {
				have := listFiles(t)
				if !slices.Equal(have, setup) {
					t.Errorf("files after: %v, want only %v", have, setup)
				}
			}
		})
	}
}

// TestExportReadBack exports the sample as json and brat with the command
// and reads both back: the reader's Doc writes the same JSON.
func TestExportReadBack(t *testing.T) {
	t.Chdir(t.TempDir())
	if code, _, errs := runCmd([]string{"export", "-o", "a.json"}, ""); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCmd([]string{"export", "--format", "brat", "-o", "a.brat"}, ""); code != 0 {
		t.Fatal(errs)
	}
	j, _ := os.ReadFile("a.json")
	f, _ := os.Open("a.json")
	defer f.Close()
	fromJSON, err := format.ReadJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	txt, _ := os.Open(filepath.Join("a.brat", "a.txt"))
	defer txt.Close()
	ann, _ := os.Open(filepath.Join("a.brat", "a.ann"))
	defer ann.Close()
	fromBrat, err := format.ReadBrat(txt, ann)
	if err != nil {
		t.Fatal(err)
	}
	fromBrat.ID, fromBrat.Title = fromJSON.ID, fromJSON.Title
	for name, d := range map[string]*extract.Doc{"json": fromJSON, "brat": fromBrat} {
		var b strings.Builder
		if err := format.WriteJSON(&b, d); err != nil {
			t.Fatal(err)
		}
		if b.String() != string(j) {
			t.Errorf("%s read back writes different JSON:\n%s", name, firstDiff(string(j), b.String()))
		}
	}
}

// listFiles lists the files under the current folder, sorted.
func listFiles(t *testing.T) []string {
	var out []string
	filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out
}
