package format

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// Format is one export format: its name (the --format value), what it
// writes, and how.
type Format struct {
	Name        string // the --format value: "json", "brat", ...
	Description string // one line for help texts and the reader's export form
	Ext         string // the extension of the default output ("json"); for a multi-file format, of the folder ("brat")
	// Stream reports that documents written one after another make a valid
	// file (JSON Lines, CoNLL), so several documents may share one output.
	Stream bool
	write  func(w io.Writer, d *extract.Doc) error  // a single-file format
	files  func(d *extract.Doc, base string) []file // a multi-file format: the files it writes into a folder
}

// file is one file of a multi-file format: a name inside the output folder
// and its writer. keep marks a shared file (brat's annotation.conf) that is
// written only when missing and never counts as a conflict.
type file struct {
	name  string
	write func(w io.Writer) error
	keep  bool
}

// MultiFile reports whether the format writes several files into a folder.
func (f Format) MultiFile() bool { return f.files != nil }

var formats = []Format{
	{Name: "json", Ext: "json", write: WriteJSON,
		Description: "one document: text, mentions with entity names and ISO codes, claims; code-point offsets; the full record, which dossier reads back"},
	{Name: "jsonl", Ext: "jsonl", Stream: true, write: WriteJSONLine,
		Description: "JSON Lines, one line per document, as score.py reads"},
	{Name: "brat", Ext: "brat", files: bratFiles,
		Description: "brat standoff: a folder with NAME.txt, NAME.ann and annotation.conf (brat, INCEpTION)"},
	{Name: "conll", Ext: "conll", Stream: true, write: WriteCoNLL,
		Description: "CoNLL-2003 columns, one token per line, BIO tags PER COUNTRY DEMONYM WEAPON (conlleval, spaCy, Flair)"},
	{Name: "spacy", Ext: "spacy.jsonl", Stream: true, write: WriteSpacy,
		Description: `spaCy/Prodigy JSON Lines {"text", "spans": [{"start", "end", "label"}]}, code points`},
	{Name: "csv", Ext: "csv", files: csvFiles,
		Description: "a folder with entities.csv (one row per mention) and claims.csv (spreadsheets)"},
	{Name: "md", Ext: "md", write: WriteMarkdown,
		Description: "a readable Markdown report: people and what they said, countries, weapons"},
	{Name: "html", Ext: "html", write: WriteHTML,
		Description: "one self-contained page: the article with highlights and the lists beside it"},
	{Name: "w3c", Ext: "jsonld", write: WriteW3C,
		Description: "W3C Web Annotation JSON-LD, one annotation per mention and claim (Hypothesis, Recogito)"},
}

// Formats lists the export formats in the order help texts show them.
func Formats() []Format { return append([]Format(nil), formats...) }

// Lookup returns the format called name.
func Lookup(name string) (Format, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return Format{}, fmt.Errorf("unknown format %q (one of %s)", name, strings.Join(names, ", "))
}

// Write writes d in a single-file format to w; a multi-file format refuses.
func (f Format) Write(w io.Writer, d *extract.Doc) error {
	if f.write == nil {
		return fmt.Errorf("format %s writes several files into a folder and cannot be written to one stream", f.Name)
	}
	return f.write(w, d)
}

// DefaultPath is where d's export goes when none is given: beside the input,
// its extension replaced ("a/article.txt" -> "a/article.json"); for a
// multi-file format, a folder ("a/article.brat").
func (f Format) DefaultPath(input string) string {
	base := strings.TrimSuffix(input, filepath.Ext(input))
	if base == "" || strings.HasSuffix(base, string(filepath.Separator)) {
		base = input
	}
	return base + "." + f.Ext
}

// ErrExists is returned (wrapped, naming the file) when an output exists and
// overwriting was not asked for.
var ErrExists = errors.New("already exists (use --force to overwrite)")

// Export writes d in the format called name to path: a file, or for a
// multi-file format a folder (folders are created as needed). It never overwrites a file
// unless force is set, and returns the paths it wrote. Each file is written to
// a temporary file first and renamed, so a failed export leaves no half file.
func Export(d *extract.Doc, name, path string, force bool) (written []string, err error) {
	f, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	if !f.MultiFile() {
		if err := checkFree(path, force); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := writeFile(path, func(w io.Writer) error { return f.write(w, d) }); err != nil {
			return nil, err
		}
		return []string{path}, nil
	}
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("%s: is a file; format %s writes a folder", path, f.Name)
	}
	files := f.files(d, folderBase(path))
	for _, fl := range files {
		if err := checkFree(filepath.Join(path, fl.name), force || fl.keep); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, err
	}
	for _, fl := range files {
		p := filepath.Join(path, fl.name)
		if fl.keep {
			if _, err := os.Lstat(p); err == nil {
				continue
			}
		}
		if err := writeFile(p, fl.write); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

// folderBase names the files inside a multi-file output folder after the
// folder: "out/article.brat" -> "article".
func folderBase(dir string) string {
	b := filepath.Base(filepath.Clean(dir))
	if e := filepath.Ext(b); e != b {
		b = strings.TrimSuffix(b, e)
	}
	if b == "." || b == ".." || b == string(filepath.Separator) || b == "" {
		b = "article"
	}
	return b
}

func checkFree(path string, force bool) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.IsDir():
		return fmt.Errorf("%s: is a folder", path)
	case !force:
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	return nil
}

// writeFile writes a file through a temporary file in the same folder.
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
