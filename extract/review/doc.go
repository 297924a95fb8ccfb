// Package review is the data side of reviewing what the tagger found: a list
// of decisions (accept, reject, relabel, merge, rename, split, add, remove,
// move an edge) replayed over a tagged *extract.Doc to give the reviewed Doc
// and a State for each of its mentions, entities and claims; undo and redo;
// the JSON file the decisions are kept in, with each one anchored by span,
// text and context so it can be placed again when the article changed; and
// the Store that writes that file atomically under a lock.
//
// It never imports the terminal side. The export side reads a Result:
// Result.Doc holds every entity and claim (rejected ones too) and every
// mention that was not removed; Result.Mentions[i], Result.Entities[i] and
// Result.Claims[i] are the states of Doc.Mentions[i], Doc.Entities[i] and
// Doc.Claims[i]; Result.Kept drops what was rejected.
package review

// State is where a mention, entity or claim stands in the review.
type State uint8

// The states. Edited means changed (renamed, relabelled, merged, split,
// added, moved) but neither accepted nor rejected since.
const (
	Pending State = iota
	Accepted
	Rejected
	Edited
)

// String returns the state's name as written in files.
func (s State) String() string {
	switch s {
	case Accepted:
		return "accepted"
	case Rejected:
		return "rejected"
	case Edited:
		return "edited"
	}
	return "pending"
}

// Mark is the one-cell sign of a state in a list: · ✓ ✗ ✎.
func (s State) Mark() string {
	switch s {
	case Accepted:
		return "✓"
	case Rejected:
		return "✗"
	case Edited:
		return "✎"
	}
	return "·"
}

// Undecided reports whether the state still needs a decision: pending or
// edited.
func (s State) Undecided() bool { return s == Pending || s == Edited }

// Counts are the numbers of entities and claims in each state.
type Counts struct {
	Pending, Accepted, Rejected, Edited int
}

// add counts one state.
func (c *Counts) add(s State) {
	switch s {
	case Accepted:
		c.Accepted++
	case Rejected:
		c.Rejected++
	case Edited:
		c.Edited++
	default:
		c.Pending++
	}
}
