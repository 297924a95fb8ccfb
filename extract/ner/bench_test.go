package ner

import (
	"testing"
	"time"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
)

// BenchmarkFind tags the text of conll2003-dev.jsonl (analysis done before
// the timer) and reports words per second and CPU time per pass.
func BenchmarkFind(b *testing.B) {
	as, words := evaldata.Analyses(b, "conll2003-dev.jsonl")
	defaultModel()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, a := range as {
			Find(a)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		// With -cpu 1 the CPU time, garbage collection included, is
		// the wall time on an idle machine; on a busy one it is the
		// steadier measure.
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	}
}

// TestLoadTime checks the embedded model decodes well under 50 ms (the
// best of three tries: a loaded machine makes single timings erratic).
func TestLoadTime(t *testing.T) {
	var m *Model
	d := time.Hour
	for range 3 {
		t0 := time.Now()
		var err error
		m, err = UnmarshalModel(modelFile)
		d = min(d, time.Since(t0))
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("model: %d bytes, loaded in %v", len(modelFile), d)
	if d > 200*time.Millisecond && !raceEnabled { // generous: shared CI machines
		t.Errorf("model took %v to load", d)
	}
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := UnmarshalModel(data); err != nil {
		t.Fatalf("round trip: %v", err)
	}
}
