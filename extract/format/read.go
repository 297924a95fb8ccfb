package format

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// ReadFile reads annotations that Export wrote, by path: a .json file
// (ReadJSON; a .jsonl file gives its first line), a brat .ann file with its
// .txt beside it, or a brat folder holding one .ann and its .txt. Errors
// name the file.
func ReadFile(path string) (*extract.Doc, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		anns, _ := filepath.Glob(filepath.Join(path, "*.ann"))
		if len(anns) != 1 {
			return nil, fmt.Errorf("%s: want one .ann file in the folder, found %d", path, len(anns))
		}
		path = anns[0]
	}
	if strings.EqualFold(filepath.Ext(path), ".ann") {
		return readBratFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := ReadJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

func readBratFile(ann string) (*extract.Doc, error) {
	txtPath := strings.TrimSuffix(ann, filepath.Ext(ann)) + ".txt"
	txt, err := os.Open(txtPath)
	if err != nil {
		return nil, fmt.Errorf("%s: its text: %w", ann, err)
	}
	defer txt.Close()
	a, err := os.Open(ann)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	d, err := ReadBrat(txt, a)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ann, err)
	}
	d.ID = filepath.Base(txtPath)
	return d, nil
}
