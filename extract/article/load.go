// Package article loads an article — plain text, Markdown, HTML, from a
// file, standard input or a URL — and gives its plain text for tagging and
// its Markdown for display, or refuses, with one clear message, what is not
// a readable article.
//
// Everything Load returns is sanitized (see Sanitize): no escape sequence
// or control character from an article can reach the terminal, and the
// offsets the taggers compute refer to the sanitized text, which is the text
// the exports carry.
package article

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DefaultMaxBytes is the default size limit of an article (64 MB).
const DefaultMaxBytes = 64 << 20

// Format is the kind of source an article was read from.
type Format int

// The formats Load reads.
const (
	FormatText     Format = iota // plain text
	FormatMarkdown               // Markdown (.md, .markdown)
	FormatHTML                   // an HTML page, reduced to its article
)

// String returns "text", "markdown" or "html".
func (f Format) String() string {
	switch f {
	case FormatMarkdown:
		return "markdown"
	case FormatHTML:
		return "html"
	}
	return "text"
}

// Meta is what is known about an article besides its text, for the header.
type Meta struct {
	Title     string
	Byline    string
	SiteName  string
	Published time.Time // zero when unknown
	Language  string    // e.g. "en", when the page says
	URL       string    // the page's address after redirects, for URL articles
}

// Article is a loaded article.
type Article struct {
	Name   string // the file's base name, "stdin", the URL, or the sample's name
	Path   string // the path or URL given, "-" for stdin, "" for the embedded sample
	Format Format
	// Text is the plain text that is tagged: UTF-8, sanitized, lines ending
	// in \n. For Markdown and HTML it is the plain-text rendition of
	// Markdown (one block per line, blank lines between blocks). Offsets
	// into it are bytes.
	Text string
	// Markdown is the Markdown to display, sanitized; "" for plain text,
	// which the screen shows as it is. Use MarkdownSpan to map Text offsets
	// into it and MarkMentions to put highlight markers in it.
	Markdown string
	Meta     Meta
	Encoding string   // the source's character encoding (see Decode)
	Notes    []string // what loading changed that a reader may want to know

	start, end []int // for each byte of Text, its span in Markdown
}

// Options says how Load reads an article. The zero value is usable.
type Options struct {
	Stdin    io.Reader     // read for "-"
	MaxBytes int64         // size limit; DefaultMaxBytes when 0 or less
	Offline  bool          // refuse URLs instead of fetching them
	Client   *http.Client  // for URLs; a client built from Timeout when nil
	Timeout  time.Duration // for the whole fetch of a URL; DefaultTimeout when 0
	Version  string        // the version named in the User-Agent
}

// Load reads the article src: a file path, "-" for Options.Stdin, or an
// http:// or https:// URL. The format comes from the extension (.md,
// .markdown, .html, .htm), the Content-Type of a URL, or, on stdin and for
// other files, from sniffing for "<!doctype html" or "<html".
func Load(src string, opts Options) (*Article, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	switch {
	case isURL(src):
		a, err := fetch(src, opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		return a, nil
	case src == "-":
		if opts.Stdin == nil {
			return nil, errors.New("stdin: nothing to read")
		}
		b, err := readLimited(opts.Stdin, opts.MaxBytes)
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		a, err := fromBytes(b, sniff(b), "")
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		a.Name, a.Path = "stdin", "-"
		return a, nil
	}
	b, err := readFile(src, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	f, ok := formatOf(src)
	if !ok {
		f = sniff(b)
	}
	a, err := fromBytes(b, f, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	a.Name, a.Path = filepath.Base(src), src
	return a, nil
}

// readFile reads the file at path, with one clear error for each way that
// can fail.
func readFile(path string, maxBytes int64) ([]byte, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s: permission denied", path)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	case fi.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not an article", path)
	case !fi.Mode().IsRegular() && fi.Mode()&fs.ModeNamedPipe == 0 && fi.Mode()&fs.ModeCharDevice == 0:
		return nil, fmt.Errorf("%s: not a regular file", path)
	case fi.Mode().IsRegular() && fi.Size() > maxBytes:
		return nil, fmt.Errorf("%s: %s is larger than the %s limit (raise it with --max-size)", path, human(fi.Size()), human(maxBytes))
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return nil, fmt.Errorf("%s: permission denied", path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	b, err := readLimited(f, maxBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// FromText wraps text that is already in memory (the embedded sample).
func FromText(name, text string) *Article {
	a, err := fromBytes([]byte(text), FormatText, "")
	if err != nil {
		return &Article{Name: name, Text: Sanitize(text), Encoding: EncUTF8}
	}
	a.Name = name
	return a
}

// FromMarkdown wraps Markdown that is already in memory.
func FromMarkdown(name, md string) (*Article, error) {
	a, err := fromBytes([]byte(md), FormatMarkdown, "")
	if err != nil {
		return nil, err
	}
	a.Name = name
	return a, nil
}

// fromBytes decodes and converts the bytes of an article in format f;
// contentType is the Content-Type header of a fetched page, or "".
func fromBytes(b []byte, f Format, contentType string) (*Article, error) {
	if f == FormatHTML {
		return fromHTML(b, contentType, "")
	}
	d, err := Decode(b)
	if err != nil {
		return nil, err
	}
	var a *Article
	if f == FormatMarkdown {
		a = newMarkdownArticle(Sanitize(d.Text))
		a.Meta.Title = firstHeading([]byte(a.Markdown))
	} else {
		a = &Article{Format: FormatText, Text: Sanitize(d.Text)}
	}
	a.Encoding = d.Encoding
	if note := d.describe(); note != "" {
		a.Notes = append(a.Notes, note)
	}
	if a.Text != d.Text && f == FormatText {
		a.Notes = append(a.Notes, "control characters or escape sequences removed")
	}
	return a, nil
}

// newMarkdownArticle builds an article from sanitized Markdown.
func newMarkdownArticle(md string) *Article {
	p := renderPlain([]byte(md))
	return &Article{Format: FormatMarkdown, Markdown: md, Text: p.String(), start: p.start, end: p.end}
}

// MarkdownOffset returns the byte offset in a.Markdown of the byte at
// textOffset in a.Text: where that byte's source starts (an entity such as
// &amp; maps all its text to its &). textOffset == len(a.Text) maps to the
// end of the last byte's source. For plain-text articles, which have no
// Markdown, it returns textOffset.
func (a *Article) MarkdownOffset(textOffset int) int {
	if a.Markdown == "" || len(a.start) == 0 {
		return textOffset
	}
	if textOffset >= len(a.start) {
		return a.end[len(a.end)-1]
	}
	return a.start[max(textOffset, 0)]
}

// MarkdownSpan maps the span [start, end) of a.Text to the span of
// a.Markdown it came from, ready for MarkMentions. For plain-text articles
// it returns the span unchanged.
func (a *Article) MarkdownSpan(start, end int) (int, int) {
	if a.Markdown == "" || len(a.start) == 0 || end <= start {
		return start, end
	}
	start = min(max(start, 0), len(a.start)-1)
	end = min(max(end, start+1), len(a.end))
	return a.start[start], a.end[end-1]
}

// formatOf returns the format a file's extension names, if it names one.
func formatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".html", ".htm", ".xhtml":
		return FormatHTML, true
	case ".txt", ".text":
		return FormatText, true
	}
	return FormatText, false
}

// sniff returns FormatHTML when b starts (after a BOM, whitespace and
// comments) like an HTML document, and FormatText otherwise.
func sniff(b []byte) Format {
	head := b[:min(len(b), 1024)]
	s := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(string(head), "\ufeff")))
	for strings.HasPrefix(s, "<!--") || strings.HasPrefix(s, "<?xml") {
		end := strings.Index(s, ">")
		if end < 0 {
			break
		}
		s = strings.TrimSpace(s[end+1:])
	}
	if strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html") {
		return FormatHTML
	}
	return FormatText
}

// readLimited reads r to the end, failing past max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("larger than the %s limit (raise it with --max-size)", human(max))
	}
	return b, nil
}

// human writes a size for people.
func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
