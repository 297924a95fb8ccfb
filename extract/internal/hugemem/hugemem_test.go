package hugemem

import (
	"testing"
	"unsafe"
)

// TestSlice checks that a large slice is zeroed, of the length asked
// for, and (where advice is supported) starts on a huge page.
func TestSlice(t *testing.T) {
	for _, n := range []int{0, 10, 3*hugePage/18 + 5} {
		s := Slice[[18]byte](n)
		if len(s) != n {
			t.Fatalf("len %d, want %d", len(s), n)
		}
		for i := range s {
			if s[i] != ([18]byte{}) {
				t.Fatalf("element %d not zero", i)
			}
			s[i][17] = 1
		}
		if supported && n*18 >= hugePage && uintptr(unsafe.Pointer(&s[0]))%hugePage != 0 {
			t.Errorf("n=%d: not aligned to a huge page", n)
		}
	}
}
