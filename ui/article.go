package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-reader/dossier/extract"
)

// maxTextWidth keeps article lines readable on very wide terminals.
const maxTextWidth = 100

// gutterWidth is the column left of the text that holds the claim bar.
const gutterWidth = 2

// article is the pane showing the article text, wrapped to its width, with
// every mention painted. It keeps the wrapped lines for the current width
// and paints only the visible window in View.
type article struct {
	text  string
	st    *Styles // shared with the other panes, never changed in place
	keys  *keyMap
	lines []line

	width, height int
	textW         int
	top           int // index of the first visible line

	mentions  markIndex // static: every mention, styled by kind
	claims    markIndex // static: every claim's content, for the gutter bar
	dyn       markIndex // the selection's marks: a claim's parts or search matches
	cur       extract.Span
	hasCur    bool
	caret     caret       // the review cursor and selection (cursor.go)
	paint     *paintCache // SGR sequences by look (paint.go)
	wrapState             // how much of the text is wrapped (wrapasync.go)
}

// newArticle indexes the doc's mentions and claims for painting.
func newArticle(doc *extract.Doc, st *Styles, keys *keyMap) article {
	ms := make([]mark, 0, len(doc.Mentions))
	for _, m := range doc.Mentions {
		ms = append(ms, mark{m.Span, mentionMark(m.Kind)})
	}
	var cs []mark
	for _, c := range doc.Claims {
		for _, p := range claimPieces(c) {
			cs = append(cs, mark{p, markClaim})
		}
	}
	return article{
		text: doc.Text, st: st, keys: keys,
		mentions: newMarkIndex(ms), claims: newMarkIndex(cs), paint: newPaintCache(),
	}
}

// claimPieces returns the spans that make up a claim's content.
func claimPieces(c extract.Claim) []extract.Span {
	if len(c.ContentPieces) > 0 {
		return c.ContentPieces
	}
	return []extract.Span{c.Content}
}

// SetSize resizes the pane, rewrapping when the text width changes. The
// current mention stays in view if it was; otherwise the top line's text does.
func (a *article) SetSize(w, h int) {
	anchor, row, keepCur := -1, 0, false
	if len(a.lines) > 0 {
		anchor = a.lines[a.top].start
	}
	if a.hasCur && len(a.lines) > 0 && a.visible(a.cur.Start) {
		anchor, row, keepCur = a.cur.Start, lineAt(a.lines, a.cur.Start)-a.top, true
	}
	a.width, a.height = max(w, 0), max(h, 0)
	tw := min(max(w-gutterWidth-1, 1), maxTextWidth)
	if w <= gutterWidth+1 { // hidden behind a full-width pane: keep the lines
		if a.lines == nil {
			return
		}
		tw = a.textW
	}
	if tw == a.textW && a.lines != nil {
		a.ensure(max(anchor, 0))
		a.top = lineAt(a.lines, anchor) - row
		a.clamp()
		if keepCur && !a.visible(a.cur.Start) {
			a.Reveal(a.cur.Start)
		}
		return
	}
	first := a.lines == nil
	a.textW = tw
	a.rewrap(max(anchor, 0))
	if first && a.hasCur { // a jump before the first size: honour it now
		a.Reveal(a.cur.Start)
		return
	}
	if anchor >= 0 {
		a.top = lineAt(a.lines, anchor) - row
	}
	a.clamp()
	if keepCur && !a.visible(a.cur.Start) {
		a.Reveal(a.cur.Start)
	}
}

// SetStyles changes the theme.
func (a *article) SetStyles(st *Styles) {
	a.st = st
	a.restyle() // Markdown is rendered for a dark or a light background
}

// SetMarks replaces the selection's marks (a claim's parts, search matches).
func (a *article) SetMarks(ms []mark) { a.dyn = newMarkIndex(ms) }

// SetCurrent sets the span painted strongest; ok false clears it.
func (a *article) SetCurrent(s extract.Span, ok bool) { a.cur, a.hasCur = s, ok }

// Reveal scrolls so byte offset off sits about a third from the top.
func (a *article) Reveal(off int) {
	a.ensure(off)
	a.top = lineAt(a.lines, off) - a.height/3
	a.clamp()
}

// ScrollBy moves the window n lines down (up when negative).
func (a *article) ScrollBy(n int) {
	if a.partial {
		a.scrollPartial(n)
		return
	}
	a.top += n
	a.clamp()
}

// visible reports whether byte offset off is on a visible line.
func (a article) visible(off int) bool {
	i := lineAt(a.lines, off)
	return i >= a.top && i < a.top+a.height
}

func (a *article) clamp() {
	a.top = max(min(a.top, len(a.lines)-a.height), 0)
}

// Percent is how far the window has scrolled, 0 to 100.
func (a article) Percent() int {
	if a.partial {
		return a.partialPercent()
	}
	maxTop := len(a.lines) - a.height
	if maxTop <= 0 {
		return 100
	}
	return a.top * 100 / maxTop
}

// Update scrolls on the movement keys; the article sends no messages.
func (a article) Update(msg tea.Msg) (article, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return a, nil
	}
	switch half := max(a.height/2, 1); {
	case key.Matches(k, a.keys.Down):
		a.ScrollBy(1)
	case key.Matches(k, a.keys.Up):
		a.ScrollBy(-1)
	case key.Matches(k, a.keys.HalfDown):
		a.ScrollBy(half)
	case key.Matches(k, a.keys.HalfUp):
		a.ScrollBy(-half)
	case key.Matches(k, a.keys.PageDown):
		a.ScrollBy(max(a.height-1, 1))
	case key.Matches(k, a.keys.PageUp):
		a.ScrollBy(-max(a.height-1, 1))
	case key.Matches(k, a.keys.Top):
		a.ensure(0)
		a.top = 0
	case key.Matches(k, a.keys.Bottom):
		a.ensure(len(a.text))
		a.top = len(a.lines)
		a.clamp()
	}
	return a, nil
}

// View paints the visible window: height lines, each width cells wide.
func (a article) View() string { return strings.Join(a.rows(), "\n") }

// rows paints the visible window as height lines, each width cells wide.
func (a article) rows() []string {
	if a.width <= 0 || a.height <= 0 {
		return nil
	}
	rows := make([]string, 0, a.height)
	var buf []mark
	for i := a.top; i < a.top+a.height; i++ {
		if i >= len(a.lines) {
			rows = append(rows, strings.Repeat(" ", a.width))
			continue
		}
		var s string
		if a.md != nil { // glamour's rendition (mdarticle.go)
			s, buf = a.paintMD(i, buf)
		} else {
			s, buf = a.paintLine(a.lines[i], buf[:0])
		}
		rows = append(rows, s)
	}
	return rows
}

// paintLine renders one line: gutter, styled segments, padding.
func (a article) paintLine(l line, buf []mark) (string, []mark) {
	var b strings.Builder
	b.WriteString(a.gutter(l))
	buf = a.mentions.overlapping(buf, l.start, l.end)
	nm := len(buf)
	buf = a.dyn.overlapping(buf, l.start, l.end)
	cuts := []int{l.start, l.end}
	for _, m := range buf {
		cuts = append(cuts, max(m.Start, l.start), min(m.End, l.end))
	}
	if a.hasCur {
		cuts = append(cuts, max(min(a.cur.Start, l.end), l.start), max(min(a.cur.End, l.end), l.start))
	}
	cuts = a.caret.cuts(cuts, a.text, l)
	sort.Ints(cuts)
	a.paintSegs(&b, cuts, buf[:nm], buf[nm:]) // paint.go
	w := gutterWidth + cellWidth(a.text[l.start:l.end])
	if pad := a.width - w; pad > 0 {
		b.WriteString(strings.Repeat(" ", pad))
	}
	if w > a.width {
		return ansi.Truncate(b.String(), a.width, ""), buf
	}
	return b.String(), buf
}

// segStyle is the style of the segment [s, e): its mention's kind, then the
// selection's marks, then the current span on top.
func (a article) segStyle(s, e int, mentions, dyn []mark) lipgloss.Style {
	st := a.st.Text
	seg := extract.Span{Start: s, End: e}
	for _, m := range mentions {
		if m.Contains(seg) {
			st = a.st.markStyle(m.kind, st)
		}
	}
	for _, m := range dyn {
		if m.Contains(seg) {
			st = a.st.markStyle(m.kind, st)
		}
	}
	if a.hasCur && a.cur.Contains(seg) {
		st = a.st.Current.Inherit(st)
	}
	return a.caret.style(st, a.st, a.text, seg)
}

// gutter draws the claim bar left of lines inside a claim's content.
func (a article) gutter(l line) string {
	end := max(l.end, l.start+1)
	var buf [4]mark
	for _, m := range a.dyn.overlapping(buf[:0], l.start, end) {
		if m.kind == markClaimSel {
			return a.st.ClaimBarSel.Render(claimBarSel) + " "
		}
	}
	if len(a.claims.overlapping(buf[:0], l.start, end)) > 0 && l.start != l.end {
		return a.st.ClaimBar.Render(claimBar) + " "
	}
	return "  "
}
