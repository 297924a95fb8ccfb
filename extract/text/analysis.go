package text

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
