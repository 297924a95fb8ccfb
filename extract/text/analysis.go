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

// Span is a half-open byte range [Start, End) of the analysed text; the
// taggers use it to hand results to the extract pipeline.
type Span struct {
	Start int // byte offset, inclusive
	End   int // byte offset, exclusive
}
