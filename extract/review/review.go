package review

import (
	"github.com/dossier-reader/dossier/extract"
)

// Result is a reviewed document: Doc with the decisions applied, and the
// state of each of its mentions, entities and claims (parallel slices).
// Doc keeps rejected entities and claims, and the mentions of rejected
// entities, so a list can show them struck; mentions removed by the
// reviewer are gone from it. Kept drops everything rejected.
type Result struct {
	Doc      *extract.Doc
	Mentions []State    // Mentions[i] is the state of Doc.Mentions[i]
	Entities []State    // Entities[i] is the state of Doc.Entities[i]
	Claims   []State    // Claims[i] is the state of Doc.Claims[i]
	Aliases  [][]string // Aliases[i] are the other names of Doc.Entities[i] (renamed from, merged in)
	Unplaced []Unplaced // decisions that could not be applied to this text or tagging
}

// Unplaced is a decision that did not apply, with the reason.
type Unplaced struct {
	Action Action
	Err    error
}

// Counts counts the entities and claims in each state.
func (r *Result) Counts() Counts {
	var c Counts
	for _, s := range r.Entities {
		c.add(s)
	}
	for _, s := range r.Claims {
		c.add(s)
	}
	return c
}

// Kept returns a copy of Doc without rejected entities, their mentions and
// rejected claims, for exports that want only what the reviewer kept. Each
// kept mention carries its state in Mention.State (the entity's state when
// the mention itself was not decided on).
func (r *Result) Kept() *extract.Doc {
	d := r.Doc
	out := &extract.Doc{ID: d.ID, Title: d.Title, Text: d.Text}
	newEnt := make([]int, len(d.Entities))
	for i, e := range d.Entities {
		newEnt[i] = -1
		if r.Entities[i] != Rejected {
			newEnt[i] = len(out.Entities)
			e.Mentions = nil
			out.Entities = append(out.Entities, e)
		}
	}
	newMen := make([]int, len(d.Mentions))
	for i, m := range d.Mentions {
		newMen[i] = -1
		if e := newEnt[m.Entity]; e >= 0 && r.Mentions[i] != Rejected {
			newMen[i] = len(out.Mentions)
			m.State = r.Mentions[i].String()
			if r.Mentions[i] == Pending {
				m.State = r.Entities[m.Entity].String()
			}
			m.Entity = e
			out.Mentions = append(out.Mentions, m)
		}
	}
	for i, e := range d.Entities {
		if ne := newEnt[i]; ne >= 0 {
			for _, mi := range e.Mentions {
				if newMen[mi] >= 0 {
					out.Entities[ne].Mentions = append(out.Entities[ne].Mentions, newMen[mi])
				}
			}
		}
	}
	for i, c := range d.Claims {
		if r.Claims[i] == Rejected {
			continue
		}
		if c.SpeakerEntity >= 0 {
			c.SpeakerEntity = newEnt[c.SpeakerEntity]
		}
		out.Claims = append(out.Claims, c)
	}
	return out
}

// Review is a document under review: the tagger's Doc, the decisions made
// so far (the undo history) and those undone (the redo stack). The zero
// value is not usable; create one with New.
type Review struct {
	base   *extract.Doc
	parked []Unplaced // loaded decisions that did not apply; kept, not undoable
	done   []Action
	undone []Action
	res    *Result
}

// New starts a review of base (which it never changes) and replays the
// decisions already made, in order. Those that do not apply are parked:
// listed in Result.Unplaced and kept in Actions, but not in the undo history.
func New(base *extract.Doc, decisions []Action) *Review {
	r := &Review{base: base}
	w := newWork(base)
	for _, a := range decisions {
		if err := w.apply(a); err != nil {
			r.parked = append(r.parked, Unplaced{a, err})
			continue
		}
		r.done = append(r.done, a)
	}
	r.res = w.build()
	r.res.Unplaced = r.parked
	return r
}

// Result is the reviewed document as it stands. It is shared: do not change it.
func (r *Review) Result() *Result { return r.res }

// Actions returns every decision to save: the parked ones first, then the
// undo history in order.
func (r *Review) Actions() []Action {
	out := make([]Action, 0, len(r.parked)+len(r.done))
	for _, p := range r.parked {
		out = append(out, p.Action)
	}
	return append(out, r.done...)
}

// Do applies a decision. On error nothing changes; on success the redo
// stack is cleared.
func (r *Review) Do(a Action) error {
	w := r.replay()
	if err := w.apply(a); err != nil {
		return err
	}
	r.done = append(r.done, a)
	r.undone = nil
	r.rebuild(w)
	return nil
}

// Undo takes back the last decision; it reports false when there is none.
func (r *Review) Undo() (Action, bool) {
	if len(r.done) == 0 {
		return Action{}, false
	}
	a := r.done[len(r.done)-1]
	r.done = r.done[:len(r.done)-1]
	r.undone = append(r.undone, a)
	r.rebuild(r.replay())
	return a, true
}

// Redo makes the last undone decision again; it reports false when there
// is none.
func (r *Review) Redo() (Action, bool) {
	if len(r.undone) == 0 {
		return Action{}, false
	}
	a := r.undone[len(r.undone)-1]
	r.undone = r.undone[:len(r.undone)-1]
	r.done = append(r.done, a)
	r.rebuild(r.replay())
	return a, true
}

// CanUndo and CanRedo report whether Undo and Redo would do anything.
func (r *Review) CanUndo() bool { return len(r.done) > 0 }

// CanRedo reports whether Redo would do anything.
func (r *Review) CanRedo() bool { return len(r.undone) > 0 }

// replay rebuilds the work from the base and the history. Replaying is
// cheap next to a person's pace (a few hundred decisions over a few hundred
// mentions) and makes undo exact by construction.
func (r *Review) replay() *work {
	w := newWork(r.base)
	for _, a := range r.done {
		_ = w.apply(a) // each applied when it was done, so it applies again
	}
	return w
}

// rebuild sets the result from w.
func (r *Review) rebuild(w *work) {
	r.res = w.build()
	r.res.Unplaced = r.parked
}
