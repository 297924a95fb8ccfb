package format

import "github.com/dossier-reader/dossier/extract"

// The review seam. Every writer asks stateOf for a mention's review state
// and writes it only when it is not empty (JSON "state", a brat State
// attribute, a CSV column, a W3C "assessing" body); every reader hands the
// state it finds to setState. The state lives in extract.Mention.State,
// filled by review.Result.Kept when an article has been reviewed.

// stateOf returns the review state of mention i of d, "" when unreviewed.
func stateOf(d *extract.Doc, i int) string { return d.Mentions[i].State }

// setState records the review state read from a file for mention i of d.
func setState(d *extract.Doc, i int, state string) { d.Mentions[i].State = state }
