package article

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ErrNoArticle is returned for an HTML page in which no article was found.
var ErrNoArticle = errors.New("no article found in this page (it may be an index, a login wall, or built by JavaScript)")

// maxHTMLElements bounds the pages readability scores: its passes are
// quadratic in places, and a news page has a few thousand elements.
const maxHTMLElements = 100_000

// fromHTML reads an HTML page: decodes it (see decodeHTML), finds the
// article with readability, and converts that to Markdown for display and
// plain text for tagging. pageURL, when known, makes relative links
// absolute.
func fromHTML(b []byte, contentType, pageURL string) (*Article, error) {
	d, err := decodeHTML(b, contentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(Sanitize(d.Text)))
	if err != nil {
		return nil, fmt.Errorf("not HTML: %w", err)
	}
	base, _ := url.Parse(pageURL)
	if pageURL == "" {
		base = nil
	}
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLElements
	r, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	if r.Node == nil || !hasProse(r.Node) {
		return nil, ErrNoArticle
	}
	md := Sanitize(toMarkdown(r.Node))
	a := newMarkdownArticle(md)
	if strings.TrimSpace(a.Text) == "" {
		return nil, ErrNoArticle
	}
	a.Format = FormatHTML
	a.Encoding = d.Encoding
	if note := d.describe(); note != "" {
		a.Notes = append(a.Notes, note)
	}
	a.Meta = Meta{
		Title:    clean(r.Title()),
		Byline:   clean(r.Byline()),
		SiteName: clean(r.SiteName()),
		Language: clean(r.Language()),
		URL:      pageURL,
	}
	if t, err := r.PublishedTime(); err == nil {
		a.Meta.Published = t
	}
	return a, nil
}

// clean sanitizes a metadata string and folds its white space.
func clean(s string) string {
	return strings.Join(strings.Fields(Sanitize(s)), " ")
}

// decodeHTML decodes an HTML page to UTF-8. A byte-order mark, the
// Content-Type charset, or a <meta charset> / <meta http-equiv> in the
// first 1024 bytes decides (per the WHATWG encoding rules, where
// "iso-8859-1" and "us-ascii" mean windows-1252); with none, Decode's
// detection does.
func decodeHTML(b []byte, contentType string) (Decoded, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return Decoded{}, ErrEmpty
	}
	if bytes.IndexByte(b, 0) >= 0 && !bytes.HasPrefix(b, []byte{0xff, 0xfe}) && !bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return Decoded{}, ErrBinary
	}
	e, name, certain := charset.DetermineEncoding(b, contentType)
	if !certain || name == "utf-8" || strings.HasPrefix(name, "utf-16") || utf8.Valid(b) {
		// BOMs, UTF-8 (with damaged bytes), undeclared legacy text; and a page
		// declared legacy whose bytes are valid UTF-8, which it then is
		// (ASCII reads the same either way).
		return Decode(b)
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return Decoded{}, fmt.Errorf("decoding %s: %w", name, err)
	}
	d := Decoded{Text: normaliseNewlines(string(out)), Encoding: name}
	if strings.TrimSpace(d.Text) == "" {
		return Decoded{}, ErrEmpty
	}
	return d, nil
}

// hasProse reports whether n has text outside links: what readability
// returns for a page of navigation alone is links.
func hasProse(n *html.Node) bool {
	switch {
	case n.Type == html.TextNode:
		return strings.TrimSpace(n.Data) != ""
	case n.Type == html.ElementNode && (n.DataAtom == atom.A || skipped[n.DataAtom]):
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasProse(c) {
			return true
		}
	}
	return false
}
