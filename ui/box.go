package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// The export form and the reading list are boxes drawn over the bottom of
// the body (overlay): a titled border around rows iw = overlayWidth()-2
// cells wide (framed), listing a window of their items (window).

// overlayWidth is an overlay box's outer width for the current terminal.
func (m Model) overlayWidth() int { return min(max(m.width-4, 20), 72) }

// framed puts a border around rows, each exactly iw cells wide, with title
// in its top edge: ╭─ title ──╮, │row│ …, ╰──╯, iw+2 cells wide.
func framed(st *Styles, title string, iw int, rows []string) []string {
	border := st.BorderFocused
	side := border.Render("│")
	title = " " + title + " "
	out := make([]string, 0, len(rows)+2)
	out = append(out, border.Render("╭─")+st.Prompt.Render(title)+
		border.Render(strings.Repeat("─", max(iw-1-ansi.StringWidth(title), 0))+"╮"))
	for _, r := range rows {
		out = append(out, side+r+side)
	}
	return append(out, border.Render("╰"+strings.Repeat("─", iw)+"╯"))
}

// window picks the items [first, end) of n to show in room rows (at least
// one), the cursor in the middle where the ends allow.
func window(n, room, cursor int) (first, end int) {
	shown := max(min(n, room), 1)
	first = max(min(cursor-shown/2, n-shown), 0)
	return first, min(first+shown, n)
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

// fitCells cuts or pads a styled string to exactly w cells.
func fitCells(s string, w int) string {
	if sw := ansi.StringWidth(s); sw > w {
		return ansi.Truncate(s, w, "…")
	} else if sw < w {
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}
