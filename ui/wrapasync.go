package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// asyncWrapBytes is the article size above which wrapping leaves the UI
// goroutine: wrapping takes about 10 ms per MB, so below this the whole
// article is wrapped at once and the first frame is complete.
const asyncWrapBytes = 128 << 10

// wrapState is how far an article's lines are from what should be shown.
// A large article is first wrapped only around what the screen shows (a
// window of a few screens) and a command wraps (or renders, for Markdown)
// all of it in the background; wrappedMsg replaces the window with the full
// lines. Every job is keyed by the text's generation, the width and the
// Markdown revision, so a result for anything else is dropped.
type wrapState struct {
	partial bool      // lines cover a window of the text; the full lines are on their way
	gen     int       // the article's generation: a new text is a new generation
	shown   renderKey // what the complete lines on screen were made for
	pending renderKey // the job a command is on its way for; zero for none
	mdState           // the Markdown rendition (mdarticle.go)
}

// renderKey identifies a wrap or render job.
type renderKey struct {
	gen, width, rev int
}

// wrappedMsg is sent by the background wrap or render when the lines for
// key are ready; md is the render for a Markdown article (nil for a plain
// wrap, or when glamour failed and the text is shown plain).
type wrappedMsg struct {
	key   renderKey
	lines []line
	md    *mdRender
}

// want is the job the screen needs now.
func (a *article) want() renderKey { return renderKey{gen: a.gen, width: a.textW, rev: a.rev + 1} }

// rewrap makes the lines for the current text width: all of them for a
// small article, else a window of plain text around byte offset anchor (the
// full lines then come from wrapCmd).
func (a *article) rewrap(anchor int) {
	if len(a.text) <= asyncWrapBytes {
		a.setLines(a.makeLines(a.want()))
		return
	}
	a.md, a.partial = nil, true
	a.lines = wrapWindow(a.text, a.textW, anchor, max(a.height, 10))
}

// makeLines does a job: renders the Markdown, or wraps the text.
func (a *article) makeLines(k renderKey) wrappedMsg {
	if a.hasMarkdown() {
		if r, err := renderMarkdown(a.src, a.mdDoc, a.mdWidth(), a.style); err == nil {
			return wrappedMsg{key: k, lines: r.text, md: r}
		}
	}
	return wrappedMsg{key: k, lines: wrap(a.text, k.width)}
}

// wrapCmd returns the command that makes the full lines in the background,
// or nil when they are shown or a command is already on its way.
func (a *article) wrapCmd() tea.Cmd {
	k := a.want()
	if (!a.partial && a.shown == k) || a.pending == k || a.textW == 0 {
		return nil
	}
	a.pending = k
	job := *a // the text, source and doc it needs; immutable
	return func() tea.Msg { return job.makeLines(k) }
}

// setWrapped takes a background job's lines if they are still wanted,
// keeping the top line (and the current mention) where they were.
func (a *article) setWrapped(msg wrappedMsg) {
	if msg.key != a.want() || (!a.partial && a.shown == msg.key) {
		return // stale: another text, width or rendition, or already shown
	}
	anchor := 0
	if len(a.lines) > 0 {
		anchor = a.lines[a.top].start
	}
	a.setLines(msg)
	a.top = lineAt(a.lines, anchor)
	a.clamp()
}

// setLines shows a job's complete lines.
func (a *article) setLines(msg wrappedMsg) {
	a.lines, a.md, a.partial = msg.lines, msg.md, false
	a.shown, a.pending = msg.key, renderKey{}
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
	return wrapUntil(text, width, start, func(out []line, b int) bool {
		return b >= off && len(out)-lineAt(out, off) > n
	})
}
