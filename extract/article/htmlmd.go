package article

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// toMarkdown converts an article's HTML (readability's result) to Markdown:
// headings, paragraphs, lists, block quotes, code, links, emphasis and
// line breaks. Images, media, forms and scripts are dropped; a table
// becomes one paragraph per row, its cells joined by " · ".
func toMarkdown(n *html.Node) string {
	return strings.Join(blocks(n), "\n\n") + "\n"
}

// skipped are elements whose content is not article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Img: true, atom.Picture: true, atom.Video: true,
	atom.Audio: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Form: true, atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
}

// blockElems are elements that start a block; the others are inline.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.Hr: true, atom.Table: true, atom.Tr: true, atom.Div: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Figure: true,
	atom.Figcaption: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Details: true,
	atom.Summary: true, atom.Address: true, atom.Center: true, atom.Body: true, atom.Html: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
}

// blocks renders the children of n as Markdown blocks. Runs of inline
// children become paragraphs.
func blocks(n *html.Node) []string {
	var out []string
	var para inline
	flush := func() {
		if p := para.paragraph(); p != "" {
			out = append(out, p)
		}
		para = inline{}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockElems[c.DataAtom] {
			flush()
			out = append(out, block(c)...)
			continue
		}
		para.node(c)
	}
	flush()
	return out
}

// block renders one block element.
func block(n *html.Node) []string {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		var in inline
		in.children(n)
		t := strings.ReplaceAll(in.paragraph(), "\\\n", " ")
		if t == "" {
			return nil
		}
		return []string{strings.Repeat("#", int(n.Data[1]-'0')) + " " + t}
	case atom.Ul, atom.Ol:
		return list(n)
	case atom.Li:
		return []string{item("- ", n)}
	case atom.Blockquote:
		return quote(blocks(n))
	case atom.Pre:
		return []string{fence(textContent(n))}
	case atom.Hr:
		return []string{"* * *"}
	case atom.Tr:
		return row(n)
	}
	return blocks(n)
}

// list renders a ul or ol as one tight list.
func list(n *html.Node) []string {
	ordered := n.DataAtom == atom.Ol
	num := 1
	if s, err := strconv.Atoi(attr(n, "start")); err == nil && s >= 0 && s < 1e9 {
		num = s
	}
	var items []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				items = append(items, list(c)...)
			}
			continue
		}
		marker := "- "
		if ordered {
			marker = fmt.Sprintf("%d. ", num)
			num++
		}
		if it := item(marker, c); it != "" {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return nil
	}
	return []string{strings.Join(items, "\n")}
}

// item renders a list item with its marker, continuation lines indented.
func item(marker string, n *html.Node) string {
	bs := blocks(n)
	if len(bs) == 0 {
		return ""
	}
	pad := strings.Repeat(" ", len(marker))
	lines := strings.Split(strings.Join(bs, "\n\n"), "\n")
	for i := range lines {
		if i > 0 && lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return marker + strings.Join(lines, "\n")
}

// quote renders blocks as one block quote.
func quote(bs []string) []string {
	if len(bs) == 0 {
		return nil
	}
	lines := strings.Split(strings.Join(bs, "\n\n"), "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return []string{strings.Join(lines, "\n")}
}

// row renders a table row as a paragraph of its cells.
func row(n *html.Node) []string {
	var cells []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			var in inline
			in.children(c)
			if t := strings.ReplaceAll(in.paragraph(), "\\\n", " "); t != "" {
				cells = append(cells, t)
			}
		}
	}
	if len(cells) == 0 {
		return nil
	}
	return []string{strings.Join(cells, " · ")}
}

// fence renders code as a fenced code block.
func fence(code string) string {
	code = strings.Trim(code, "\n")
	if strings.TrimSpace(code) == "" {
		return ""
	}
	f := strings.Repeat("`", max(3, longestRun(code, '`')+1))
	return f + "\n" + code + "\n" + f
}

// longestRun returns the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// textContent returns all the text under n, as it is.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte('\n')
		case n.Type == html.ElementNode && skipped[n.DataAtom]:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// attr returns n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// linkTarget returns href made safe for a Markdown link destination, or ""
// for links not worth keeping (scripts, fragments).
func linkTarget(href string) string {
	href = strings.TrimSpace(Sanitize(href))
	u, err := url.Parse(href)
	if err != nil || href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
	default:
		return ""
	}
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\n", "", "\t", "").Replace(href)
}

// lineStart matches what would make a line of text start a block.
var lineStart = regexp.MustCompile(`^(?:[#>+=-]|\d{1,9}[.)])`)
