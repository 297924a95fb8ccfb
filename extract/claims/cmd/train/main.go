// Command train learns the cue classifier from PolNeAR training data:
//
//	go run ./extract/claims/cmd/train [-data DIR] [-out extract/claims/cue.model.gz]
//
// Every token of polnear-train is an example, positive when it heads a gold
// cue (the first word of the cue that is not an auxiliary); an averaged
// perceptron over hashed context features learns to tell them apart. The
// run is deterministic: the same data gives the same model file, which the
// claims package embeds.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/dossier-reader/dossier/extract/claims"
	"github.com/dossier-reader/dossier/extract/claims/internal/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

func main() {
	dir, _ := corpus.DataDir()
	data := flag.String("data", dir, "folder holding polnear-train.jsonl")
	out := flag.String("out", "extract/claims/cue.model.gz", "model file to write")
	claimOut := flag.String("claim-out", "extract/claims/claim.model.gz", "claim model file to write")
	epochs := flag.Int("epochs", 8, "perceptron passes over the data")
	folds := flag.Int("folds", 5, "folds for the claim classifier's candidates")
	flag.Parse()
	docs, err := corpus.Load(filepath.Join(*data, "polnear-train.jsonl"))
	if err != nil {
		log.Fatal(err)
	}
	tds := make([]claims.TrainingDoc, len(docs))
	cues := 0
	for i, d := range docs {
		tds[i].Text = d.Text
		for _, c := range d.Claims {
			tc := claims.TrainingClaim{Content: text.Span{Start: c.Content.Start, End: c.Content.End}}
			if c.Cue != nil {
				tc.Cue = &text.Span{Start: c.Cue.Start, End: c.Cue.End}
				cues++
			}
			for _, p := range c.Pieces {
				tc.Pieces = append(tc.Pieces, text.Span{Start: p.Start, End: p.End})
			}
			tds[i].Claims = append(tds[i].Claims, tc)
		}
	}
	m := claims.TrainModels(tds, *epochs)
	if err := os.WriteFile(*out, m, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d documents, %d cues -> %s (%d bytes)", len(docs), cues, *out, len(m))
	cm := claims.TrainClaimModel(tds, *epochs, *folds)
	if err := os.WriteFile(*claimOut, cm, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("claim classifier -> %s (%d bytes)", *claimOut, len(cm))
}
