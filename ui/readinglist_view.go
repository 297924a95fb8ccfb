package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// itemTitle is how the reading list names item i: its title, else its id.
func (r reading) itemTitle(i int) string {
	d := r.items[i].Doc
	if d == nil {
		return "(empty)"
	}
	if t := oneLine(d.Title); t != "" {
		return t
	}
	if id := oneLine(d.ID); id != "" {
		return id
	}
	return "article " + strconv.Itoa(i+1)
}

// pageLabel is the status line's "2/5 " in a reading list, "" otherwise.
func (m Model) pageLabel() string {
	if n := len(m.reading.items); n > 1 {
		return strconv.Itoa(m.reading.cur+1) + "/" + strconv.Itoa(n) + " "
	}
	return ""
}

// readingOverlay draws the L overlay, when open, over the body's bottom.
func (m Model) readingOverlay(body []string) []string {
	if !m.reading.open || len(body) == 0 {
		return body
	}
	return overlay(body, m.readingBox(len(body)), m.width, m.exportWidth())
}

// readingBox draws the reading list, at most h rows: one row per article
// (a window around the cursor when they do not fit) and the keys.
func (m Model) readingBox(h int) []string {
	r, st := m.reading, m.st
	iw := m.exportWidth() - 2
	border := st.BorderFocused
	side := border.Render("│")
	rows := []string{border.Render("╭─") + st.Prompt.Render(" Reading list ") +
		border.Render(strings.Repeat("─", max(iw-15, 0))+"╮")}
	n := len(r.items)
	shown := max(min(n, h-3), 1)
	first := max(min(r.cursor-shown/2, n-shown), 0)
	for i := first; i < first+shown && i < n; i++ {
		base, marker := st.Text, "  "
		if i == r.cur {
			marker = "• "
		}
		if i == r.cursor {
			base, marker = st.Cursor, "› "
		}
		num := strconv.Itoa(i+1) + ". "
		ps := []piece{{marker + num, st.Count}}
		if d := r.items[i].Doc; d != nil && d.ID != "" && oneLine(d.ID) != r.itemTitle(i) {
			ps = append(ps, piece{oneLine(d.ID) + " · ", st.Dim}) // the file, first: titles are long
		}
		ps = append(ps, piece{r.itemTitle(i), st.Text})
		rows = append(rows, side+pieces(iw, base, ps...)+side)
	}
	hm := m.help
	hm.SetWidth(max(iw-2, 0))
	hint := " " + hm.ShortHelpView([]key.Binding{m.keys.Up, m.keys.Down, m.keys.Select, m.keys.Back})
	rows = append(rows, side+fitCells(hint, iw)+side, border.Render("╰"+strings.Repeat("─", iw)+"╯"))
	return rows
}

// overlay draws box (rows w cells wide) over the bottom rows of body, a
// screen width wide, centred.
func overlay(body, box []string, width, w int) []string {
	x, y := max((width-w)/2, 0), max(len(body)-len(box), 0)
	out := append([]string(nil), body...)
	for i, b := range box {
		if y+i >= len(out) {
			break
		}
		row := out[y+i]
		out[y+i] = ansi.Truncate(row, x, "") + ansi.ResetStyle + b + ansi.TruncateLeft(row, x+w, "")
	}
	return out
}
