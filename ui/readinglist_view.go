package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
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
	return overlay(body, m.readingBox(len(body)), m.width, m.overlayWidth())
}

// readingBox draws the reading list, at most h rows: one row per article
// (a window around the cursor when they do not fit) and the keys.
func (m Model) readingBox(h int) []string {
	r, st := m.reading, m.st
	iw := m.overlayWidth() - 2
	var rows []string
	first, end := window(len(r.items), h-3, r.cursor)
	for i := first; i < end; i++ {
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
		rows = append(rows, pieces(iw, base, ps...))
	}
	hm := m.help
	hm.SetWidth(max(iw-2, 0))
	hint := " " + hm.ShortHelpView([]key.Binding{m.keys.Up, m.keys.Down, m.keys.Select, m.keys.Back})
	return framed(st, "Reading list", iw, append(rows, fitCells(hint, iw)))
}
