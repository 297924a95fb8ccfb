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
//
// It asks breakBetween about every token, as it must for tokens from
// anywhere; Analyze and Reanalyze, on the hot path, ask about the tokens
// their tokenizer listed as possible ends only, and their sentences are the
// same (FuzzTokenize, TestSentences).
func Sentences(s string, toks []Token) []Sentence {
	every := make([]int32, max(len(toks)-1, 0))
	for i := range every {
		every[i] = int32(i)
	}
	return appendSentencesAt(nil, s, toks, every)
}

// appendSentencesAt appends to out the sentences of s, tokenized as toks,
// asking breakBetween about the tokens that ends lists only. appendTokens
// lists the tokens after which a sentence may end (the others end in a
// letter or digit with no line break after them, 86% of tokens, where
// breakBetween says no): sentence splitting took 6.7 M instructions per
// BenchmarkTag pass asking about every token, 1.0 M asking about those,
// and listing them costs appendPlain 0.8 M.
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
