package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/format"
	"github.com/dossier-reader/dossier/extract/score"
)

const evalUsage = `Usage:
  dossier eval GOLD.jsonl [--types person,country] [--claims] [--json] [--workers N]
  dossier eval GOLD.jsonl --pred PRED.jsonl [--types ...] [--claims] [--json]

Tags the text of each gold document and prints, per entity type, precision,
recall and F1 for exact spans, for overlapping spans and for the distinct
entities of a document ("pane", where the gold gives canonical names), and for
claims: content found (at least half of its word tokens shared both ways),
then the share of found claims whose source and cue were found too. The
numbers are those of ../shared/eval/score.py; the file format is that of
../shared/eval/FORMAT.md (offsets in Unicode code points).

  --types T,U      score these entity types (default: person, country,
                   demonym and weapon where a gold line annotates them, and
                   claims where the gold has them)
  --claims         score claims (with --types: claims too)
  --json           print score.py --json's object; the SUMMARY line goes to stderr
  --pred FILE      score this prediction file (JSON Lines, "-": stdin)
                   instead of tagging; documents are matched by id
  --workers N      documents tagged at once (default: one per core)

Malformed predictions are counted in "errors" and skipped. The last line is
"SUMMARY <type>_f1=..." with the exact-span F1s.
`

// runEval is the "dossier eval" command.
func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := commandFlags("dossier eval", evalUsage, stderr)
	types := fs.String("types", "", "comma-separated entity types")
	claims := fs.Bool("claims", false, "score claims")
	asJSON := fs.Bool("json", false, "print JSON")
	predPath := fs.String("pred", "", "prediction file")
	workers := fs.Int("workers", 0, "documents tagged at once")
	files, status, ok := parseArgs(fs, args)
	if !ok {
		return status
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "dossier eval: give one GOLD.jsonl file (see dossier eval --help)")
		return 2
	}
	if *predPath == "" {
		go extract.Preload() // while the gold file is read
	}
	gold, err := readDocs(files[0], nil, score.ReadGold)
	if err != nil {
		fmt.Fprintln(stderr, "dossier eval:", err)
		return 1
	}
	var pred []score.Doc
	if *predPath != "" {
		if pred, err = readDocs(*predPath, stdin, score.ReadPred); err != nil {
			fmt.Fprintln(stderr, "dossier eval:", err)
			return 1
		}
	} else {
		pred = tagGold(gold, *workers)
	}
	res := score.Score(gold, pred, score.Options{Types: *types, Claims: *claims})
	if *asJSON {
		err = res.WriteJSON(stdout)
		fmt.Fprintln(stderr, res.Summary())
	} else {
		err = res.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "dossier eval:", err)
		return 1
	}
	return 0
}

// readDocs reads a JSON Lines file ("-": stdin) with read.
func readDocs(path string, stdin io.Reader, read func(io.Reader) ([]score.Doc, error)) ([]score.Doc, error) {
	if path == "-" && stdin != nil {
		return read(stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// tagGold tags the text of each gold document, in parallel, and returns the
// predictions in gold order, each as it would be read back from
// "dossier tag --jsonl".
func tagGold(gold []score.Doc, workers int) []score.Doc {
	pred := make([]score.Doc, 0, len(gold))
	_ = ordered(context.Background(), workers, func(submit func(*score.Doc)) error {
		for i := range gold {
			submit(&gold[i])
		}
		return nil
	}, func(g *score.Doc) score.Doc {
		p := score.ParsePred(tagJSONLine(format.Input{ID: g.ID, Text: g.Text}))
		p.ID, p.Line = g.ID, g.Line
		return p
	}, func(p score.Doc) { pred = append(pred, p) })
	return pred
}
