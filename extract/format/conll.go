package format

import (
	"bufio"
	"io"
	"strings"
	"unicode"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/text"
)

// conllLabel maps mention kinds to CoNLL entity labels.
var conllLabel = [...]string{extract.Person: "PER", extract.Country: "COUNTRY", extract.Demonym: "DEMONYM", extract.Weapon: "WEAPON"}

// WriteCoNLL writes d in the CoNLL-2003 column layout that conlleval, spaCy
// ("spacy convert -c ner") and Flair read: a "-DOCSTART- -X- -X- O" line,
// then one token per line as "TOKEN -X- _ TAG" (no part of speech or chunk
// is known, hence the placeholders) and a blank line after each sentence.
// Tokens and sentences are extract/text's.
//
// Tags are BIO (B-PER, I-PER, O). CoNLL cannot nest, so where mentions nest
// the outer one wins ("U.S.-made anti-tank missiles" is one WEAPON, its
// country is lost), and a token that a mention only partly covers takes that
// mention's tag. A mention cut by a sentence break starts again with B- in
// the next sentence, so every I- follows a B- or I- of its type.
func WriteCoNLL(w io.Writer, d *extract.Doc) error {
	toks := text.Tokenize(d.Text)
	sents := text.Sentences(d.Text, toks)
	tags := conllTags(d, toks, sents)
	bw := bufio.NewWriter(w)
	bw.WriteString("-DOCSTART- -X- -X- O\n\n")
	for _, s := range sents {
		for i := s.First; i < s.Last; i++ {
			bw.WriteString(conllToken(toks[i].Text))
			bw.WriteString(" -X- _ ")
			bw.WriteString(tags[i])
			bw.WriteByte('\n')
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// conllTags returns the BIO tag of each token.
func conllTags(d *extract.Doc, toks []text.Token, sents []text.Sentence) []string {
	owner := make([]int, len(toks)) // the mention that tags each token, -1 for none
	j := 0                          // mentions before j end before the current token
	for i, t := range toks {
		owner[i] = -1
		for j < len(d.Mentions) && d.Mentions[j].End <= t.Start {
			j++
		}
		// Mentions are sorted by start, longer first, so the first that
		// overlaps the token is the outermost.
		for k := j; k < len(d.Mentions) && d.Mentions[k].Start < t.End; k++ {
			if d.Mentions[k].End > t.Start {
				owner[i] = k
				break
			}
		}
	}
	tags := make([]string, len(toks))
	for _, s := range sents {
		for i := s.First; i < s.Last; i++ {
			switch m := owner[i]; {
			case m < 0:
				tags[i] = "O"
			case i > s.First && owner[i-1] == m:
				tags[i] = "I-" + conllLabel[d.Mentions[m].Kind]
			default:
				tags[i] = "B-" + conllLabel[d.Mentions[m].Kind]
			}
		}
	}
	return tags
}

// conllToken makes a token safe for column formats, where any white space
// separates columns.
func conllToken(t string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			return '_'
		}
		return r
	}, t)
}
