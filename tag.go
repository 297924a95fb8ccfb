package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/article"
	"github.com/dossier-reader/dossier/extract/format"
	"github.com/dossier-reader/dossier/samples"
)

const tagUsage = `Usage:
  dossier tag [FILE | URL | -]
                            tag one article and print its annotations as JSON
                            (no FILE: the bundled sample; -: stdin); --offline
                            refuses URLs
  dossier tag --jsonl       read JSON Lines documents {"id", "text", ...} on stdin and
                            write one line per document, in order, with "entities" and
                            "claims" added (offsets in Unicode code points, see FORMAT.md)

A JSONL line that is not valid JSON or has no "text" is reported on stderr with
its line number and skipped; the run goes on and the exit status is then 1.
`

// runTag is the "dossier tag" command.
func runTag(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dossier tag", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, tagUsage) }
	jsonl := fs.Bool("jsonl", false, "JSON Lines in, JSON Lines out")
	workers := fs.Int("workers", 0, "documents tagged at once with --jsonl (default: one per core)")
	maxSize := fs.Int64("max-size", 0, "size limit in bytes")
	offline := fs.Bool("offline", false, "never fetch URLs")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *jsonl {
		if fs.NArg() > 0 {
			fmt.Fprintln(stderr, "dossier tag: --jsonl reads stdin; give no FILE")
			return 2
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return tagJSONL(ctx, stdin, stdout, stderr, *workers)
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "dossier tag: one FILE at a time (or --jsonl for a batch)")
		return 2
	}
	art, err := loadArticle(fs.Arg(0), article.Options{Stdin: stdin, MaxBytes: *maxSize, Offline: *offline})
	if err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	doc := extract.Tag(art.Text)
	doc.ID = art.Name
	w := bufio.NewWriter(stdout)
	if err := format.WriteJSON(w, doc); err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "dossier tag:", err)
		return 1
	}
	return 0
}

// loadArticle loads FILE or URL, stdin for "-", or the bundled sample for "".
func loadArticle(src string, opts article.Options) (*article.Article, error) {
	if src == "" {
		return article.FromText(samples.DefaultName, samples.Default), nil
	}
	opts.Version = version
	return article.Load(src, opts)
}
