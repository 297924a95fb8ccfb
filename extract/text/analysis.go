package text

import (
	"iter"
	"strings"
)

// Analysis is an article's text with its tokens and sentences, computed once
// and shared by every tagger.
type Analysis struct {
	Src       string
	Tokens    []Token
	Sentences []Sentence
	ends      []int32 // Reanalyze's scratch: where sentences may end (appendTokens)
}

// Analyze tokenizes src and splits it into sentences.
func Analyze(src string) *Analysis {
	a := new(Analysis)
	a.Reanalyze(src)
	a.ends = nil
	return a
}

// Reanalyze makes a the analysis of src, reusing the arrays of its tokens
// and sentences (a caller that analyses many texts, one at a time, and
// keeps none of them, saves allocating and clearing them).
func (a *Analysis) Reanalyze(src string) {
	a.Src = src
	if n := tokensCap(src); cap(a.Tokens) < n {
		a.Tokens = make([]Token, 0, n) // as Tokenize: rarely grown
	}
	a.Tokens, a.ends = appendTokens(a.Tokens[:0], a.ends[:0], src)
	a.Sentences = appendSentencesAt(a.Sentences[:0], src, a.Tokens, a.ends)
}

// Span is a half-open byte range [Start, End) of the analysed text; the
// taggers use it to hand results to the extract pipeline.
type Span struct {
	Start int // byte offset, inclusive
	End   int // byte offset, exclusive
}

// endingAfter returns the index of the first token from k on that ends
// after byte off, or len(toks); toks are in text order, as Tokenize makes
// them. It gallops from k, then halves: TokensHolding moves some twenty
// tokens at a time between hyphens, and a token-by-token walk cost the
// countries and weapons taggers 0.75 M instructions per BenchmarkTag
// pass, endingAfter 0.37 M.
func endingAfter(toks []Token, k, off int) int {
	if k >= len(toks) || toks[k].End > off {
		return k
	}
	// toks[lo].End <= off; find hi with toks[hi].End > off, or len(toks).
	lo, step := k, 1
	hi := lo + step
	for hi < len(toks) && toks[hi].End <= off {
		lo, step = hi, step*2
		hi = lo + step
	}
	hi = min(hi, len(toks))
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if toks[mid].End <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// TokensHolding yields, in text order and once each, the index of every
// token of src (toks, in text order as Tokenize makes them) that holds the
// byte c. It searches the text for c and skips to the end of each token
// found, rather than looking at every token: hyphens are in 2% of news
// tokens, and the countries and weapons taggers look for those alone.
func TokensHolding(toks []Token, src string, c byte) iter.Seq[int] {
	return func(yield func(int) bool) {
		k := 0 // the token holding the byte at h, or one before it
		for off := 0; off < len(src); {
			h := strings.IndexByte(src[off:], c)
			if h < 0 {
				return
			}
			h += off
			if k = endingAfter(toks, k, h); k == len(toks) {
				return
			}
			t := toks[k]
			if t.Start > h {
				off = h + 1 // between tokens: not from Tokenize
				continue
			}
			if !yield(k) {
				return
			}
			k++
			off = t.End
		}
	}
}
