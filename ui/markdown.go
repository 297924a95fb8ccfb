package ui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-reader/dossier/extract"
	loader "github.com/dossier-reader/dossier/extract/article"
)

// mdRender is an article rendered by glamour: styled lines, with the cell
// columns of every mention on each line, and for each line the bytes of
// Doc.Text it shows (found by aligning its words with the text), so the
// reader's offset-based code (jumps, search, the claim bar) works on it
// unchanged.
type mdRender struct {
	lines []string // glamour's lines, markers removed
	text  []line   // per line: Doc.Text offsets, from its first anchor to the next line's
	segs  [][]mdSeg
}

// mdSeg is the part of a mention on one rendered line: cells [col0,
// col1). It is painted as the text span would be in plain text, so the
// styles follow the current marks (a rejected mention loses its colour).
type mdSeg struct {
	col0, col1 int
	span       extract.Span // the mention's span of Doc.Text
}

// mdAnchor is what a marker pair stands for: a mention's span of Doc.Text.
type mdAnchor struct {
	span    extract.Span
	mention bool
}

// mdStyle is the glamour standard style for a theme (never "auto": glamour
// would ask the terminal, which the program owns).
func mdStyle(st *Styles) string {
	switch {
	case st.mono:
		return "notty"
	case st.dark:
		return "dark"
	}
	return "light"
}

// renderMarkdown renders the article's Markdown at width with the mentions
// of doc (and the first word of each paragraph) marked, as DESIGN.md §3
// describes: markers go around each span in the source, glamour renders,
// the markers are found in the stripped lines to get cell columns and
// deleted.
func renderMarkdown(a *loader.Article, doc *extract.Doc, width int, style string) (*mdRender, error) {
	head := mdHeader(a)
	anchors, spans := mdAnchors(a, doc, len(head))
	marked, owners := loader.MarkMentionsOwners(head+a.Markdown, spans)
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return nil, err
	}
	out, err := r.Render(marked)
	if err != nil {
		return nil, err
	}
	md := scanMarkers(strings.Split(strings.TrimRight(out, "\n"), "\n"), anchors, owners)
	md.text = alignLines(doc.Text, md.lines)
	return md, nil
}

// mdAnchors lists the spans to mark in header+Markdown (head bytes of
// header come first): every mention. MarkMentionsOwners keeps the first of
// overlapping spans (a weapon phrase over the country inside it).
func mdAnchors(a *loader.Article, doc *extract.Doc, head int) ([]mdAnchor, [][2]int) {
	var anchors []mdAnchor
	var spans [][2]int
	add := func(s, e int, mention bool) {
		ms, me := a.MarkdownSpan(s, e)
		if me > ms {
			anchors = append(anchors, mdAnchor{span: extract.Span{Start: s, End: e}, mention: mention})
			spans = append(spans, [2]int{ms + head, me + head})
		}
	}
	for _, m := range doc.Mentions {
		add(m.Start, m.End, true)
	}
	return anchors, spans
}

// scanMarkers finds the marker pairs in glamour's lines: the k-th pair
// belongs to anchors[owners[k]]. It returns the lines without markers and
// the mention segments per line.
func scanMarkers(lines []string, anchors []mdAnchor, owners []int) *mdRender {
	r := &mdRender{lines: make([]string, len(lines)), segs: make([][]mdSeg, len(lines))}
	unmark := strings.NewReplacer(string(loader.MarkStart), "", string(loader.MarkEnd), "")
	k, open := 0, -1 // pairs seen, the anchor open across lines
	for i, l := range lines {
		col, segStart := 0, 0
		if open >= 0 { // a mention wrapped onto this line
			segStart = leadingSpaces(ansi.Strip(l))
		}
		for _, c := range ansi.Strip(l) {
			switch c {
			case loader.MarkStart:
				if k < len(owners) {
					open, segStart = owners[k], col
				}
				k++
			case loader.MarkEnd:
				r.addSeg(i, open, anchors, segStart, col)
				open = -1
			case ' ':
				col++
			default:
				if c < utf8.RuneSelf {
					col++
				} else {
					col += ansi.StringWidth(string(c))
				}
			}
		}
		if open >= 0 {
			r.addSeg(i, open, anchors, segStart, trimmedWidth(ansi.Strip(l)))
		}
		r.lines[i] = unmark.Replace(l)
	}
	return r
}

// alignWindow is how far ahead in Doc.Text alignLines looks for a word.
const alignWindow = 400

// alignLines finds the bytes of text each rendered line shows by walking
// the text and the lines' words together: a word found within alignWindow
// bytes moves the walk on; one that is not (a bullet, a URL, a header
// line) is skipped. A line with no word found is empty at the walk's place.
func alignLines(text string, rendered []string) []line {
	out := make([]line, len(rendered))
	at := 0
	for i, l := range rendered {
		out[i] = line{at, at}
		first := true
		for _, w := range strings.Fields(ansi.Strip(l)) {
			j := strings.Index(text[at:min(at+alignWindow, len(text))], w)
			if j < 0 {
				continue
			}
			if first {
				out[i].start, first = at+j, false
			}
			at += j + len(w)
			out[i].end = at
		}
	}
	return out
}

// addSeg records cells [c0, c1) of line i as part of anchor a's mention.
func (r *mdRender) addSeg(i, a int, anchors []mdAnchor, c0, c1 int) {
	if a < 0 || a >= len(anchors) || !anchors[a].mention || c1 <= c0 {
		return
	}
	r.segs[i] = append(r.segs[i], mdSeg{col0: c0, col1: c1, span: anchors[a].span})
}

// leadingSpaces counts the spaces a line starts with (its margin).
func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// trimmedWidth is the width of s without its trailing padding.
func trimmedWidth(s string) int {
	s = strings.TrimRight(s, " ")
	return ansi.StringWidth(strings.NewReplacer(string(loader.MarkStart), "", string(loader.MarkEnd), "").Replace(s))
}

// mdHeader is the Markdown put above the article: its title when the
// Markdown does not open with a heading, then byline, site and date.
func mdHeader(a *loader.Article) string {
	var b strings.Builder
	if t := strings.TrimSpace(a.Meta.Title); t != "" && !strings.HasPrefix(strings.TrimSpace(a.Markdown), "#") {
		b.WriteString("# " + mdEscape(t) + "\n\n")
	}
	var meta []string
	for _, s := range []string{a.Meta.Byline, a.Meta.SiteName} {
		if s = strings.TrimSpace(s); s != "" {
			meta = append(meta, mdEscape(s))
		}
	}
	if !a.Meta.Published.IsZero() {
		meta = append(meta, a.Meta.Published.Format("2 January 2006"))
	}
	if len(meta) > 0 {
		b.WriteString("*" + strings.Join(meta, " · ") + "*\n\n")
	}
	return b.String()
}

// mdEscape escapes the characters Markdown would read as markup.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune("\\`*_[]#<>!|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// segsOn returns the segments of rendered line i sorted by column.
func (r *mdRender) segsOn(i int) []mdSeg {
	s := r.segs[i]
	sort.Slice(s, func(a, b int) bool { return s[a].col0 < s[b].col0 })
	return s
}
