package article

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// newMarkdown returns a goldmark parser with the extensions glamour v2 uses
// (GFM and definition lists), so that the text segments found here are the
// ones the screen's renderer sees.
func newMarkdown() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()
}

// parseMarkdown parses src into goldmark's tree.
func parseMarkdown(src []byte) ast.Node {
	return newMarkdown().Parse(text.NewReader(src))
}

// plainText is the plain-text rendition of a Markdown source, with, for
// each byte of text, the span of source it came from.
type plainText struct {
	src        []byte
	buf        bytes.Buffer
	start, end []int // len(buf) each: source span of each text byte
	cursor     int   // source offset after the last thing written
	sep        bool  // a block ended: write a blank line before more text
}

// renderPlain returns the plain text of Markdown src: the text of headings,
// paragraphs, list items, quotes, table rows (cells split by tabs) and code
// blocks, one block per line with a blank line between blocks, soft line
// breaks as spaces, no markup. Backslash escapes and entity references are
// resolved (and sanitized). Images and raw HTML are left out.
func renderPlain(src []byte) *plainText {
	p := &plainText{src: src}
	_ = ast.Walk(parseMarkdown(src), p.visit)
	return p
}

// visit is the ast.Walker that renders each node.
func (p *plainText) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if isLeafBlock(n) {
			p.sep = true
		}
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.Image, *ast.RawHTML, *ast.HTMLBlock, *east.TaskCheckBox:
		return ast.WalkSkipChildren, nil
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		p.codeBlock(n)
		return ast.WalkSkipChildren, nil
	case *east.TableCell:
		if n.PreviousSibling() != nil {
			p.write("\t", p.cursor, p.cursor)
		}
	case *ast.Text:
		p.text(n)
	case *ast.String:
		p.write(string(n.Value), p.cursor, p.cursor)
	case *ast.AutoLink:
		p.verbatim(n.Label(p.src))
	}
	return ast.WalkContinue, nil
}

// isLeafBlock reports whether n is a block whose end ends a line of text.
func isLeafBlock(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.Heading, *ast.TextBlock, *ast.CodeBlock, *ast.FencedCodeBlock,
		*east.TableRow, *east.TableHeader, *east.DefinitionTerm:
		return true
	}
	return false
}

// write appends s, all of it mapped to source span [start, end).
func (p *plainText) write(s string, start, end int) {
	if s == "" {
		return
	}
	if p.sep {
		p.sep = false
		if p.buf.Len() > 0 {
			p.write("\n\n", p.cursor, p.cursor)
		}
	}
	p.buf.WriteString(s)
	for range len(s) {
		p.start = append(p.start, start)
		p.end = append(p.end, end)
	}
	p.cursor = end
}

// text writes a Text node: its atoms, then its line break.
func (p *plainText) text(n *ast.Text) {
	seg := n.Segment
	if n.IsRaw() || isCode(n) {
		for i := seg.Start; i < seg.Stop; i++ {
			p.write(string(p.src[i:i+1]), i, i+1)
		}
	} else {
		for i := seg.Start; i < seg.Stop; {
			out, size := mdAtom(p.src[i:seg.Stop])
			p.write(out, i, i+size)
			i += size
		}
	}
	p.cursor = max(p.cursor, seg.Stop)
	switch {
	case n.HardLineBreak():
		nl := p.lineEnd(seg.Stop)
		p.write("\n", nl, nl+1)
	case n.SoftLineBreak():
		nl := p.lineEnd(seg.Stop)
		p.write(" ", nl, nl+1)
	}
}

// lineEnd returns the offset of the first \n at or after i.
func (p *plainText) lineEnd(i int) int {
	if j := bytes.IndexByte(p.src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(p.src)
}

// verbatim writes b, found in the source at or after the cursor (an
// autolink's label has no segment of its own).
func (p *plainText) verbatim(b []byte) {
	at := bytes.Index(p.src[p.cursor:], b)
	if at < 0 {
		p.write(Sanitize(string(b)), p.cursor, p.cursor)
		return
	}
	at += p.cursor
	for i := range b {
		p.write(string(b[i:i+1]), at+i, at+i+1)
	}
}

// codeBlock writes the lines of an indented or fenced code block.
func (p *plainText) codeBlock(n ast.Node) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := p.src[seg.Start:seg.Stop]
		if i == lines.Len()-1 {
			line = bytes.TrimRight(line, "\n")
		}
		for j := range line {
			p.write(string(line[j:j+1]), seg.Start+j, seg.Start+j+1)
		}
	}
	p.sep = true
}

// isCode reports whether n is inside a code span.
func isCode(n ast.Node) bool {
	for a := n.Parent(); a != nil; a = a.Parent() {
		if _, ok := a.(*ast.CodeSpan); ok {
			return true
		}
	}
	return false
}

// String returns the plain text.
func (p *plainText) String() string { return p.buf.String() }

// firstHeading returns the text of the first level-1 heading in src, or "".
func firstHeading(src []byte) string {
	var title string
	_ = ast.Walk(parseMarkdown(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Level != 1 {
			return ast.WalkContinue, nil
		}
		sub := &plainText{src: src}
		_ = ast.Walk(h, sub.visit)
		title = strings.TrimSpace(sub.String())
		return ast.WalkStop, nil
	})
	return title
}
