package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/format"
)

// tagJSONL tags JSON Lines documents with a pool of workers and writes the
// results in input order, each line whole. Memory stays bounded: at most a
// few documents per worker are in flight. When ctx is cancelled (Ctrl+C) it
// stops after the last whole line, flushes it and returns 130.
func tagJSONL(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, workers int) int {
	status := 0
	w := bufio.NewWriterSize(stdout, 1<<16)
	var writeErr error
	prog := newProgress(stderr, stdin)
	counted := prog.wrap(stdin)
	readErr := ordered(ctx, workers, func(submit func(format.Input)) error {
		return format.ReadJSONL(counted, func(in format.Input) error {
			submit(in)
			return nil
		}, func(e *format.LineError) {
			prog.clear()
			fmt.Fprintln(stderr, "dossier tag:", e)
			status = 1
		})
	}, tagLine, func(line tagged) {
		if writeErr == nil {
			_, writeErr = w.Write(line.json)
		}
		prog.done(line.words)
	})
	prog.finish()
	if writeErr == nil {
		writeErr = w.Flush()
	}
	if errors.Is(readErr, context.Canceled) {
		fmt.Fprintf(stderr, "dossier tag: interrupted after %d documents; every line written is whole\n", prog.docs)
		return 130
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
// once every submitted item has been emitted, or ctx's error as soon as ctx
// is cancelled (between two emits: the feed may be blocked reading a
// terminal, so it is not waited for; the process is about to exit).
func ordered[T, R any](ctx context.Context, workers int, feed func(submit func(T)) error, work func(T) R, emit func(R)) error {
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
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case out, ok := <-order:
			if !ok {
				wg.Wait()
				return feedErr
			}
			select {
			case r := <-out:
				emit(r)
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}

// tagged is one output line and the number of words it tagged.
type tagged struct {
	json  []byte
	words int
}

// tagLine tags one input document and returns its JSON line.
func tagLine(in format.Input) tagged {
	return tagged{tagJSONLine(in), countWords(in.Text)}
}

// tagJSONLine tags one input document and returns its JSON line.
func tagJSONLine(in format.Input) []byte {
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
