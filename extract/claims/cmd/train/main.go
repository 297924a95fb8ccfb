// Command train learns the cue lexicon from PolNeAR training data:
//
//	go run ./extract/claims/cmd/train [-data DIR] [-out extract/claims/cues.tsv]
//
// For every lower-cased word it counts how often the word occurs in the
// training text, how often it lies inside a gold cue span and, of those, how
// often the claim's content follows the cue. The claims package embeds the
// result and treats a word as a cue by its ratio of cue uses to uses.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

// minCue is the fewest cue uses that earn a word a line in the lexicon.
const minCue = 2

// aux are words skipped when looking for the head of a cue.
var aux = map[string]bool{"has": true, "have": true, "had": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "will": true, "would": true, "also": true, "not": true,
	"did": true, "does": true, "do": true, "'s": true, "’s": true, "could": true, "can": true, "to": true}

type stat struct{ cue, total, after int }

func main() {
	dir, _ := corpus.DataDir()
	data := flag.String("data", dir, "folder holding polnear-train.jsonl")
	out := flag.String("out", "extract/claims/cues.tsv", "lexicon to write")
	flag.Parse()
	docs, err := corpus.Load(filepath.Join(*data, "polnear-train.jsonl"))
	if err != nil {
		log.Fatal(err)
	}
	stats := map[string]*stat{}
	get := func(w string) *stat {
		s := stats[w]
		if s == nil {
			s = &stat{}
			stats[w] = s
		}
		return s
	}
	for _, d := range docs {
		toks := text.Tokenize(d.Text)
		inCue := make([]int, len(toks)) // 0 none, 1 cue before content, 2 after
		for _, c := range d.Claims {
			if c.Cue == nil {
				continue
			}
			dir := 2
			if c.Content.Start > c.Cue.Start {
				dir = 1
			}
			// Only the head of the cue counts: its first word that is not an
			// auxiliary ("has said" → said, "said in a statement" → said).
			for i, t := range toks {
				if t.Start < c.Cue.End && c.Cue.Start < t.End && !aux[strings.ToLower(t.Text)] {
					inCue[i] = dir
					break
				}
			}
		}
		for i, t := range toks {
			s := get(strings.ToLower(t.Text))
			s.total++
			if inCue[i] > 0 {
				s.cue++
				if inCue[i] == 1 {
					s.after++
				}
			}
		}
	}
	words := make([]string, 0, len(stats))
	for w, s := range stats {
		if s.cue >= minCue && !strings.ContainsAny(w, "\t\n") {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	var b strings.Builder
	b.WriteString("# word\tcue uses\tuses\tcontent after cue (learned from polnear-train by cmd/train)\n")
	for _, w := range words {
		s := stats[w]
		fmt.Fprintf(&b, "%s\t%d\t%d\t%d\n", w, s.cue, s.total, s.after)
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d documents, %d lexicon words -> %s", len(docs), len(words), *out)
}
