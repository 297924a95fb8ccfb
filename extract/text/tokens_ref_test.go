package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// refTokenize is Tokenize before its ASCII fast paths, kept as the reference
// FuzzTokenize compares it with.
func refTokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if refIsSpace(r) {
			i += n
			continue
		}
		var end int
		if refIsWordRune(r) {
			end = refWordEnd(s, i)
		} else if r == '-' && i+1 < len(s) && s[i+1] == '-' { // "--" dash
			end = i + 2
			for end < len(s) && s[end] == '-' {
				end++
			}
		} else if r == '.' && i+2 < len(s) && s[i+1] == '.' && s[i+2] == '.' {
			end = i + 3
		} else {
			end = i + n
		}
		// Split a trailing possessive or contraction 's / ’s off a word.
		if end-i > 2 && refIsWordRune(r) {
			if p := possessiveStart(s[i:end]); p > 0 {
				toks = append(toks, Token{i, i + p, s[i : i+p]})
				toks = append(toks, Token{i + p, end, s[i+p : end]})
				i = end
				continue
			}
		}
		toks = append(toks, Token{i, end, s[i:end]})
		i = end
	}
	return toks
}

func refWordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if refIsWordRune(r) {
			j += n
			continue
		}
		if isJoiner(r) && j+n < len(s) {
			next, _ := utf8.DecodeRuneInString(s[j+n:])
			prev, _ := utf8.DecodeLastRuneInString(s[i:j])
			if joins(r, prev, next) && (r != '.' || dottedOK(s[i:j], s[j+n:])) {
				j += n
				continue
			}
		}
		if r == '.' {
			if abbrevPeriod(s[i:j], s[j+1:]) {
				j++
			}
		}
		break
	}
	return j
}

func refIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func refIsSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

// refSentences is Sentences with breakBetween as it was before the speed
// work (refBreakBetween), the reference FuzzTokenize compares both
// Sentences and Analyze with.
func refSentences(s string, toks []Token) []Sentence {
	var out []Sentence
	start := 0
	for i := 0; i+1 < len(toks); i++ {
		if refBreakBetween(s, toks, i) {
			out = append(out, Sentence{start, i + 1})
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, Sentence{start, len(toks)})
	}
	return out
}

func refBreakBetween(s string, toks []Token, i int) bool {
	gap := s[toks[i].End:toks[i+1].Start]
	if nl := strings.Count(gap, "\n"); nl >= 2 {
		return true
	} else if nl == 1 {
		r := firstRune(toks[i+1].Text)
		return !(r >= 'a' && r <= 'z')
	}
	t := toks[i].Text
	if isCloser(t) && i > 0 && isFinal(toks[i-1].Text) {
		return startsSentence(toks[i+1].Text)
	}
	if !isFinal(t) {
		if len(t) > 1 && t[len(t)-1] == '.' && !isCloser(toks[i+1].Text) {
			return gap != "" && startsSentence(toks[i+1].Text) && isCommonStarter(toks[i+1].Text)
		}
		return false
	}
	if isCloser(toks[i+1].Text) {
		return false
	}
	return startsSentence(toks[i+1].Text)
}
