package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inline collects the Markdown of a run of inline HTML, with HTML's white
// space folding: every run of spaces, tabs and newlines is one space.
type inline struct {
	b strings.Builder
}

// space writes one space unless the text already ends in one or is empty.
func (in *inline) space() {
	s := in.b.String()
	if s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
		in.b.WriteByte(' ')
	}
}

// text writes HTML text, its white space folded and its Markdown escaped.
func (in *inline) text(s string) {
	for i, w := range strings.Fields(" " + s + " ") {
		if i > 0 || isHTMLSpace(s[0]) {
			in.space()
		}
		in.b.WriteString(escapeText(w))
	}
	if s != "" && isHTMLSpace(s[len(s)-1]) {
		in.space()
	}
}

// isHTMLSpace reports whether c is HTML white space.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// node writes one inline node.
func (in *inline) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		in.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped[n.DataAtom] {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		if in.b.Len() > 0 {
			in.trimSpace()
			in.b.WriteString("\\\n")
		}
	case atom.Em, atom.I, atom.Cite, atom.Dfn:
		in.wrap(n, "*", "*")
	case atom.Strong, atom.B:
		in.wrap(n, "**", "**")
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		in.code(textContent(n))
	case atom.A:
		if t := linkTarget(attr(n, "href")); t != "" {
			in.wrap(n, "[", "]("+t+")")
		} else {
			in.children(n)
		}
	default:
		in.children(n)
	}
}

// children writes the children of n.
func (in *inline) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		in.node(c)
	}
}

// wrap writes n's content between open and close, with the spaces at its
// edges moved outside, or nothing when it has no text.
func (in *inline) wrap(n *html.Node, open, close string) {
	var sub inline
	sub.children(n)
	s := sub.b.String()
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "\\"))
	if t == "" {
		if s != "" {
			in.space()
		}
		return
	}
	if strings.HasPrefix(s, " ") {
		in.space()
	}
	in.b.WriteString(open + t + close)
	if strings.HasSuffix(s, " ") {
		in.b.WriteByte(' ')
	}
}

// code writes an inline code span.
func (in *inline) code(s string) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return
	}
	f := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	in.b.WriteString(f + s + f)
}

// trimSpace drops a trailing space.
func (in *inline) trimSpace() {
	s := in.b.String()
	if strings.HasSuffix(s, " ") {
		in.b.Reset()
		in.b.WriteString(strings.TrimRight(s, " "))
	}
}

// paragraph returns the collected Markdown as a paragraph: trimmed, no
// trailing hard break, and each line escaped where it would otherwise start
// a heading, quote, list or rule.
func (in *inline) paragraph() string {
	s := strings.TrimSpace(in.b.String())
	for strings.HasSuffix(s, "\\") {
		s = strings.TrimSpace(strings.TrimSuffix(s, "\\"))
	}
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if m := lineStart.FindStringIndex(l); m != nil {
			l = l[:m[1]-1] + "\\" + l[m[1]-1:]
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// entityLike matches text that Markdown would read as a character reference.
var entityLike = regexp.MustCompile(`^&#?[A-Za-z0-9]+;`)

// escapeText escapes the characters of s that Markdown would read as markup.
func escapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '&':
			if entityLike.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
