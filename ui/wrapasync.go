package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// asyncWrapBytes is the article size above which wrapping leaves the UI
// goroutine: wrapping takes about 10 ms per MB, so below this the whole
// article is wrapped at once and the first frame is complete.
const asyncWrapBytes = 128 << 10

// wrapState is how far an article's wrapped lines are from the whole text.
// A large article is first wrapped only around what the screen shows (a
// window of a few screens) and a command wraps all of it in the background;
// wrappedMsg replaces the window with the full lines.
type wrapState struct {
	partial bool // lines cover a window of the text; the full wrap is on its way
	gen     int  // the article's generation: a new text is a new generation
	pending int  // the text width a wrap command was issued for, 0 for none
}

// wrappedMsg is sent by the background wrap when the article text of
// generation gen has been wrapped at width; older results are dropped.
type wrappedMsg struct {
	gen, width int
	lines      []line
}

// rewrap wraps the text at the current text width: all of it for a small
// article, else a window around byte offset anchor (the full wrap then comes
// from wrapCmd).
func (a *article) rewrap(anchor int) {
	if len(a.text) <= asyncWrapBytes {
		a.lines, a.partial = wrap(a.text, a.textW), false
		return
	}
	a.lines, a.partial = wrapWindow(a.text, a.textW, anchor, max(a.height, 10)), true
}

// wrapCmd returns the command that wraps the whole text in the background,
// or nil when the lines are complete or a command is already on its way.
func (a *article) wrapCmd() tea.Cmd {
	if !a.partial || a.pending == a.textW {
		return nil
	}
	a.pending = a.textW
	text, w, gen := a.text, a.textW, a.gen
	return func() tea.Msg { return wrappedMsg{gen: gen, width: w, lines: wrap(text, w)} }
}

// setWrapped takes the background wrap's lines if they are for this text at
// this width, keeping the top line (and the current mention) where they were.
func (a *article) setWrapped(msg wrappedMsg) {
	if !a.partial || msg.gen != a.gen || msg.width != a.textW {
		return // stale: another text or width, or already complete
	}
	anchor := 0
	if len(a.lines) > 0 {
		anchor = a.lines[a.top].start
	}
	a.lines, a.partial, a.pending = msg.lines, false, 0
	a.top = lineAt(a.lines, anchor)
	a.clamp()
}

// ensure makes sure, while only a window is wrapped, that byte offset off has
// a screen of wrapped lines on either side (or the text's edge), wrapping a
// new window around it when not. It reports whether it did.
func (a *article) ensure(off int) bool {
	if !a.partial || len(a.lines) == 0 {
		return false
	}
	i := lineAt(a.lines, off)
	first, last := a.lines[0], a.lines[len(a.lines)-1]
	before := i >= a.height || first.start == 0
	after := len(a.lines)-i > 2*a.height || a.windowAtEnd()
	if off >= first.start && off <= last.end && before && after {
		return false
	}
	a.lines = wrapWindow(a.text, a.textW, off, max(a.height, 10))
	return true
}

// windowAtEnd reports whether the wrapped window reaches the text's end.
func (a article) windowAtEnd() bool {
	return len(a.lines) > 0 && a.lines[len(a.lines)-1].end >= len(strings.TrimRight(a.text, " \t\r\n"))
}

// partialPercent is Percent while only a window is wrapped: by bytes, as
// the number of lines is not known yet.
func (a article) partialPercent() int {
	if len(a.lines) == 0 {
		return 0
	}
	if a.top+a.height >= len(a.lines) && a.windowAtEnd() {
		return 100
	}
	return a.lines[a.top].start * 100 / max(len(a.text), 1)
}

// scrollPartial is ScrollBy while only a window is wrapped: the window
// follows the top line, so scrolling never stops at its edge.
func (a *article) scrollPartial(n int) {
	if len(a.lines) == 0 {
		return
	}
	top := min(max(a.top+n, 0), len(a.lines)-1)
	off := a.lines[top].start
	over := a.top + n - top // lines past the window's edge
	if a.ensure(off) {
		top = lineAt(a.lines, off)
	}
	a.top = top + over
	a.clamp()
}

// wrapWindow wraps the part of text around byte offset off: from a source
// line at least n wrapped lines above it to 3n lines below. The lines have
// the offsets the full wrap would give them (a window starts at a source
// line, where wrapping restarts anyway).
func wrapWindow(text string, width, off, n int) []line {
	off = min(max(off, 0), len(text))
	for back := n; ; back *= 2 {
		start := sourceLinesAbove(text, width, off, back)
		out := wrapFrom(text, width, start, off, 3*n)
		if start == 0 || lineAt(out, off) >= n {
			return out
		}
	}
}

// sourceLinesAbove returns the start of the source line that begins about n
// wrapped lines above byte offset off.
func sourceLinesAbove(text string, width, off, n int) int {
	start := strings.LastIndexByte(text[:off], '\n') + 1
	for above := 0; start > 0 && above < n; {
		s := strings.LastIndexByte(text[:start-1], '\n') + 1
		above += max(len(wrapSource(nil, text, s, start-1, width)), 1)
		start = s
	}
	return start
}

// wrapFrom wraps source lines from byte offset start until n lines follow
// the one holding off, or the text ends.
func wrapFrom(text string, width, start, off, n int) []line {
	var out []line
	for a := start; a <= len(text); {
		b := strings.IndexByte(text[a:], '\n')
		if b < 0 {
			b = len(text)
		} else {
			b += a
		}
		out = wrapSource(out, text, a, b, width)
		if b >= off && len(out)-lineAt(out, off) > n {
			break
		}
		a = b + 1
	}
	for len(out) > 0 && out[len(out)-1].start == out[len(out)-1].end {
		out = out[:len(out)-1]
	}
	return out
}
