package article

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// MarkMentions wraps each span of Markdown source md (byte offsets,
// [start, end)) in the highlight markers MarkStart … MarkEnd, as the screen
// needs to find mentions in glamour's output (DESIGN.md §3). Markers go only
// inside plain text runs: never in code, URLs, autolinks, image text, raw
// HTML or markup, and never inside an escape (\*) or an entity (&amp;), whose
// edges a span is widened to. A span that crosses runs (a soft line break,
// an emphasis edge) is wrapped once per run; a span that touches no text run
// gets no markers. Spans that overlap an earlier span are skipped. Use
// MarkMentionsOwners to know which span each marker pair belongs to.
func MarkMentions(md string, spans [][2]int) string {
	out, _ := MarkMentionsOwners(md, spans)
	return out
}

// MarkMentionsOwners is MarkMentions that also returns, for each marker pair
// in the result in order, the index in spans of the span it marks.
func MarkMentionsOwners(md string, spans [][2]int) (string, []int) {
	runs := textRuns([]byte(md))
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return spans[a][0] - spans[b][0] })

	type piece struct{ start, end, owner int }
	var pieces []piece
	last := 0 // end of the last piece placed
	for _, k := range order {
		s, e := spans[k][0], spans[k][1]
		var mine []piece
		for _, r := range runs {
			ps, pe := max(s, r.start), min(e, r.end)
			if ps >= pe {
				continue
			}
			if ps, pe = r.snap(ps, pe); ps < pe {
				mine = append(mine, piece{ps, pe, k})
			}
		}
		if len(mine) == 0 || mine[0].start < last {
			continue
		}
		pieces = append(pieces, mine...)
		last = mine[len(mine)-1].end
	}

	var b strings.Builder
	b.Grow(len(md) + 6*len(pieces))
	owners := make([]int, len(pieces))
	at := 0
	for i, p := range pieces {
		b.WriteString(md[at:p.start])
		b.WriteRune(MarkStart)
		b.WriteString(md[p.start:p.end])
		b.WriteRune(MarkEnd)
		at = p.end
		owners[i] = p.owner
	}
	b.WriteString(md[at:])
	return b.String(), owners
}

// run is a plain text run of Markdown source: a Text node's segment, with
// the offsets at which its atoms start.
type run struct {
	start, end int
	atoms      []int // start of each atom, ascending, then end
	// A marker right after an emphasis closer (or right before an opener)
	// takes the place of the delimiter's neighbour in CommonMark's flanking
	// rules and can undo the emphasis (_x_. is emphasis, _x_\u2062. is not):
	// pieces are kept one atom away from such a delimiter.
	afterDelim, beforeDelim bool
}

// snap widens [s, e) to whole atoms of r, then narrows it away from
// emphasis delimiters outside r.
func (r run) snap(s, e int) (int, int) {
	i, _ := slices.BinarySearch(r.atoms, s)
	if i >= len(r.atoms) || r.atoms[i] != s {
		i--
	}
	j, _ := slices.BinarySearch(r.atoms, e)
	j = min(j, len(r.atoms)-1)
	if r.afterDelim && i == 0 {
		i++
	}
	if r.beforeDelim && j == len(r.atoms)-1 {
		j--
	}
	if i >= j {
		return s, s
	}
	return r.atoms[i], r.atoms[j]
}

// isDelimited reports whether n is an inline node written with emphasis
// delimiters (*, _, ~).
func isDelimited(n ast.Node) bool {
	switch n.(type) {
	case *ast.Emphasis, *east.Strikethrough:
		return true
	}
	return false
}

// textRuns returns the markable plain text runs of Markdown src in order.
func textRuns(src []byte) []run {
	var runs []run
	_ = ast.Walk(parseMarkdown(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.Image, *ast.AutoLink, *ast.RawHTML, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			if n.IsRaw() || seg.Start >= seg.Stop {
				return ast.WalkContinue, nil
			}
			r := run{start: seg.Start, end: seg.Stop,
				afterDelim:  isDelimited(n.PreviousSibling()),
				beforeDelim: isDelimited(n.NextSibling())}
			for i := seg.Start; i < seg.Stop; {
				r.atoms = append(r.atoms, i)
				_, size := mdAtom(src[i:seg.Stop])
				i += size
			}
			r.atoms = append(r.atoms, seg.Stop)
			runs = append(runs, r)
		}
		return ast.WalkContinue, nil
	})
	return runs
}

// mdAtom returns the text of the first atom of b, a piece of a Markdown text
// run, and its length in b: a backslash escape (\* is *), an entity or
// numeric character reference (&amp; is &, sanitized), or one UTF-8
// character.
func mdAtom(b []byte) (string, int) {
	switch b[0] {
	case '\\':
		if len(b) > 1 && util.IsPunct(b[1]) {
			return string(b[1:2]), 2
		}
	case '&':
		if s, n := entity(b); n > 0 {
			return Sanitize(s), n
		}
	}
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError && size <= 1 {
		return "\uFFFD", max(size, 1)
	}
	return string(b[:size]), size
}

// entity decodes the character reference at the start of b ("&amp;",
// "&#8217;", "&#x2019;") and returns its text and length, or 0 if b starts
// with none.
func entity(b []byte) (string, int) {
	end := 1
	for end < len(b) && end < 40 && b[end] != ';' {
		end++
	}
	if end >= len(b) || b[end] != ';' || end < 2 {
		return "", 0
	}
	name := string(b[1:end])
	if name[0] != '#' {
		e, ok := util.LookUpHTML5EntityByName(name)
		if !ok {
			return "", 0
		}
		return string(e.Characters), end + 1
	}
	base, digits := 10, name[1:]
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		base, digits = 16, digits[1:]
	}
	if digits == "" || len(digits) > 7 {
		return "", 0
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return "", 0
	}
	r := rune(v)
	if r == 0 || !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return string(r), end + 1
}
