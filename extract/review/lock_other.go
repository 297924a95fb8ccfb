//go:build !unix

package review

import "errors"

// errBusy says another process holds the lock.
var errBusy = errors.New("locked by another process")

// lockFile does not lock where flock is missing (Windows, Plan 9): two
// processes may then both write, and the atomic rename still keeps the file
// whole; the last one to save wins.
func lockFile(path string) (unlock func(), err error) {
	return func() {}, nil
}
