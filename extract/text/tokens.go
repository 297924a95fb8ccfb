// Package text splits an article into tokens and sentences with byte offsets.
// It knows the few things about English news text every tagger needs:
// abbreviations (U.S., Jan., Mr.), initials, possessives, curly quotes,
// hyphenated words and numbers.
package text

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark with its byte offsets in the text.
type Token struct {
	Start int    // byte offset, inclusive
	End   int    // byte offset, exclusive
	Text  string // the text[Start:End] substring
}

// Tokenize splits s into tokens. Possessive 's (and ’s) becomes a token of its
// own; a period stays on an abbreviation, an initial or inside a number;
// hyphenated words (anti-tank, U.S.-made) stay whole. Every byte of s that is
// not white space belongs to exactly one token.
func Tokenize(s string) []Token {
	toks, _ := appendTokens(make([]Token, 0, tokensCap(s)), nil, s)
	return toks
}

// tokensCap is the capacity to give the tokens of s: news text averages
// 5.2 bytes a token (space included), and a quarter of the length rarely
// needs the slice to grow.
func tokensCap(s string) int {
	return len(s)/4 + 8
}

// appendTokens appends the tokens of s to toks (Tokenize): appendPlain
// takes the runs of plain ASCII words, single marks and spaces, and
// appendToken each token it leaves.
//
// It also appends to ends, in order, the index of each token after which a
// sentence may end, for appendSentencesAt: every token that does not end
// in an ASCII letter or digit, and every token followed by a line break.
// The others, most tokens, are the ones breakBetween would say no to (such
// a token is not a final mark, a closer or an abbreviation's period), and
// the tokenizer tells them on the way.
func appendTokens(toks []Token, ends []int32, s string) ([]Token, []int32) {
	i := 0
	for i < len(s) {
		if toks, ends, i = appendPlain(toks, ends, s, i); i < len(s) {
			toks, ends, i = appendToken(toks, ends, s, i)
		}
	}
	return toks, ends
}

// appendEnd appends token j to ends unless it is there already.
func appendEnd(ends []int32, j int) []int32 {
	if n := len(ends); n > 0 && ends[n-1] == int32(j) {
		return ends
	}
	return append(ends, int32(j))
}

// appendPlain appends the tokens from s[i:] on while they are the common
// kind (nine in ten of conll2003-dev's): an ASCII word of letters and
// digits that no joiner continues, or a single ASCII mark other than the
// start of a "--" or "..."; it skips ASCII white space. It returns where
// it stopped, at the start of a token it leaves to appendToken. A loop
// without calls keeps its values in registers: the tokenizer took 7.4 M
// instructions per BenchmarkTag pass in one loop, with its calls, and
// 6.3 M with this one (before it listed the sentence ends too).
//
// Such a word is what wordEnd would make of it, and has no possessive to
// split off: that takes an apostrophe.
func appendPlain(toks []Token, ends []int32, s string, i int) ([]Token, []int32, int) {
	for i < len(s) {
		c := s[i]
		k := asciiClass[c]
		switch {
		case k&aSpace != 0:
			if c == '\n' && len(toks) > 0 {
				ends = appendEnd(ends, len(toks)-1)
			}
			i++
		case k&aWord != 0:
			end := i + 1
			for end < len(s) && asciiClass[s[end]]&aWord != 0 {
				end++
			}
			if end < len(s) && asciiClass[s[end]]&(aJoin|aMulti) != 0 {
				// A comma, colon or slash joins digits only (1,000 3:30
				// 8/30); any other joiner, or a multi-byte rune, is for
				// wordEnd.
				switch s[end] {
				case ',', ':', '/':
					if end+1 < len(s) && (s[end+1] >= utf8.RuneSelf ||
						isDigitByte(s[end-1]) && isDigitByte(s[end+1])) {
						return toks, ends, i
					}
				default:
					return toks, ends, i
				}
			}
			toks = append(toks, Token{i, end, s[i:end]})
			i = end
		case k&aMulti != 0,
			c == '-' && i+1 < len(s) && s[i+1] == '-',
			c == '.' && i+2 < len(s) && s[i+1] == '.' && s[i+2] == '.':
			return toks, ends, i
		default:
			ends = append(ends, int32(len(toks)))
			toks = append(toks, Token{i, i + 1, s[i : i+1]})
			i++
		}
	}
	return toks, ends, i
}

// isDigitByte reports an ASCII digit.
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// appendToken appends the token that starts at s[i] (or skips the white
// space there) and returns where the next one may start. It appends to
// ends as appendTokens says.
func appendToken(toks []Token, ends []int32, s string, i int) ([]Token, []int32, int) {
	c := s[i]
	k := asciiClass[c]
	if k&aSpace != 0 {
		if c == '\n' && len(toks) > 0 {
			ends = appendEnd(ends, len(toks)-1)
		}
		return toks, ends, i + 1
	}
	r, n := rune(c), 1
	if k&aMulti != 0 {
		if r, n = utf8.DecodeRuneInString(s[i:]); isSpace(r) {
			return toks, ends, i + n
		}
	}
	var end int
	if isWordRune(r) {
		end = wordEnd(s, i, i)
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
	if end-i > 2 && isWordRune(r) {
		if p := possessiveStart(s[i:end]); p > 0 {
			if asciiClass[s[i+p-1]]&aWord == 0 {
				ends = append(ends, int32(len(toks)))
			}
			toks = append(toks, Token{i, i + p, s[i : i+p]}, Token{i + p, end, s[i+p : end]}) // the second ends in s
			return toks, ends, end
		}
	}
	if asciiClass[s[end-1]]&aWord == 0 {
		ends = append(ends, int32(len(toks)))
	}
	return append(toks, Token{i, end, s[i:end]}), ends, end
}

// wordEnd returns the end of the word starting at i: letters, digits and marks,
// joined by inner apostrophes, hyphens, periods (U.S., 3.5, e.g.), commas in
// numbers (1,000) and slashes in dates; a final period is kept only for an
// abbreviation. The bytes from i to j are known to be part of it.
func wordEnd(s string, i, j int) int {
	for j < len(s) {
		c := s[j]
		k := asciiClass[c]
		if k&aWord != 0 {
			j++ // the common case: an ASCII letter or digit
			continue
		}
		r, n := rune(c), 1
		if k&aMulti == 0 {
			if k&aJoin == 0 {
				break // white space or punctuation that joins nothing: most words end here
			}
		} else {
			r, n = utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += n
				continue
			}
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

// joins reports whether the joiner r between prev and next keeps one word.
func joins(r, prev, next rune) bool {
	switch r {
	case '-', '‐', '‑', '_':
		return isWordRune(next)
	case '\'', '’':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case '.':
		// U.S. and e.g. (letter.letter) or 3.5; not "end.Next" of two words
		if unicode.IsDigit(prev) && unicode.IsDigit(next) {
			return true
		}
		return unicode.IsLetter(next) && unicode.IsLetter(prev) && isShortInitialRun(prev)
	case ',', '/', ':':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '&':
		return unicode.IsUpper(prev) && unicode.IsUpper(next) // AT&T
	}
	return false
}

// isShortInitialRun is a cheap guard used by joins for letter.letter: both
// sides are letters; dottedOK then checks the parts' lengths.
func isShortInitialRun(prev rune) bool { return unicode.IsLetter(prev) }

// dottedOK reports whether a period between before and after joins one
// dotted word (U.S., e.g., Ph.D., 3.5) rather than two words with a missing
// space ("said.The"): letter parts on both sides are at most three letters.
func dottedOK(before, after string) bool {
	if c := before[len(before)-1]; c >= '0' && c <= '9' {
		return true
	}
	return partLen(before, true) <= 3 && partLen(after, false) <= 3
}

// partLen counts the letters of the dotted part at the end (fromEnd) or the
// start of s, stopping at a period or any non-letter.
func partLen(s string, fromEnd bool) int {
	n := 0
	for len(s) > 0 {
		var r rune
		var w int
		if fromEnd {
			r, w = utf8.DecodeLastRuneInString(s)
			s = s[:len(s)-w]
		} else {
			r, w = utf8.DecodeRuneInString(s)
			s = s[w:]
		}
		if !unicode.IsLetter(r) {
			break
		}
		n++
	}
	return n
}

// abbrevPeriod reports whether the period after word belongs to it.
func abbrevPeriod(word, rest string) bool {
	if word == "" {
		return false
	}
	// Letter-period runs like U.S or e.g (a period inside already): keep the final one.
	for k := 0; k < len(word); k++ {
		if word[k] == '.' {
			last, _ := utf8.DecodeLastRuneInString(word)
			return unicode.IsLetter(last) && !hasLongPart(word)
		}
	}
	// A single capital letter: an initial (J. R. R. Tolkien).
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		return true
	}
	return IsAbbreviation(word)
}

// hasLongPart reports whether a dotted word has a part longer than 3 letters,
// which makes it two words joined by a missing space ("said.The") rather than
// an abbreviation.
func hasLongPart(word string) bool {
	run := 0
	for _, r := range word {
		if r == '.' {
			run = 0
			continue
		}
		run++
		if run > 3 {
			return true
		}
	}
	return false
}

// possessiveStart returns where a trailing 's or ’s starts in word, or 0.
func possessiveStart(word string) int {
	n := len(word)
	if n >= 3 && (word[n-1] == 's' || word[n-1] == 'S') {
		if word[n-2] == '\'' {
			return n - 2
		}
		if n >= 5 && word[n-4:n-1] == "’" {
			return n - 4
		}
	}
	return 0
}

// asciiClass holds, for each byte, whether it is an ASCII word rune (aWord),
// white space (aSpace) or a joiner (aJoin, see isJoiner), or the first or a
// later byte of a multi-byte rune (aMulti), which must be decoded. Indexed
// by a byte, it needs no bounds check. The table is exact: among ASCII code
// points unicode.IsLetter is true only for A-Z and a-z, unicode.IsDigit
// only for 0-9, there is no Mn mark, and unicode.IsSpace only for '\t',
// '\n', '\v', '\f', '\r' and ' ' (its other Latin-1 spaces, U+0085 and
// U+00A0, and the extra spaces of isSpace are not single bytes).
var asciiClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = aMulti
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			t[c] = aWord
		case c == ' ', c >= '\t' && c <= '\r':
			t[c] = aSpace
		case isJoiner(rune(c)):
			t[c] = aJoin
		}
	}
	return t
}()

const (
	aWord uint8 = 1 << iota
	aSpace
	aJoin
	aMulti
)

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&aWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '-', '‐', '‑', '_', '\'', '’', '.', ',', '/', ':', '&':
		return true
	}
	return false
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }
