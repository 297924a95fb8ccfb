package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-reader/dossier/extract"
	loader "github.com/dossier-reader/dossier/extract/article"
)

// mdState is the Markdown side of the article pane: with a source that has
// Markdown, the pane shows glamour's rendition (markdown.go) with the
// mentions painted over it, instead of the wrapped plain text.
type mdState struct {
	src   *loader.Article // the loaded article; nil or no Markdown: plain text
	mdDoc *extract.Doc    // the doc whose mentions are marked in the render
	style string          // glamour's standard style for the theme
	rev   int             // bumped when the marks or the style change
	md    *mdRender       // the render shown; nil while plain lines are
}

// hasMarkdown reports whether the pane renders Markdown.
func (a article) hasMarkdown() bool { return a.src != nil && a.src.Markdown != "" }

// mdWidth is the width glamour wraps to: the pane less the gutter, no
// wider than a readable column plus glamour's margins.
func (a article) mdWidth() int { return max(min(a.width-gutterWidth, maxTextWidth+4), 10) }

// setSource gives the pane the loaded article whose Markdown it shows, and
// the doc whose mentions it marks; nil keeps plain text.
func (a *article) setSource(src *loader.Article, doc *extract.Doc) {
	if src == nil || src.Markdown == "" || src.Text != a.text {
		return
	}
	a.src, a.mdDoc, a.style = src, doc, mdStyle(a.st)
}

// setMarkdownDoc marks doc's mentions from now on (the tagged doc has
// arrived): a small article is rendered again at once, a large one by the
// next wrapCmd.
func (a *article) setMarkdownDoc(doc *extract.Doc) {
	if !a.hasMarkdown() {
		return
	}
	a.mdDoc = doc
	a.invalidate()
}

// restyle follows a theme change: glamour renders dark and light apart.
func (a *article) restyle() {
	if !a.hasMarkdown() || mdStyle(a.st) == a.style {
		return
	}
	a.style = mdStyle(a.st)
	a.invalidate()
}

// invalidate asks for a new render, done now for a small article.
func (a *article) invalidate() {
	a.rev++
	if a.textW == 0 || a.partial || len(a.text) > asyncWrapBytes {
		return // the first size, the current job or wrapCmd renders it
	}
	anchor := 0
	if len(a.lines) > 0 {
		anchor = a.lines[a.top].start
	}
	a.setLines(a.makeLines(a.want()))
	a.top = lineAt(a.lines, anchor)
	a.clamp()
}

// paintMD draws rendered line i: the gutter, glamour's line with every
// mention on it painted as in plain text, padded or cut to the pane.
func (a article) paintMD(i int, buf []mark) (string, []mark) {
	var b strings.Builder
	b.WriteString(a.gutter(a.lines[i]))
	s := a.md.lines[i]
	last := 0
	for _, sg := range a.md.segsOn(i) {
		if sg.col0 < last {
			continue
		}
		buf = a.mentions.overlapping(buf[:0], sg.span.Start, sg.span.End)
		nm := len(buf)
		buf = a.dyn.overlapping(buf, sg.span.Start, sg.span.End)
		sgr := a.segSGR(sg.span.Start, sg.span.End, buf[:nm], buf[nm:])
		if sgr == "" {
			continue // unmarked now (rejected): glamour's own style stays
		}
		b.WriteString(ansi.Cut(s, last, sg.col0))
		b.WriteString(ansi.ResetStyle)
		writeStyled(&b, sgr, ansi.Cut(ansi.Strip(s), sg.col0, sg.col1))
		last = sg.col1
	}
	b.WriteString(ansi.TruncateLeft(s, last, ""))
	b.WriteString(ansi.ResetStyle)
	return fitCells(b.String(), a.width), buf
}
