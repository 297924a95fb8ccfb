package main

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/extract/format"
	"github.com/dossier-reader/dossier/samples"
)

const exportUsage = `Usage:
  dossier export [--format F] [-o PATH] [--force] [FILE | URL | - ...]

Tags each article and writes its annotations in format F (default json).
No FILE exports the bundled sample; - reads stdin.

Formats:
%s
Where the output goes:
  no -o        beside each FILE, its extension replaced: article.txt -> article.json,
               article.html, article.spacy.jsonl, ... The two-file formats write a
               folder: article.brat/ (article.txt, article.ann, annotation.conf) and
               article.csv/ (entities.csv, claims.csv). The bundled sample and URLs
               go to the current folder, named after the article; stdin (-) goes to
               stdout (brat and csv need -o).
  -o PATH      the output file (the folder, for brat and csv). With several FILEs,
               a folder that gets one output per FILE, named as above.
  -o -         stdout. brat and csv refuse it; several documents go one after the
               other, which only jsonl, spacy and conll allow.
  --force      overwrite existing files. Without it an existing file is an error
               that names it, and nothing is written for that article. The input
               itself is never overwritten.

Review decisions made in the reader are applied: rejected mentions, entities
and claims are left out, the others carry their state (pending, accepted,
edited). --review-file PATH reads them from PATH instead of the article's
default review file; --no-review exports the tagger's output as it is.

Also: --max-size BYTES (refuse larger articles), --offline (never fetch URLs).

Offsets in every format are Unicode code points. The exit status is 1 when any
article could not be exported (the others still are), 2 for bad usage.
`

// exportOptions are the flags of "dossier export".
type exportOptions struct {
	format  format.Format
	out     string // -o: "" for the default, "-" for stdout
	force   bool
	several bool   // more than one input: -o names a folder
	review  string // --review-file: the decisions to apply; "" the article's default review file
	raw     bool   // --no-review: export the tagger's output as it is
	load    article.Options
}

// runExport is the "dossier export" command.
func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := commandFlags("dossier export", fmt.Sprintf(exportUsage, formatList()), stderr)
	name := fs.String("format", "json", "output format")
	out := fs.String("o", "", "output path, - for stdout")
	force := fs.Bool("force", false, "overwrite existing files")
	load := addLoadFlags(fs)
	reviewFile := fs.String("review-file", "", "review decisions to apply")
	noReview := fs.Bool("no-review", false, "export the tagger's output without review decisions")
	inputs, status, ok := parseArgs(fs, args)
	if !ok {
		return status
	}
	go extract.Preload()
	f, err := format.Lookup(*name)
	if err != nil {
		fmt.Fprintln(stderr, "dossier export:", err)
		return 2
	}
	if len(inputs) == 0 { // the bundled sample
		inputs = []string{""}
	}
	o := exportOptions{format: f, out: *out, force: *force, several: len(inputs) > 1, review: *reviewFile, raw: *noReview,
		load: load.options(stdin)}
	if msg := o.check(inputs); msg != "" {
		fmt.Fprintln(stderr, "dossier export:", msg)
		return 2
	}
	return o.exportAll(inputs, stdout, stderr)
}

// exportAll exports each input in turn; one that fails is reported and the
// others still go out (status 1).
func (o exportOptions) exportAll(inputs []string, stdout, stderr io.Writer) int {
	status := 0
	w := bufio.NewWriter(stdout)
	for _, in := range inputs {
		if err := o.export(in, w, stderr); err != nil {
			fmt.Fprintln(stderr, "dossier:", err)
			status = 1
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		status = 1
	}
	return status
}

func formatList() string {
	var b strings.Builder
	for _, f := range format.Formats() {
		fmt.Fprintf(&b, "  %-7s %s\n", f.Name, f.Description)
	}
	return b.String()
}

// check returns what is wrong with the combination of inputs and flags, or "".
func (o exportOptions) check(inputs []string) string {
	toStdout := o.out == "-" || (o.out == "" && !o.several && inputs[0] == "-")
	switch {
	case toStdout && o.format.MultiFile():
		return fmt.Sprintf("format %s writes several files and cannot go to stdout; give -o FOLDER", o.format.Name)
	case o.out == "-" && o.several && !o.format.Stream:
		return fmt.Sprintf("format %s holds one document: give -o FOLDER for several, or use jsonl, spacy or conll", o.format.Name)
	case o.out == "" && o.several && slicesContains(inputs, "-") && o.format.MultiFile():
		return "stdin (-) has no folder to write beside; give -o FOLDER"
	}
	if o.review != "" && o.several {
		return "--review-file holds the decisions on one article; export one FILE with it"
	}
	n := 0
	for _, in := range inputs {
		if in == "-" {
			n++
		}
	}
	if n > 1 {
		return "stdin (-) can be read only once"
	}
	return ""
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// export loads and tags one input and writes it where o says.
func (o exportOptions) export(in string, stdout io.Writer, stderr io.Writer) error {
	art, err := loadArticle(in, o.load)
	if err != nil {
		return err
	}
	doc := extract.Tag(art.Text)
	doc.ID = art.Name
	if !o.raw {
		if doc, err = reviewedDoc(art, doc, o.review, stderr); err != nil {
			return err
		}
	}
	if art.Meta.Title != "" {
		doc.Title = art.Meta.Title
	}
	dest := o.destination(in, art)
	if dest == "-" {
		return o.format.Write(stdout, doc)
	}
	if sameFile(dest, in) {
		return fmt.Errorf("%s: the output would overwrite the input; choose another with -o", dest)
	}
	if o.several && o.out != "" {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return err
		}
	}
	written, err := format.Export(doc, o.format.Name, dest, o.force)
	for _, p := range written {
		fmt.Fprintln(stderr, "wrote", p)
	}
	return err
}

// destination is the output path for input in ("" the sample, "-" stdin):
// "-" for stdout.
func (o exportOptions) destination(in string, art *article.Article) string {
	if o.out == "-" || (o.out == "" && in == "-" && !o.format.MultiFile()) {
		return "-"
	}
	if o.out != "" && !o.several {
		return o.out
	}
	var def string
	switch {
	case in == "":
		def = o.format.DefaultPath(samples.DefaultName)
	case in == "-":
		def = o.format.DefaultPath("stdin")
	case strings.Contains(in, "://"):
		def = o.format.DefaultPath(urlName(in))
	default:
		def = o.format.DefaultPath(in)
	}
	if o.out != "" { // several inputs: one output each in the folder -o
		return filepath.Join(o.out, filepath.Base(def))
	}
	return def
}

// urlName names the export of a web page after the last part of its path.
func urlName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "article"
	}
	base := path.Base(strings.TrimSuffix(u.Path, "/"))
	if base == "." || base == "/" || base == "" {
		base = u.Hostname()
	}
	base = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, base)
	if base == "" || base == "." || base == ".." {
		return "article"
	}
	return base
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	if b == "" || b == "-" {
		return false
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
