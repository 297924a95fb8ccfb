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
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		in  format.Input
		out chan []byte
	}
	jobs := make(chan job, workers*2)
	order := make(chan chan []byte, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- tagLine(j.in)
			}
		}()
	}
	status := 0
	var readErr error
	go func() {
		readErr = format.ReadJSONL(stdin, func(in format.Input) error {
			out := make(chan []byte, 1)
			order <- out
			jobs <- job{in, out}
			return nil
		}, func(e *format.LineError) {
			order <- nil // keeps the error in sequence with the output
			fmt.Fprintln(stderr, "dossier tag:", e)
			status = 1
		})
		close(jobs)
		close(order)
	}()
	w := bufio.NewWriterSize(stdout, 1<<16)
	var writeErr error
	for out := range order {
		if out == nil {
			continue
		}
		line := <-out
		if writeErr == nil {
			_, writeErr = w.Write(line)
		}
	}
	wg.Wait()
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
