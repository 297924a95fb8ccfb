// Package ner finds people's names with a learned sequence model: an
// averaged structured perceptron over hashed word, shape, affix, context and
// document features, BIO tags for the four CoNLL types, Viterbi decoding.
// The model is trained by ./cmd/train on CoNLL-2003 train and embedded
// (model.bin). Mentions of one person are then grouped (people.go).
package ner

import (
	"sync"

	"github.com/dossier-reader/dossier/extract/text"
)

// Person is one person with every mention of them in a document.
type Person struct {
	Name     string      // canonical name: the fullest form seen
	Role     string      // role given next to a name ("Secretary of State"), or ""
	Mentions []text.Span // byte spans, in text order
}

// Find returns the people named in the analysed text, in order of first
// mention, using the embedded model.
func Find(a *text.Analysis) []Person { return defaultModel().Find(a) }

// Spans returns every person mention of the text, in text order.
func Spans(a *text.Analysis) []text.Span { return defaultModel().Spans(a) }

var taggers = sync.Pool{New: func() any { return new(tagger) }}

// Find returns the people named in the analysed text, in order of first
// mention.
func (m *Model) Find(a *text.Analysis) []Person {
	ms := m.mentions(a)
	if len(ms) == 0 {
		return nil
	}
	return group(a, ms)
}

// Spans returns every person mention of the text, in text order.
func (m *Model) Spans(a *text.Analysis) []text.Span {
	ms := m.mentions(a)
	out := make([]text.Span, len(ms))
	for i, x := range ms {
		out[i] = x.span(a)
	}
	return out
}

// mention is a person name as a token range [first, last).
type mention struct{ first, last int }

// span is the mention's byte span, without the prefix of a prefixed first
// word ("pro-Assad" names "Assad").
func (x mention) span(a *text.Analysis) text.Span {
	t := a.Tokens[x.first]
	return text.Span{Start: t.Start + prefixLen(t.Text), End: a.Tokens[x.last-1].End}
}

// mentions tags the document and returns the cleaned person mentions, with
// document-level propagation of names already found.
func (m *Model) mentions(a *text.Analysis) []mention {
	if len(a.Tokens) == 0 {
		return nil
	}
	tg := taggers.Get().(*tagger)
	defer taggers.Put(tg)
	tags, infos := m.tagDoc(a, tg)
	var out []mention
	for i := 0; i < len(tags); {
		if tags[i] != tagBPER {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == tagIPER {
			j++
		}
		j = extendParticles(a, infos, tags, j)
		if x, ok := clean(a, infos, mention{i, j}); ok {
			out = append(out, x)
		}
		i = j
	}
	return propagate(a, infos, tags, out)
}

// clean trims a predicted name to the name only: no leading title or
// determiner, no trailing possessive or punctuation. ok is false when no
// name is left.
func clean(a *text.Analysis, infos []tokInfo, x mention) (mention, bool) {
	for x.first < x.last && (infos[x.first].flags&(fTitle|fPunct) != 0 || isDeterminer(a.Tokens[x.first].Text)) {
		x.first++
	}
	for x.last > x.first && (infos[x.last-1].flags&fPunct != 0 || isPossessive(a.Tokens[x.last-1].Text)) {
		x.last--
	}
	if x.first == x.last {
		return x, false
	}
	for i := x.first; i < x.last; i++ {
		if infos[i].flags&fLetter != 0 {
			return x, true
		}
	}
	return x, false
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "The", "THE", "a", "A", "an", "An":
		return true
	}
	return false
}

func isPossessive(w string) bool {
	switch w {
	case "'s", "’s", "'S", "’S", "'", "’":
		return true
	}
	return false
}

// oneWord reports whether token i is untagged or a one-word entity of its
// own (the model often takes the word after a particle for a place).
func oneWord(tags []uint8, i int) bool {
	t := tags[i]
	return t == tagO || t%2 == 1 && (i+1 == len(tags) || tags[i+1] != t+1)
}

// particles are lower-case words inside names ("Osama bin Laden", "Staffan
// de Mistura", "Ludwig van Beethoven").
var particles = map[string]bool{
	"de": true, "da": true, "di": true, "du": true, "del": true, "della": true, "van": true,
	"von": true, "der": true, "den": true, "bin": true, "bint": true, "ibn": true, "al": true,
	"el": true, "la": true, "le": true, "dos": true, "das": true, "ter": true,
}

// extendParticles extends a name ending before token j over a particle and
// the capitalised, untagged word after it, which the model may cut off
// ("Osama" + "bin Laden"). It returns the new end.
func extendParticles(a *text.Analysis, infos []tokInfo, tags []uint8, j int) int {
	for j+1 < len(tags) && particles[a.Tokens[j].Text] && tags[j] == tagO &&
		oneWord(tags, j+1) && infos[j+1].flags&fCap != 0 && infos[j+1].flags&fTitle == 0 &&
		!hasNewline(a.Src[a.Tokens[j-1].End:a.Tokens[j+1].Start]) {
		tags[j], tags[j+1] = tagIPER, tagIPER
		j += 2
	}
	return j
}
