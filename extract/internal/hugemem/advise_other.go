//go:build !linux

package hugemem

const supported = false

// advise does nothing where huge-page advice is not supported.
func advise([]byte) {}
