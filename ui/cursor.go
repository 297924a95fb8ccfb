package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/dossier-reader/dossier/extract"
)

// caret is the article's text cursor and, after v, the selection from
// anchor to the caret (both ends included, as in vi).
type caret struct {
	on        bool // shown: set by the first motion or a jump
	at        int  // byte offset of the rune under the caret
	anchor    int  // where the selection started
	selecting bool
}

// span is the selection, or the rune under the caret.
func (c caret) span(text string) extract.Span {
	a, b := c.at, c.at
	if c.selecting {
		a, b = min(c.anchor, c.at), max(c.anchor, c.at)
	}
	_, n := utf8.DecodeRuneInString(text[min(b, len(text)):])
	return extract.Span{Start: a, End: min(b+max(n, 1), len(text))}
}

// cuts adds the caret's edges on line l to the painter's cut points.
func (c caret) cuts(cuts []int, text string, l line) []int {
	if !c.on {
		return cuts
	}
	s := c.span(text)
	return append(cuts, max(min(s.Start, l.end), l.start), max(min(s.End, l.end), l.start))
}

// style lays the caret or selection style over st for segment seg.
func (c caret) style(st lipgloss.Style, styles *Styles, text string, seg extract.Span) lipgloss.Style {
	if !c.on || !c.span(text).Contains(seg) {
		return st
	}
	if c.selecting {
		return styles.Selection.Inherit(st)
	}
	return styles.Caret.Inherit(st)
}

// class is a rune's word class: 0 space, 1 word (letters, digits, marks),
// 2 punctuation and symbols.
func class(r rune) int {
	switch {
	case unicode.IsSpace(r):
		return 0
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return 1
	}
	return 2
}

// classAt is the class of the rune at i (space past the end).
func classAt(text string, i int) int {
	if i < 0 || i >= len(text) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return class(r)
}

// next and prev step one rune.
func next(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	_, n := utf8.DecodeRuneInString(text[i:])
	return i + n
}

func prev(text string, i int) int {
	if i <= 0 {
		return 0
	}
	_, n := utf8.DecodeLastRuneInString(text[:i])
	return i - n
}

// runEnd is the end of the run of i's class that i is in.
func runEnd(text string, i int) int {
	c := classAt(text, i)
	for i < len(text) && classAt(text, i) == c {
		i = next(text, i)
	}
	return i
}

// runStart is the start of the run of i's class that i is in.
func runStart(text string, i int) int {
	c := classAt(text, i)
	for i > 0 && classAt(text, prev(text, i)) == c {
		i = prev(text, i)
	}
	return i
}

// skipSpace moves i forward past spaces.
func skipSpace(text string, i int) int {
	for i < len(text) && classAt(text, i) == 0 {
		i = next(text, i)
	}
	return i
}

// wordNext is vi's w: the start of the next word.
func wordNext(text string, i int) int {
	if classAt(text, i) != 0 {
		i = runEnd(text, i)
	}
	if j := skipSpace(text, i); j < len(text) {
		return j
	}
	return prev(text, len(text))
}

// wordBack is vi's b: the start of this word, or of the previous one.
func wordBack(text string, i int) int {
	i = prev(text, i)
	for i > 0 && classAt(text, i) == 0 {
		i = prev(text, i)
	}
	return runStart(text, i)
}

// wordEnd is vi's e: the last rune of this word, or of the next one.
func wordEnd(text string, i int) int {
	j := skipSpace(text, next(text, i))
	if j >= len(text) {
		return i
	}
	return prev(text, runEnd(text, j))
}

// charStep moves one rune forward (d=1) or back, over line breaks.
func charStep(text string, i, d int) int {
	j := i
	for {
		if d > 0 {
			if next(text, j) >= len(text) {
				return i
			}
			j = next(text, j)
		} else {
			if j == 0 {
				return i
			}
			j = prev(text, j)
		}
		if text[j] != '\n' && text[j] != '\r' {
			return j
		}
	}
}

// wordAt is the word (or punctuation run) under i.
func wordAt(text string, i int) extract.Span {
	if classAt(text, i) == 0 {
		return extract.Span{Start: i, End: next(text, i)}
	}
	return extract.Span{Start: runStart(text, i), End: runEnd(text, i)}
}

// edgeMove is one of the four ways to move a mention's edge by a word.
type edgeMove int

// The edge moves.
const (
	startLeft edgeMove = iota
	startRight
	endLeft
	endRight
)

// moveEdge returns s with one edge moved by a word (letters and digits;
// punctuation between words goes along); ok is false when the span would
// become empty, leave the text or cross a paragraph break.
func moveEdge(text string, s extract.Span, m edgeMove) (extract.Span, bool) {
	isWord := func(i int) bool { return classAt(text, i) == 1 }
	switch m {
	case startLeft:
		j := prev(text, s.Start)
		for j > 0 && !isWord(j) {
			j = prev(text, j)
		}
		if !isWord(j) {
			return s, false
		}
		s.Start = runStart(text, j)
	case startRight:
		j := s.Start
		if isWord(j) {
			j = runEnd(text, j)
		}
		for j < s.End && !isWord(j) {
			j = next(text, j)
		}
		s.Start = j
	case endRight:
		j := s.End
		for j < len(text) && !isWord(j) {
			j = next(text, j)
		}
		if j >= len(text) {
			return s, false
		}
		s.End = runEnd(text, j)
	case endLeft:
		j := prev(text, s.End)
		if isWord(j) {
			j = runStart(text, j)
		}
		for j > s.Start && !isWord(prev(text, j)) {
			j = prev(text, j)
		}
		s.End = j
	}
	ok := s.Start < s.End && !strings.Contains(text[s.Start:s.End], "\n\n")
	return s, ok
}
