package evaldata

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-reader/dossier/extract/text"
)

// Locate finds <repo root>/../shared/eval/data by walking up from the
// working directory to go.mod; ok is false when it is absent.
func Locate() (dir string, ok bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "eval", "data")
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d, true
			}
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// TB is the part of testing.TB that Dir and Docs use; taking it rather than
// testing.TB keeps package testing out of the programs that import evaldata.
type TB interface {
	Helper()
	Skip(args ...any)
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Dir returns the evaluation data folder, or skips the test or benchmark
// when it is absent.
func Dir(t TB) string {
	t.Helper()
	dir, ok := Locate()
	if !ok {
		t.Skip("../shared/eval/data not found next to the repository: skipping")
	}
	return dir
}

// Docs reads the file name of the evaluation data folder; the test or
// benchmark is skipped when the folder or the file is absent and fails when
// the file cannot be read.
func Docs(t TB, name string) []Doc {
	t.Helper()
	path := filepath.Join(Dir(t), name)
	docs, err := Read(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s absent: skipping", path)
	}
	if err != nil {
		t.Fatalf("%v", err)
	}
	return docs
}

// Analyses reads the named files of the evaluation data folder (as Docs
// does) and analyses their texts for a tagger's benchmark; words counts
// their white-space separated words, for a words/s figure.
func Analyses(t TB, names ...string) (as []*text.Analysis, words int) {
	t.Helper()
	for _, name := range names {
		for _, d := range Docs(t, name) {
			as = append(as, text.Analyze(d.Text))
			words += len(strings.Fields(d.Text))
		}
	}
	return as, words
}
