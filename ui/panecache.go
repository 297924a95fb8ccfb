package ui

import "slices"

// paneCache keeps a side pane's last drawing with everything it was drawn
// from, so a frame that changes nothing in the pane (a scroll of the
// article, a step to the next mention) reuses it instead of rendering every
// row again. The rows on screen are compared by value, so a change to a row
// in place (a review decision) is seen too. Like paintCache it is shared by
// the copies of a list and used on the UI goroutine only.
type paneCache struct {
	key  paneKey
	rows []row // the rows the drawing shows
	view string
}

// paneKey is the scalar state a pane's drawing depends on.
type paneKey struct {
	title, empty                     string
	width, height, cursor, offset    int
	active, nrows                    int
	focused                          bool
	border, borderFocused, titleLook look
}

// View draws the pane, from the cache when nothing it shows has changed.
func (l list) View() string {
	if l.cache == nil {
		return l.draw()
	}
	k := paneKey{
		title: l.title, empty: l.empty,
		width: l.width, height: l.height, cursor: l.cursor, offset: l.offset,
		active: l.active, nrows: len(l.rows), focused: l.focused,
		border: fingerprint(l.st.Border), borderFocused: fingerprint(l.st.BorderFocused),
		titleLook: fingerprint(l.st.markStyle(l.kind, l.st.Claim)),
	}
	shown := l.rows[min(l.offset, len(l.rows)):min(l.offset+l.inner(), len(l.rows))]
	c := l.cache
	if c.view != "" && c.key == k && slices.Equal(c.rows, shown) {
		return c.view
	}
	c.key, c.rows, c.view = k, slices.Clone(shown), l.draw()
	return c.view
}
