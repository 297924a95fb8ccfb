package review

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// Version is the review file format this build writes; it reads this
// version and older ones.
const Version = 1

// File is the review file's content: the decisions on one article.
type File struct {
	Version  int      `json:"version"`
	Source   string   `json:"source,omitempty"` // the article's file name or URL, to find the review of an edited article
	TextHash string   `json:"text_hash"`        // TextHash of the article the offsets refer to
	TextLen  int      `json:"text_len"`         // its length in bytes
	Actions  []Action `json:"actions"`          // in the order they were made
}

// TextHash names an article by its text: the first 16 bytes of its SHA-256,
// in hex.
func TextHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:16])
}

// ErrNewer is returned for a file written by a newer dossier.
var ErrNewer = errors.New("written by a newer version of dossier")

// ErrCorrupt is returned for a file that is not a review file.
var ErrCorrupt = errors.New("not a readable review file")

// Decode parses a review file, refusing a newer version.
func Decode(b []byte) (*File, error) {
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	switch {
	case f.Version > Version:
		return nil, fmt.Errorf("%w (format %d, this one reads %d)", ErrNewer, f.Version, Version)
	case f.Version < 1 || f.TextHash == "":
		return nil, fmt.Errorf("%w: no version or text hash", ErrCorrupt)
	}
	for i, a := range f.Actions {
		if a.Op == "" {
			return nil, fmt.Errorf("%w: action %d has no op", ErrCorrupt, i+1)
		}
	}
	return &f, nil
}

// Encode writes f as indented JSON with the current version.
func Encode(f File) ([]byte, error) {
	f.Version = Version
	if f.Actions == nil {
		f.Actions = []Action{}
	}
	b, err := json.MarshalIndent(f, "", "  ")
	return append(b, '\n'), err
}

// Decisions returns the file's decisions placed in text: as they are when
// the text is the one they were made on, re-anchored (Reanchor) otherwise.
func (f *File) Decisions(text string) (acts []Action, changed bool, lost int) {
	if f.TextHash == TextHash(text) {
		return f.Actions, false, 0
	}
	acts, lost = Reanchor(text, f.Actions)
	return acts, true, lost
}
