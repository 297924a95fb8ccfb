package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-reader/dossier/extract/review"
)

// jumpMsg is sent by a side pane when the user picks a row (enter or a
// click): the reader jumps to the entity's first mention or to the claim.
// Exactly one of entity and claim is >= 0.
type jumpMsg struct {
	entity int // index into Doc.Entities, or -1
	claim  int // index into Doc.Claims, or -1
}

// list is a side pane: a bordered, scrolling list of rows with a cursor.
type list struct {
	title   string
	kind    markKind // colours the title like the pane's highlights
	empty   string   // shown when there are no rows
	claims  bool     // rows point at claims rather than entities
	rows    []row
	tree    []row    // Claims pane: every speaker and claim; rows shows the open ones
	open    []string // Claims pane: the expanded speakers
	cursor  int
	offset  int
	active  int // the row of the current selection, -1 for none
	focused bool

	width, height int
	st            *Styles // shared by every pane: the Model stays small to copy
	keys          *keyMap
	cache         *paneCache // the last drawing (panecache.go); nil: none
}

// SetSize sets the pane's outer size, border included.
func (l *list) SetSize(w, h int) {
	l.width, l.height = max(w, 0), max(h, 0)
	l.scroll()
}

// inner is the number of rows that fit inside the border.
func (l list) inner() int { return max(l.height-2, 0) }

// scroll keeps the cursor inside the visible rows.
func (l *list) scroll() {
	l.cursor = max(min(l.cursor, len(l.rows)-1), 0)
	n := max(l.inner(), 1)
	l.offset = max(min(l.offset, l.cursor), l.cursor-n+1, 0)
}

// Select moves the cursor to row i.
func (l *list) Select(i int) {
	l.cursor = i
	l.scroll()
}

// SetActive marks the row whose target is t (-1: none) as the selection.
func (l *list) SetActive(t int) {
	l.active = -1
	for i, r := range l.rows {
		if t >= 0 && r.target == t {
			l.active = i
			return
		}
	}
}

// Pick returns the jump for the row under the cursor, nil when empty.
func (l list) Pick() tea.Cmd {
	if len(l.rows) == 0 || l.rows[l.cursor].header {
		return nil
	}
	msg := jumpMsg{entity: l.rows[l.cursor].target, claim: -1}
	if l.claims {
		msg = jumpMsg{entity: -1, claim: l.rows[l.cursor].target}
	}
	return func() tea.Msg { return msg }
}

// Update moves the cursor on the movement keys and picks on enter.
func (l list) Update(msg tea.Msg) (list, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return l, nil
	}
	if l.claims {
		if l, cmd, ok := l.claimKey(k); ok {
			return l, cmd
		}
	}
	half, page := max(l.inner()/2, 1), max(l.inner(), 1)
	switch {
	case key.Matches(k, l.keys.Select):
		return l, l.Pick()
	case key.Matches(k, l.keys.Down):
		l.cursor++
	case key.Matches(k, l.keys.Up):
		l.cursor--
	case key.Matches(k, l.keys.HalfDown):
		l.cursor += half
	case key.Matches(k, l.keys.HalfUp):
		l.cursor -= half
	case key.Matches(k, l.keys.PageDown):
		l.cursor += page
	case key.Matches(k, l.keys.PageUp):
		l.cursor -= page
	case key.Matches(k, l.keys.Top):
		l.cursor = 0
	case key.Matches(k, l.keys.Bottom):
		l.cursor = len(l.rows) - 1
	}
	l.scroll()
	return l, nil
}

// draw draws the pane: a rounded border with the title in its top edge.
// View (panecache.go) calls it when the pane has changed.
func (l list) draw() string {
	if l.width < 4 || l.height < 2 {
		return blank(l.width, l.height)
	}
	border := l.st.Border
	if l.focused {
		border = l.st.BorderFocused
	}
	iw := l.width - 2
	lines := []string{l.topEdge(border, iw)}
	for i := 0; i < l.inner(); i++ {
		lines = append(lines, border.Render("│")+l.rowView(l.offset+i, iw)+border.Render("│"))
	}
	lines = append(lines, border.Render("╰"+strings.Repeat("─", iw)+"╯"))
	return strings.Join(lines, "\n")
}

// topEdge is "╭─ People 12 ───╮", the title in its highlight style.
func (l list) topEdge(border lipgloss.Style, iw int) string {
	title := ansi.Truncate(" "+l.title+" ", max(iw-1, 0), "…")
	count, rows := "", len(l.rows)
	if l.claims {
		rows = l.claimCount()
	}
	if n := strconv.Itoa(rows); rows > 0 && ansi.StringWidth(title)+len(n)+1 <= iw-1 {
		count = n + " "
	}
	ts := l.st.markStyle(l.kind, l.st.Claim).Bold(true)
	if l.focused {
		ts = ts.Reverse(true)
	}
	rest := iw - 1 - ansi.StringWidth(title) - ansi.StringWidth(count)
	return border.Render("╭─") + sgrOf(ts) + title + ansi.ResetStyle + l.st.Count.Render(count) +
		border.Render(strings.Repeat("─", max(rest, 0))+"╮")
}

// rowView draws row i (or the empty note, or blank) exactly w cells wide.
func (l list) rowView(i, w int) string {
	if len(l.rows) == 0 {
		if i == 0 {
			return pieces(w, l.st.Text, piece{" " + l.empty, l.st.Empty})
		}
		return strings.Repeat(" ", w)
	}
	if i >= len(l.rows) {
		return strings.Repeat(" ", w)
	}
	r := l.rows[i]
	base, marker := l.st.Text, " "
	if i == l.active {
		base, marker = l.st.CursorBlur, "•"
	}
	if i == l.cursor && l.focused {
		base, marker = l.st.Cursor, "›"
	}
	return pieces(w, base, l.rowPieces(r, marker)...)
}

// rowPieces are row r's runs of text after the cursor marker: an entity,
// a speaker (claimpane.go) or one of its claims, indented below it.
func (l list) rowPieces(r row, marker string) []piece {
	name := l.st.markStyle(r.kind, l.st.Claim)
	if r.state == review.Rejected {
		name = l.st.Rejected
	}
	mark := piece{r.state.Mark() + " ", l.st.Count}
	switch {
	case l.claims && r.header:
		arrow := "▸ "
		if l.isOpen(r.name) {
			arrow = "▾ "
		}
		return []piece{{marker, name}, mark, {arrow, l.st.Count}, {r.name, name}, {" · " + r.info, l.st.Count}}
	case l.claims:
		words := l.st.Text
		if r.state == review.Rejected {
			words = l.st.Rejected
		}
		return []piece{{marker, name}, {"   ", l.st.Count}, mark, {r.detail, words}}
	}
	ps := []piece{{marker, name}, mark, {r.name, name}}
	if r.info != "" {
		ps = append(ps, piece{" · " + r.info, l.st.Count})
	}
	if r.detail != "" {
		ps = append(ps, piece{" " + r.detail, l.st.Dim})
	}
	return ps
}

// piece is a run of row text with its style.
type piece struct {
	text  string
	style lipgloss.Style
}

// pieces renders ps over base, truncated with "…" and padded to w cells.
// Each piece inherits base, so a cursor background runs under every piece.
func pieces(w int, base lipgloss.Style, ps ...piece) string {
	var b strings.Builder
	left := w
	for _, p := range ps {
		t := p.text
		if tw := ansi.StringWidth(t); tw > left {
			t = ansi.Truncate(t, left, "…")
		}
		writeStyled(&b, sgrOf(p.style.Inherit(base)), t) // one sequence per piece
		left -= ansi.StringWidth(t)
		if left <= 0 {
			break
		}
	}
	writeStyled(&b, sgrOf(base), strings.Repeat(" ", max(left, 0)))
	return b.String()
}

// blank is a w×h block of spaces.
func blank(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	return strings.TrimSuffix(strings.Repeat(strings.Repeat(" ", w)+"\n", h), "\n")
}
