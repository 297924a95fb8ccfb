package text

import "strings"

// Sentence is a run of tokens [First, Last) that make one sentence.
type Sentence struct {
	First int // index of the first token
	Last  int // index one past the last token
}

// Sentences groups tokens into sentences. A sentence ends at . ! ? (with any
// closing quotes or brackets after it) when the next token starts with a
// capital letter, a digit or an opening quote; at a blank line; and at a line
// break unless the next line starts in lower case (hard-wrapped text).
func Sentences(s string, toks []Token) []Sentence {
	return appendSentences(nil, s, toks)
}

// appendSentences appends the sentences of s, tokenized as toks, to out
// (Sentences).
func appendSentences(out []Sentence, s string, toks []Token) []Sentence {
	start := 0
	for i := skipWords(s, toks, 0); i+1 < len(toks); i = skipWords(s, toks, i+1) {
		if breakBetween(s, toks, i) {
			out = append(out, Sentence{start, i + 1})
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, Sentence{start, len(toks)})
	}
	return out
}

// appendSentencesAt is appendSentences for the tokens of appendTokens,
// which listed in ends the tokens after which a sentence may end: it asks
// breakBetween about those only. appendSentences, which finds them with
// skipWords, took 2.9 M instructions per BenchmarkTag pass; this takes
// 1.0 M, and listing the ends costs appendPlain 0.8 M.
func appendSentencesAt(out []Sentence, s string, toks []Token, ends []int32) []Sentence {
	start := 0
	for _, e := range ends {
		i := int(e)
		if i+1 >= len(toks) {
			break
		}
		if breakBetween(s, toks, i) {
			out = append(out, Sentence{start, i + 1})
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, Sentence{start, len(toks)})
	}
	return out
}

// skipWords returns the first token from i on, but not the last token,
// after which breakBetween may find a sentence end. It skips the tokens that
// end in an ASCII letter or digit with no line break after them (86% of
// them), for which breakBetween would say no: such a token is not a final
// mark, a closer or an abbreviation's period. A loop without calls keeps
// its values in registers (sentence splitting took 6.7 M instructions per
// BenchmarkTag pass, 2.9 M with this loop).
func skipWords(s string, toks []Token, i int) int {
	for ; i+1 < len(toks); i++ {
		t := toks[i].Text
		if t == "" || asciiClass[t[len(t)-1]]&aWord == 0 {
			return i
		}
		// Most gaps are one space or none, told without slicing the text.
		end, next := toks[i].End, toks[i+1].Start
		if next == end || next == end+1 && s[end] == ' ' {
			continue
		}
		if strings.IndexByte(s[end:next], '\n') >= 0 {
			return i
		}
	}
	return i
}

// breakBetween reports whether a sentence ends after token i.
func breakBetween(s string, toks []Token, i int) bool {
	gap := s[toks[i].End:toks[i+1].Start]
	if nl := countNewlines(gap); nl >= 2 {
		return true
	} else if nl == 1 {
		r := firstRune(toks[i+1].Text)
		return !(r >= 'a' && r <= 'z')
	}
	t := toks[i].Text
	// Closing quotes or brackets after the final mark belong to the sentence.
	if isCloser(t) && i > 0 && isFinal(toks[i-1].Text) {
		return startsSentence(toks[i+1].Text)
	}
	if !isFinal(t) {
		if len(t) > 1 && t[len(t)-1] == '.' && !isCloser(toks[i+1].Text) {
			// An abbreviation at a sentence end ("the U.S. The next...").
			return gap != "" && startsSentence(toks[i+1].Text) && isCommonStarter(toks[i+1].Text)
		}
		return false
	}
	if isCloser(toks[i+1].Text) {
		return false
	}
	return startsSentence(toks[i+1].Text)
}

// countNewlines counts the line breaks of a gap between tokens, up to two
// (all breakBetween asks), with a loop rather than a call to strings.Count:
// most gaps are a single space or nothing.
func countNewlines(gap string) int {
	n := 0
	for k := 0; k < len(gap); k++ {
		if gap[k] == '\n' {
			if n++; n == 2 {
				break
			}
		}
	}
	return n
}

func isFinal(t string) bool { return t == "." || t == "!" || t == "?" || t == "..." || t == "…" }

func isCloser(t string) bool {
	switch t {
	case "”", "\"", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func startsSentence(t string) bool {
	r := firstRune(t)
	switch {
	case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	case r == '“' || r == '"' || r == '‘' || r == '(' || r == '«' || r == '—':
		return true
	}
	return r > 127 && strings.ToLower(string(r)) != string(r)
}

// isCommonStarter reports words that usually start a sentence, which is how an
// abbreviation's period is told from a sentence end ("in the U.S. The ...").
func isCommonStarter(t string) bool {
	switch t {
	case "The", "A", "An", "In", "It", "He", "She", "They", "We", "I", "But", "And", "This", "That",
		"There", "On", "At", "As", "His", "Her", "Their", "Its", "If", "When", "While", "After", "Some":
		return true
	}
	return false
}

func firstRune(t string) rune {
	for _, r := range t {
		return r
	}
	return 0
}
