package wordfilter

import (
	"fmt"
	"testing"
)

// TestFilter checks that no key is ever filtered out and that most
// non-keys are.
func TestFilter(t *testing.T) {
	var f Filter
	keys := map[string]bool{}
	for i := 0; i < 2000; i++ {
		k := fmt.Sprintf("key%dword", i*7919)
		keys[k] = true
		f.Add(k)
	}
	f.Add("")
	for k := range keys {
		if !f.MayHave(k) || !f.MayHaveBytes(len(k), k[0], k[len(k)/2], k[len(k)-1]) {
			t.Fatalf("key %q filtered out", k)
		}
	}
	if !f.MayHave("") {
		t.Error(`MayHave("") = false; the map must decide`)
	}
	through := 0
	const tries = 10000
	for i := 0; i < tries; i++ {
		if s := fmt.Sprintf("other%d", i); !keys[s] && f.MayHave(s) {
			through++
		}
	}
	if through > tries/4 {
		t.Errorf("%d of %d non-keys pass the filter; want at most a quarter", through, tries)
	}
}
