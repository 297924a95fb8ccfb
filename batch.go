package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/format"
)

// tagJSONL tags JSON Lines documents with a pool of workers and writes the
// results in input order, each line whole. Memory stays bounded: at most a
// few documents per worker are in flight.
func tagJSONL(stdin io.Reader, stdout, stderr io.Writer, workers int) int {
	status := 0
	w := bufio.NewWriterSize(stdout, 1<<16)
	var writeErr error
	readErr := ordered(workers, func(submit func(format.Input)) error {
		return format.ReadJSONL(stdin, func(in format.Input) error {
			submit(in)
			return nil
		}, func(e *format.LineError) {
			fmt.Fprintln(stderr, "dossier tag:", e)
			status = 1
		})
	}, tagLine, func(line []byte) {
		if writeErr == nil {
			_, writeErr = w.Write(line)
		}
	})
	if writeErr == nil {
		writeErr = w.Flush()
	}
	if readErr != nil {
		fmt.Fprintln(stderr, "dossier tag:", readErr)
		return 1
	}
	if writeErr != nil {
		fmt.Fprintln(stderr, "dossier tag:", writeErr)
		return 1
	}
	return status
}

// ordered runs work on each item feed submits, with a pool of workers (0:
// one per core), and hands the results to emit in submission order, on the
// calling goroutine. Memory stays bounded: at most a few items per worker
// are in flight. feed runs on its own goroutine; ordered returns its error
// once every submitted item has been emitted.
func ordered[T, R any](workers int, feed func(submit func(T)) error, work func(T) R, emit func(R)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		in  T
		out chan R
	}
	jobs := make(chan job, workers*2)
	order := make(chan chan R, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				j.out <- work(j.in)
			}
		})
	}
	var feedErr error
	go func() {
		feedErr = feed(func(in T) {
			out := make(chan R, 1)
			order <- out
			jobs <- job{in, out}
		})
		close(jobs)
		close(order)
	}()
	for out := range order {
		emit(<-out)
	}
	wg.Wait()
	return feedErr
}

// tagLine tags one input document and returns its JSON line.
func tagLine(in format.Input) []byte {
	doc := extract.Tag(in.Text)
	doc.ID = in.ID
	j := format.ToJSON(doc)
	j.Title = "" // a JSONL line keeps the input's shape: id, text, entities, claims
	if in.RawID != nil {
		j.ID = in.RawID
	}
	var b bytes.Buffer
	if err := format.EncodeLine(&b, j); err != nil {
		// Cannot happen for a Doc (plain strings and ints); keep the line count whole anyway.
		return []byte(fmt.Sprintf("{\"id\":%q,\"error\":%q}\n", in.ID, err))
	}
	return b.Bytes()
}
