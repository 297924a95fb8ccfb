package hugemem

import "testing"

// TestSlice checks that slices of every size are zeroed and of the length
// asked for.
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
	}
}

// TestInterior checks the whole huge pages found inside a byte range.
func TestInterior(t *testing.T) {
	const h = hugePage
	for _, c := range []struct {
		addr     uintptr
		size     int
		off, end int
	}{
		{0, 0, 0, 0},
		{0, h - 1, 0, 0},
		{0, h, 0, h},
		{0, 3*h + 5, 0, 3 * h},
		{h - 8192, h, 0, 0},
		{h - 8192, 2 * h, 8192, 8192 + h},
		{5*h + 4096, 9 * h, h - 4096, h - 4096 + 8*h},
		{h - 4096, 4096, 0, 0},
	} {
		off, end := interior(c.addr, c.size)
		if off != c.off || end != c.end {
			t.Errorf("interior(%#x, %d) = [%d, %d), want [%d, %d)", c.addr, c.size, off, end, c.off, c.end)
		}
	}
}
