package claims

import (
	"fmt"
	"testing"
)

func TestDiagThreshold(t *testing.T) {
	for _, th := range []float32{-8, -6, -5, -4, -3, -2} {
		cueThreshold = th
		got := score(t, "polnear-dev.jsonl")
		fmt.Printf("th %v: P %.3f R %.3f F1 %.3f src %.3f\n", th, got.P(), got.R(), got.F1(), got.SourceAcc())
	}
}
