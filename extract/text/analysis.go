package text

// Analysis is an article's text with its tokens and sentences, computed once
// and shared by every tagger.
type Analysis struct {
	Src       string
	Tokens    []Token
	Sentences []Sentence
}

// Analyze tokenizes src and splits it into sentences.
func Analyze(src string) *Analysis {
	toks := Tokenize(src)
	return &Analysis{Src: src, Tokens: toks, Sentences: Sentences(src, toks)}
}

// Reanalyze makes a the analysis of src, reusing the arrays of its tokens
// and sentences (a caller that analyses many texts, one at a time, and
// keeps none of them, saves allocating and clearing them).
func (a *Analysis) Reanalyze(src string) {
	a.Src = src
	if n := tokensCap(src); cap(a.Tokens) < n {
		a.Tokens = make([]Token, 0, n) // as Tokenize: rarely grown
	}
	a.Tokens = appendTokens(a.Tokens[:0], src)
	a.Sentences = appendSentences(a.Sentences[:0], src, a.Tokens)
}

// Span is a half-open byte range [Start, End) of the analysed text; the
// taggers use it to hand results to the extract pipeline.
type Span struct {
	Start int // byte offset, inclusive
	End   int // byte offset, exclusive
}
