package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Side pane widths: the panes take about 2/5 of a mid-sized terminal, never
// more than sideMax, and hide below minSplit columns (tab shows them full
// width instead).
const (
	sideMax  = 44
	sideMin  = 26
	minSplit = 60
)

// sideWidth is the width of the side column for a terminal w wide.
func (m Model) sideWidth(w int) int {
	switch {
	case w < minSplit && m.focus == focusArticle:
		return 0
	case w < minSplit:
		return w
	}
	return min(max(w*2/5, sideMin), sideMax)
}

// narrow reports whether the terminal is too narrow to show the article and
// the side panes together, so a focused side pane replaces the article.
func (m Model) narrow() bool { return m.width < minSplit }

// footerHeight is the status line plus the full help when shown.
func (m Model) footerHeight() int {
	if m.help.ShowAll {
		return 1 + lipgloss.Height(m.help.FullHelpView(m.keys.FullHelp()))
	}
	return 1
}

// layout sizes every pane for a w×h terminal.
func (m *Model) layout(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.help.SetWidth(m.width)
	m.input.SetWidth(max(m.width-4, 1))
	m.sizeReviewInput()
	bodyH := max(m.height-m.footerHeight(), 0)
	side := m.sideWidth(m.width)
	m.article.SetSize(m.width-side, bodyH)
	want := make([]int, len(m.lists))
	for i, l := range m.lists {
		want[i] = max(len(l.rows), 1) + 2
	}
	hs := splitHeights(bodyH, want, int(m.focus-focusPeople))
	if m.narrow() { // the focused pane alone takes the screen
		for i := range hs {
			hs[i] = 0
			if focus(i)+focusPeople == m.focus {
				hs[i] = bodyH
			}
		}
	}
	for i, ph := range hs {
		m.lists[i].SetSize(side, ph)
	}
}

// splitHeights shares total rows among panes that want want[i] rows each:
// everyone gets a fair share first (the focused pane pri first), rows nobody
// wants go to the last pane so the column always fills the height.
func splitHeights(total int, want []int, pri int) []int {
	n := len(want)
	hs := make([]int, n)
	for left := total; left > 0; {
		given := false
		for k := 0; k < n && left > 0; k++ {
			i := k
			if pri >= 0 && pri < n {
				i = (pri + k) % n
			}
			if hs[i] < want[i] || hs[i] < 3 {
				hs[i]++
				left--
				given = true
			}
		}
		if !given {
			hs[n-1] += left
			break
		}
	}
	return hs
}

// hit returns the pane under cell (x, y) and, for a side pane, the index of
// the row there (-1 on a border); f is -1 outside every pane.
func (m Model) hit(x, y int) (f focus, row int) {
	side := m.sideWidth(m.width)
	aw := m.width - side
	if x < aw && y < m.article.height {
		return focusArticle, -1
	}
	if x < aw {
		return -1, -1
	}
	top := 0
	for i, l := range m.lists {
		if y >= top && y < top+l.height {
			r := y - top - 1
			if r < 0 || r >= l.inner() {
				return focus(i) + focusPeople, -1
			}
			return focus(i) + focusPeople, l.offset + r
		}
		top += l.height
	}
	return -1, -1
}

// render draws the whole screen, exactly width×height cells.
func (m Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	body := m.readingOverlay(m.exportOverlay(m.body()))
	var foot []string
	if m.help.ShowAll {
		foot = append(foot, m.help.FullHelpView(m.keys.FullHelp()))
	}
	foot = append(foot, m.statusLine())
	footer := fit(strings.Join(foot, "\n"), m.width, max(m.height-len(body), 0))
	if len(body) == 0 {
		return footer
	}
	return strings.Join(body, "\n") + "\n" + footer
}

// body is the article beside the side panes, one string per row. Every
// pane draws rows of exactly its width, so the rows are joined as they are
// rather than measured again (TestSizes checks the frame's size).
func (m Model) body() []string {
	if m.article.height == 0 {
		return nil
	}
	rows := m.article.rows()
	side := m.sideWidth(m.width)
	if side == 0 {
		return rows
	}
	var panes []string
	for _, l := range m.lists {
		if l.height > 0 {
			panes = append(panes, strings.Split(l.View(), "\n")...)
		}
	}
	n := min(max(len(rows), len(panes)), max(m.height-m.footerHeight(), 0))
	out := make([]string, n)
	aw := m.width - side
	for i := range out {
		left := strings.Repeat(" ", aw)
		if i < len(rows) {
			left = rows[i]
		}
		right := strings.Repeat(" ", side)
		if i < len(panes) {
			right = panes[i]
		}
		out[i] = left + right
	}
	return out
}

// statusLine is the bottom line: title, position, selection, key hints; or
// the search input while it is open.
func (m Model) statusLine() string {
	w := m.width
	if m.searching {
		return m.input.View()
	}
	if l, ok := m.reviewLine(); ok {
		return l
	}
	pos := m.st.Status.Render(fmt.Sprintf(" %3d%% ", m.article.Percent()))
	info := m.selInfo() + m.reviewInfo()
	rest := max(w-lipgloss.Width(pos)-lipgloss.Width(info), 0)
	title := m.pageLabel() + oneLine(m.doc.Title)
	tw := min(ansi.StringWidth(title)+2, max(rest*2/5, 16), rest)
	hints := ""
	if !m.help.ShowAll {
		hm := m.help
		hm.SetWidth(max(rest-tw-1, 0))
		hints = hm.ShortHelpView(m.keys.paneHelp(m.focus))
		tw = min(max(tw, rest-lipgloss.Width(hints)-1), ansi.StringWidth(title)+2)
	}
	left := pos + info
	if title != "" && tw > 2 {
		left = m.st.StatusTitle.Render(" "+ansi.Truncate(title, tw-2, "…")+" ") + left
	}
	gap := max(w-lipgloss.Width(left)-lipgloss.Width(hints), 0)
	return left + strings.Repeat(" ", gap) + hints
}

// selInfo describes the selection: "Antony Blinken · mention 3/12".
func (m Model) selInfo() string {
	s := m.sel
	if s.mode == selNone {
		return ""
	}
	if len(s.targets) == 0 {
		return m.st.StatusInfo.Render(" " + s.label + " · no " + s.unit + "es ")
	}
	return m.st.StatusInfo.Render(fmt.Sprintf(" %s · %s %d/%d ", s.label, s.unit, s.cur+1, len(s.targets)))
}

// fit cuts or pads s to exactly w×h cells, so the frame never wraps or
// scrolls the terminal whatever the panes drew.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[len(lines)-h:]
	}
	for len(lines) < h {
		lines = append([]string{""}, lines...)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			lines[i] = ansi.Truncate(l, w, "")
		} else if lw < w {
			lines[i] = l + strings.Repeat(" ", w-lw)
		}
	}
	return strings.Join(lines, "\n")
}
