// Package article loads an article's text from a file or standard input and
// refuses, with one clear message, what is not a readable text.
package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// DefaultMaxBytes is the default size limit of an article (64 MB).
const DefaultMaxBytes = 64 << 20

// Article is a loaded article: where it came from and its text.
type Article struct {
	Name string // the file's base name, "stdin", or the sample's name
	Path string // the path given, "-" for stdin, "" for the embedded sample
	Text string // UTF-8 text, BOM removed, line ends normalised to \n
}

// Load reads the article at path ("-" reads r, normally stdin), at most
// maxBytes long.
func Load(path string, stdin io.Reader, maxBytes int64) (*Article, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if path == "-" {
		b, err := readLimited(stdin, maxBytes)
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		return fromBytes("stdin", "-", b)
	}
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
	return fromBytes(filepath.Base(path), path, b)
}

// FromText wraps text that is already in memory (the embedded sample).
func FromText(name, text string) *Article {
	a, err := fromBytes(name, "", []byte(text))
	if err != nil {
		return &Article{Name: name, Text: text}
	}
	return a
}

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

// fromBytes checks that b is text and normalises it.
func fromBytes(name, path string, b []byte) (*Article, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, errors.New("empty: there is no text to read")
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, errors.New("not text: it contains NUL bytes (a binary file?)")
	}
	if !utf8.Valid(b) {
		return nil, errors.New("not UTF-8 text")
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return &Article{Name: name, Path: path, Text: s}, nil
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
