// Command claimeval scores claims.Find on an evaluation file the way
// score.py scores claims, and can print the misses for error analysis:
//
//	go run ./extract/claims/cmd/claimeval [-file polnear-dev.jsonl] [-v fn,fp,src,cue] [-dump FILE]
//
// -dump writes every unmatched gold claim and prediction with its paragraph,
// the gold spans, the nearest claim on the other side and a cause bucket
// (cue not found, boundary off and on which side, content before the cue,
// nested, multi-sentence, split quotation), then the bucket counts.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-reader/dossier/extract/claims"
	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

func main() {
	dir, _ := corpus.DataDir()
	file := flag.String("file", "polnear-dev.jsonl", "file in the data folder")
	verbose := flag.String("v", "", "print misses: fn, fp, src, cue (comma-separated)")
	dump := flag.String("dump", "", "write every unmatched gold claim and prediction, bucketed by cause, to FILE")
	flag.Parse()
	docs, err := corpus.Load(filepath.Join(dir, *file))
	if err != nil {
		log.Fatal(err)
	}
	var t corpus.Tally
	var out *os.File
	counts := map[string]int{}
	if *dump != "" {
		if out, err = os.Create(*dump); err != nil {
			log.Fatal(err)
		}
		defer out.Close()
	}
	for _, d := range docs {
		cs := claims.Find(text.Analyze(d.Text), nil)
		preds := Preds(cs)
		ms := t.Score(d, preds)
		if out != nil {
			dumpDoc(out, d, preds, ms, counts)
		}
		if *verbose != "" {
			report(*verbose, d, preds, ms)
		}
	}
	fmt.Printf("gold %d pred %d matched %d | content P %.3f R %.3f F1 %.3f | source acc %.3f (n=%d) | cue acc %.3f (n=%d)\n",
		t.Gold, t.Pred, t.Matched, t.P(), t.R(), t.F1(), t.SourceAcc(), t.SourceN, t.CueAcc(), t.CueN)
	if out != nil {
		printCounts(out, counts)
		printCounts(os.Stdout, counts)
	}
}

// Preds converts claims to the scorer's predictions.
func Preds(cs []claims.Claim) []corpus.Pred {
	out := make([]corpus.Pred, len(cs))
	for i, c := range cs {
		p := corpus.Pred{Content: corpus.Span{Start: c.Content.Start, End: c.Content.End}, Speaker: c.Speaker}
		if c.Source != nil {
			p.Source = &corpus.Span{Start: c.Source.Start, End: c.Source.End}
		}
		if c.Cue != nil {
			p.Cue = &corpus.Span{Start: c.Cue.Start, End: c.Cue.End}
		}
		for _, s := range c.Pieces {
			p.Pieces = append(p.Pieces, corpus.Span{Start: s.Start, End: s.End})
		}
		out[i] = p
	}
	return out
}

func report(what string, d corpus.Doc, preds []corpus.Pred, ms []corpus.Match) {
	mp, mg := map[int]int{}, map[int]int{}
	for _, m := range ms {
		mp[m.Pred], mg[m.Gold] = m.Gold, m.Pred
	}
	sp := func(s *corpus.Span) string {
		if s == nil {
			return "-"
		}
		return d.Text[s.Start:s.End]
	}
	cut := func(s corpus.Span) string {
		t := strings.ReplaceAll(d.Text[s.Start:s.End], "\n", " ")
		if len(t) > 160 {
			t = t[:160] + "…"
		}
		return t
	}
	for j, g := range d.Claims {
		i, ok := mg[j]
		switch {
		case !ok && strings.Contains(what, "fn"):
			fmt.Printf("FN %s | %s | %s | %s\n", d.ID, sp(g.Source), sp(g.Cue), cut(g.Content))
		case ok && strings.Contains(what, "src") && !corpus.SourceOK(d, preds[i], g):
			fmt.Printf("SRC %s | gold %q pred %q spk %q | %s\n", d.ID, sp(g.Source), sp(preds[i].Source), preds[i].Speaker, cut(g.Content))
		case ok && strings.Contains(what, "cue") && g.Cue != nil && !ovl(preds[i].Cue, g.Cue):
			fmt.Printf("CUE %s | gold %q pred %q | %s\n", d.ID, sp(g.Cue), sp(preds[i].Cue), cut(g.Content))
		}
	}
	if strings.Contains(what, "fp") {
		for i, p := range preds {
			if _, ok := mp[i]; !ok {
				fmt.Printf("FP %s | %s | %s | %s\n", d.ID, sp(p.Source), sp(p.Cue), cut(p.Content))
			}
		}
	}
}

func ovl(a, b *corpus.Span) bool { return a != nil && b != nil && a.Start < b.End && b.Start < a.End }
