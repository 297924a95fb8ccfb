package countries

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dossier-reader/dossier/extract/internal/wordfilter"
	"github.com/dossier-reader/dossier/extract/text"
)

// tableTSV is the country table; see the header of countries.tsv for its
// source and columns.
//
//go:embed countries.tsv
var tableTSV string

// entry is what a complete name in the trie stands for.
type entry struct {
	country *Country // nil for a blocker
	demonym bool
	plural  bool // a plural nationality noun ("Russians")
}

// node is one step of the trie over word sequences. Children are keyed by
// the exact word text: proper case and ALL CAPS forms are separate keys, so
// lower-case "china" or "turkey" never reach a country.
type node struct {
	next  map[string]*node
	entry *entry
}

// table is the parsed country table and the trie built from it.
type table struct {
	countries []*Country
	byName    map[string]*Country
	root      *node
	first     wordfilter.Filter // over the keys of root.next (rootNext)
}

// tbl is built once at package initialisation; the embedded data is part of
// the binary, so a malformed table is a programming error and panics.
var tbl = mustParse(tableTSV)

func mustParse(src string) *table {
	t, err := parseTable(src)
	if err != nil {
		panic("countries: " + err.Error())
	}
	return t
}

// parseTable reads the TSV table and builds the trie, including the blockers
// of context.go.
func parseTable(src string) (*table, error) {
	t := &table{byName: map[string]*Country{}, root: &node{}}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") { // comments and the column names
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 || f[0] == "" || len(f[1]) != 2 || len(f[2]) != 3 {
			return nil, fmt.Errorf("countries.tsv line %d: want 5 columns name, iso2, iso3, aliases, demonyms", n+1)
		}
		c := &Country{Name: f[0], ISO2: f[1], ISO3: f[2]}
		t.countries = append(t.countries, c)
		t.byName[c.Name] = c
		t.add(c.Name, &entry{country: c})
		for _, a := range splitList(f[3]) {
			t.add(a, &entry{country: c})
		}
		for _, d := range splitList(f[4]) {
			e := &entry{country: c, demonym: true}
			t.add(d, e)
			if p := plural(d); p != "" {
				t.add(p, &entry{country: c, demonym: true, plural: true})
			}
		}
	}
	blocked := &entry{}
	for _, b := range blockers {
		t.add(b, blocked)
	}
	for w := range t.root.next {
		t.first.Add(w)
	}
	return t, nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// plural returns the regular plural of a nationality word, or "" when it has
// none (French, Swiss, Chinese, Polish).
func plural(d string) string {
	switch {
	case strings.HasSuffix(d, "hman"), strings.HasSuffix(d, "hwoman"): // Dutchman, Frenchwoman; not German
		return d[:len(d)-2] + "en"
	case strings.HasSuffix(d, "s"), strings.HasSuffix(d, "sh"), strings.HasSuffix(d, "ch"),
		strings.HasSuffix(d, "ese"), strings.HasSuffix(d, "ois"), strings.HasSuffix(d, "x"):
		return ""
	}
	return d + "s"
}

// add inserts a name in its given case and in ALL CAPS. Names are split into
// words exactly as article text is, so "People's Republic of China" and
// "Guinea-Bissau" match however the tokenizer cuts them.
func (t *table) add(name string, e *entry) {
	for _, form := range []string{name, strings.ToUpper(name)} {
		ws := splitWords(text.Analyze(form).Tokens, form, nil)
		if len(ws) == 0 {
			continue
		}
		n := t.root
		for _, w := range ws {
			if n.next == nil {
				n.next = map[string]*node{}
			}
			c := n.next[w.Text]
			if c == nil {
				c = &node{}
				n.next[w.Text] = c
			}
			n = c
		}
		if n.entry == nil || (n.entry.country != nil && e.country == nil) {
			n.entry = e // a blocker wins over a name spelled the same
		}
	}
}

// Lookup returns the country with the given canonical name ("United
// Kingdom"), or nil.
func Lookup(name string) *Country { return tbl.byName[name] }

// All returns every country of the table, in table order.
func All() []*Country { return append([]*Country(nil), tbl.countries...) }

// rootNext returns the trie's child for first word w, or nil.
func (t *table) rootNext(w string) *node {
	// MayHave(w), with MayHaveBytes inlined.
	if w != "" && !t.first.MayHaveBytes(len(w), w[0], w[len(w)/2], w[len(w)-1]) {
		return nil
	}
	return t.root.next[w]
}
