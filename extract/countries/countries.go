// Package countries finds names of states and their nationality words.
//
// Names come from an embedded table (countries.tsv) compiled into a trie over
// word sequences; Find walks the words of an article once, takes the longest
// name starting at each capitalised word, and lets a few context rules
// (context.go) reject the readings that are not a state: Georgia the US
// state, Jordan the person, Turkey the bird, "U.S. Open" the event,
// "American Airlines" the company.
package countries

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// Country is a state from the embedded table.
type Country struct {
	Name string // short English name ("Russia", "United States")
	ISO2 string // ISO 3166-1 alpha-2
	ISO3 string // ISO 3166-1 alpha-3
}

// Match is one mention of a country or of its nationality word.
type Match struct {
	text.Span
	Demonym bool // "Russian", "Russians" rather than "Russia"
	Country *Country
}

// word is a token, or one piece of a hyphenated token: "Russian-backed" is
// the words "Russian" and "backed", so a name inside a compound is found
// ("Iraqi-made", "UK-France", "intra-Syrian").
type word struct {
	start, end int    // byte offsets in the text
	text       string // the text[start:end] substring
	piece      bool   // part of a hyphenated token
}

// splitWords turns tokens into words, splitting tokens at inner hyphens.
// buf is reused when it has room.
func splitWords(toks []text.Token, src string, buf []word) []word {
	if cap(buf) < len(toks) {
		buf = make([]word, 0, len(toks)+len(toks)/16)
	}
	ws := buf[:0]
	for _, t := range toks {
		if !hasInnerHyphen(t.Text) {
			ws = append(ws, word{t.Start, t.End, t.Text, false})
			continue
		}
		s := t.Start
		for k := t.Start; k <= t.End; k++ {
			if k == t.End || src[k] == '-' {
				if k > s {
					ws = append(ws, word{s, k, src[s:k], true})
				}
				s = k + 1
			}
		}
	}
	return ws
}

// hasInnerHyphen reports a hyphen inside a word ("Russian-backed"), not a
// token that is only dashes.
func hasInnerHyphen(s string) bool {
	for k := 1; k < len(s)-1; k++ {
		if s[k] == '-' {
			return true
		}
	}
	return false
}

// wordBufs recycles Find's word slices: no Match refers to them, and an
// article's words are as many bytes as its tokens, a fifth of the
// pipeline's allocation before this pool.
var wordBufs = sync.Pool{New: func() any { return new([]word) }}

// Find returns the country and demonym mentions in the text, skipping any
// candidate that overlaps one of the people spans. Matches are in text order
// and do not overlap.
func Find(a *text.Analysis, people []text.Span) []Match {
	if a == nil || len(a.Tokens) == 0 {
		return nil
	}
	bp := wordBufs.Get().(*[]word)
	ws := splitWords(a.Tokens, a.Src, *bp)
	defer func() {
		clear(ws) // drop the references to this article's text
		*bp = ws[:0]
		wordBufs.Put(bp)
	}()
	var cands []cand
	for i := 0; i < len(ws); i++ {
		if !startsUpper(ws[i].text) {
			continue
		}
		j, e := longest(a.Src, ws, i)
		if e == nil {
			continue
		}
		if e.country == nil { // a blocker: "New Mexico", "Indian Ocean"
			i = j - 1
			continue
		}
		cands = append(cands, cand{i: i, j: j, e: e})
		i = j - 1
	}
	return filter(scan{a.Src, ws}, cands, people)
}

// cand is a name found in the trie: words [i, j).
type cand struct {
	i, j int
	e    *entry
}

// longest returns the end of the longest complete name starting at word i
// and its entry, or (i, nil). A name does not run across a line break.
func longest(src string, ws []word, i int) (int, *entry) {
	n := tbl.root
	end, best := i, (*entry)(nil)
	for k := i; k < len(ws); k++ {
		if k > i && strings.IndexByte(src[ws[k-1].end:ws[k].start], '\n') >= 0 {
			break
		}
		if k == i {
			n = tbl.rootNext(ws[k].text)
		} else {
			n = n.next[ws[k].text]
		}
		if n == nil {
			break
		}
		if n.entry != nil {
			end, best = k+1, n.entry
		}
		if n.next == nil {
			break
		}
	}
	return end, best
}

// startsUpper reports whether s starts with an upper-case letter; every name
// in the table does, so other words are skipped without a lookup.
func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
