package claims

import "github.com/dossier-reader/dossier/extract/text"

// quote is a quotation: the token indexes of its opening mark and of its
// closing mark (or of its last token when the quotation is never closed).
type quote struct{ open, close int }

// isTwoQuote reports two apostrophes written for a double quotation mark
// (”…”, as in the New York Times archive): the tokenizer splits them.
func isTwoQuote(toks []text.Token, i int) bool {
	return toks[i].Text == "'" && i+1 < len(toks) && toks[i+1].Text == "'" && toks[i+1].Start == toks[i].End
}

// isDQ reports whether token i is a double quotation mark; of two
// apostrophes the first one stands for the mark.
func isDQ(toks []text.Token, i int) bool {
	return maybeQuote(toks[i].Text) && (isDoubleQuote(toks[i].Text) || isTwoQuote(toks, i) && (i == 0 || !isTwoQuote(toks, i-1)))
}

// maybeQuote reports whether a token of text t may be a mark isDQ knows,
// by its first byte: most tokens are told at the cost of one look-up,
// inline where findQuotes tests every token.
func maybeQuote(t string) bool {
	return t != "" && quoteLead[t[0]]
}

// quoteLead marks the first bytes of the marks isDQ knows: " ' ` and
// the lead bytes of “ ” „ ‟ (E2) and « » (C2).
var quoteLead = [256]bool{'"': true, '\'': true, '`': true, 0xE2: true, 0xC2: true}

// isDoubleQuote reports whether a token is a double quotation mark.
func isDoubleQuote(t string) bool {
	switch t {
	case "“", "”", "\"", "„", "«", "»", "‟", "``", "''":
		return true
	}
	return false
}

// opensQuote decides whether quotation mark i opens a quotation. Curly marks
// say so themselves unless the spacing contradicts them (a “ glued to the word
// before and followed by a space closes); straight marks are decided by
// spacing alone, which also mends a closing mark that does not match its
// opening one.
func opensQuote(src string, toks []text.Token, i int) bool {
	t := toks[i]
	after := i + 1
	if isTwoQuote(toks, i) {
		after, t.Text = i+2, "\""
	}
	spaceBefore := i == 0 || toks[i-1].End < t.Start || isOpenPunct(toks[i-1].Text)
	spaceAfter := after >= len(toks) || toks[after].Start > toks[after-1].End || isClosePunct(toks[after].Text)
	switch t.Text {
	case "“", "„", "«", "``":
		return !(spaceAfter && !spaceBefore)
	case "”", "»", "''":
		return spaceBefore && !spaceAfter
	}
	if spaceBefore != spaceAfter {
		return spaceBefore
	}
	return false // ambiguous straight mark: caller toggles
}

func isOpenPunct(t string) bool { return t == "(" || t == "[" || t == "—" || t == "–" }

func isClosePunct(t string) bool {
	switch t {
	case ".", ",", ";", ":", "!", "?", ")", "]", "—", "–":
		return true
	}
	return false
}

// paraBreak reports whether a paragraph break lies between tokens i-1 and i:
// a blank line, or a line break after a sentence end.
func paraBreak(src string, toks []text.Token, i int) bool {
	if glued(src, toks, i) {
		return false
	}
	if i == 0 {
		return true
	}
	nl := 0
	for k := toks[i-1].End; k < toks[i].Start; k++ {
		if src[k] == '\n' {
			nl++
		}
	}
	if nl >= 2 {
		return true
	}
	if nl == 1 {
		switch toks[i-1].Text {
		case ".", "!", "?", "”", "\"", ":", "…":
			return true
		}
	}
	return false
}

// glued reports tokens i-1 and i glued or one space apart, with no
// paragraph break between them (paraBreak) and told inline where every
// token is tested (interviews, findQuotes).
func glued(src string, toks []text.Token, i int) bool {
	if i <= 0 || i >= len(toks) {
		return false
	}
	e, s := toks[i-1].End, toks[i].Start
	return s == e || s == e+1 && e < len(src) && src[e] != '\n'
}

// findQuotes pairs quotation marks into quotations in one pass. A quotation
// opened and not closed by the end of its paragraph continues when the next
// paragraph opens with a quotation mark (the news convention for quotes over
// several paragraphs) and otherwise ends with its paragraph. A second opening
// mark inside an open quotation in the same paragraph restarts it. The
// quotations are appended to out.
func findQuotes(src string, toks []text.Token, flags []uint16, out []quote) []quote {
	open, last := -1, -1 // open mark; last token of the open quotation
	for i := 0; i < len(toks); i++ {
		if i > 0 && open >= 0 && !glued(src, toks, i) && paraBreak(src, toks, i) {
			if !isDQ(toks, i) || !opensQuote(src, toks, i) {
				out = append(out, quote{open, last})
				open = -1
			}
		}
		if !maybeQuote(toks[i].Text) || !isDQ(toks, i) {
			last = i
			continue
		}
		op := opensQuote(src, toks, i)
		if !op && open < 0 && (toks[i].Text == "\"" || toks[i].Text == "'") && !(i > 0 && toks[i-1].End == toks[i].Start) {
			op = true // ambiguous straight mark with nothing open: opens
		}
		switch {
		case op && open >= 0 && paraBreak(src, toks, i):
			// continuation paragraph: keep the quotation open
		case op:
			open = i
		case open >= 0:
			if isTwoQuote(toks, i) {
				i++ // the quotation ends with the second apostrophe
			}
			out = append(out, quote{open, i})
			open = -1
		}
		last = i
	}
	if open >= 0 && last > open {
		out = append(out, quote{open, last})
	}
	for _, q := range out {
		flags[q.open] |= fOpen
		if isDoubleQuote(toks[q.close].Text) || toks[q.close].Text == "'" {
			flags[q.close] |= fClose
		}
	}
	return out
}
