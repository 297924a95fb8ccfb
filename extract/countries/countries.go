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
// ("Iraqi-made", "UK-France", "intra-Syrian"). It is a text.Token, so that
// the runs of tokens between hyphenated ones are copied whole.
type word = text.Token

// splitWords turns tokens into words, splitting tokens at inner hyphens.
// buf is reused when it has room.
//
// Rather than look at every byte of every token, it finds the hyphens of
// the text with strings.IndexByte and the tokens that hold them, and copies
// the tokens in between as they are (2% of conll2003-dev's tokens have an
// inner hyphen; testing each token took 3.4 M instructions per BenchmarkTag
// pass, more than the rest of Find).
func splitWords(toks []text.Token, src string, buf []word) []word {
	if cap(buf) < len(toks) {
		buf = make([]word, 0, len(toks)+len(toks)/16)
	}
	ws := buf[:0]
	done := 0 // tokens before done are in ws
	for k := range text.TokensHolding(toks, src, '-') {
		t := toks[k]
		if !hasInnerHyphen(t.Text) {
			continue
		}
		ws = append(ws, toks[done:k]...)
		s := t.Start
		for j := t.Start; j <= t.End; j++ {
			if j == t.End || src[j] == '-' {
				if j > s {
					ws = append(ws, word{Start: s, End: j, Text: src[s:j]})
				}
				s = j + 1
			}
		}
		done = k + 1
	}
	return append(ws, toks[done:]...)
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

// scratches recycles Find's words and candidates: no Match refers to them,
// and an article's words are as many bytes as its tokens, a fifth of the
// pipeline's allocation before this pool. A long text's (more than
// keepWords words) are left to the collector.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

const keepWords = 1 << 14

// scratch is the arrays of one Find.
type scratch struct {
	ws    []word
	cands []cand
}

// Find returns the country and demonym mentions in the text, skipping any
// candidate that overlaps one of the people spans. Matches are in text order
// and do not overlap.
func Find(a *text.Analysis, people []text.Span) []Match {
	if a == nil || len(a.Tokens) == 0 {
		return nil
	}
	sc := scratches.Get().(*scratch)
	ws := splitWords(a.Tokens, a.Src, sc.ws)
	cands := sc.cands[:0]
	defer func() {
		if cap(ws) <= keepWords {
			clear(ws) // drop the references to this article's text
			sc.ws, sc.cands = ws[:0], cands[:0]
			scratches.Put(sc)
		}
	}()
	for i := nextUpper(ws, 0); i < len(ws); i = nextUpper(ws, i+1) {
		if ws[i].Text[0] >= utf8.RuneSelf && !startsUpperRune(ws[i].Text) {
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
		if k > i && strings.IndexByte(src[ws[k-1].End:ws[k].Start], '\n') >= 0 {
			break
		}
		if k == i {
			n = tbl.rootNext(ws[k].Text)
		} else {
			n = n.next[ws[k].Text]
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

// nextUpper returns the first word from i on that starts with an ASCII
// capital letter or a multi-byte rune: every name in the table starts with
// an upper-case letter, so Find skips the other words (four in five)
// without a lookup, in a loop without calls that keeps its values in
// registers.
func nextUpper(ws []word, i int) int {
	for ; i < len(ws); i++ {
		if t := ws[i].Text; t != "" && (t[0]-'A' < 26 || t[0] >= utf8.RuneSelf) {
			return i
		}
	}
	return i
}

// startsUpperRune reports whether s, which starts with a multi-byte rune,
// starts with an upper-case letter.
func startsUpperRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
