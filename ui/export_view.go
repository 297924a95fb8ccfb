package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// itoa is strconv.Itoa, short for the status texts.
func itoa(n int) string { return strconv.Itoa(n) }

// exportOverlay draws the export form, when open, over the bottom rows of
// the body, centred.
func (m Model) exportOverlay(body []string) []string {
	if !m.export.open || len(body) == 0 {
		return body
	}
	return overlay(body, m.exportBox(len(body)), m.width, m.overlayWidth())
}

// exportBox draws the form, at most h rows: a bordered list of the
// formats with their descriptions, the path, and the keys or the question.
func (m Model) exportBox(h int) []string {
	f, st := m.export, m.st
	iw := m.overlayWidth() - 2
	var rows []string
	nameW := 0
	for _, ft := range f.formats {
		nameW = max(nameW, len(ft.Name))
	}
	first, end := window(len(f.formats), h-5, f.cur)
	for i := first; i < end; i++ {
		ft := f.formats[i]
		base, marker := st.Text, "  "
		if i == f.cur {
			base, marker = st.CursorBlur, "• "
			if f.field == fieldFormat {
				base, marker = st.Cursor, "› "
			}
		}
		name := ft.Name + strings.Repeat(" ", nameW-len(ft.Name)+2)
		rows = append(rows, pieces(iw, base, piece{marker + name, st.Text}, piece{ft.Description, st.Dim}))
	}
	label := st.Dim.Render(" Path  ")
	if f.field == fieldPath {
		label = st.Prompt.Render(" Path  ")
	}
	rows = append(rows, fitCells(label+f.path.View(), iw), fitCells(m.exportHint(iw), iw))
	return framed(st, "Export", iw, rows)
}

// exportHint is the form's last line: its keys, the overwrite question, or
// "exporting…".
func (m Model) exportHint(w int) string {
	f, ek := m.export, m.keys.Export
	hm := m.help
	hm.SetWidth(max(w-1, 0))
	switch {
	case f.running:
		return m.st.Dim.Render(" exporting…")
	case f.confirm:
		q := " " + ansi.Truncate(oneLine(f.path.Value()), max(w/2, 8), "…") + " exists. Overwrite? "
		return m.st.Prompt.Render(q) + hm.ShortHelpView([]key.Binding{ek.Yes, ek.No})
	}
	return " " + hm.ShortHelpView([]key.Binding{ek.Choose, ek.Field, ek.Run, ek.Cancel})
}
