package review

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// apply carries out one action on w. It resolves every reference before it
// changes anything, so a failed action leaves w as it was.
func (w *work) apply(a Action) error {
	switch a.Op {
	case OpAccept, OpReject:
		return w.decide(a)
	case OpRelabel:
		return w.relabel(a)
	case OpMerge:
		return w.merge(a)
	case OpRename:
		return w.rename(a)
	case OpSplit:
		return w.split(a)
	case OpAdd:
		return w.add(a)
	case OpRemove:
		return w.remove(a)
	case OpMove:
		return w.move(a)
	}
	return fmt.Errorf("unknown action %q", a.Op)
}

// errNoTarget is returned for an action that lacks the reference it needs.
var errNoTarget = errors.New("action without a target")

// decide accepts or rejects entities and claims.
func (w *work) decide(a Action) error {
	st := Accepted
	if a.Op == OpReject {
		st = Rejected
	}
	if len(a.Targets) == 0 {
		return errNoTarget
	}
	var set []*State
	for _, t := range a.Targets {
		if t.Claim {
			i, err := w.claim(t)
			if err != nil {
				return err
			}
			set = append(set, &w.claims[i].state)
			continue
		}
		i, err := w.entity(t)
		if err != nil {
			return err
		}
		set = append(set, &w.entities[i].state)
	}
	for _, p := range set {
		*p = st
	}
	return nil
}

// target resolves the first target of an entity action.
func (w *work) target(a Action) (int, error) {
	if len(a.Targets) == 0 || a.Targets[0].Claim {
		return -1, errNoTarget
	}
	return w.entity(a.Targets[0])
}

// relabel changes an entity's kind, with its mentions'; "none" rejects it.
func (w *work) relabel(a Action) error {
	e, err := w.target(a)
	if err != nil {
		return err
	}
	if a.Kind == NotEntity {
		w.entities[e].state = Rejected
		return nil
	}
	k, ok := extract.ParseKind(a.Kind)
	if !ok || k == extract.Demonym {
		return fmt.Errorf("relabel as %q: not an entity kind", a.Kind)
	}
	ent := &w.entities[e]
	ent.Kind = k
	if k != extract.Country {
		ent.ISO2, ent.ISO3 = "", ""
	}
	if k != extract.Weapon {
		ent.Class = ""
	}
	if k != extract.Person {
		ent.Role = ""
	}
	for i := range w.mentions {
		if w.live(w.mentions[i].Entity) == e {
			w.mentions[i].Kind = mentionKind(w.mentions[i].Kind, k)
		}
	}
	ent.edited()
	return nil
}

// merge moves every mention of the second target to the first, which takes
// the other's names as aliases.
func (w *work) merge(a Action) error {
	if len(a.Targets) != 2 {
		return errNoTarget
	}
	keep, err := w.entity(a.Targets[0])
	if err != nil {
		return err
	}
	gone, err := w.entity(a.Targets[1])
	if err != nil {
		return err
	}
	if keep == gone {
		return errors.New("merge: the two rows are one entity")
	}
	k := w.entities[keep].Kind
	for i := range w.mentions {
		if w.live(w.mentions[i].Entity) == gone {
			w.mentions[i].Kind = mentionKind(w.mentions[i].Kind, k)
		}
	}
	g := &w.entities[gone]
	g.into = keep
	w.entities[keep].addAlias(append([]string{g.Name}, g.aliases...)...)
	w.entities[keep].extra = append(w.entities[keep].extra, g.extra...)
	w.entities[keep].edited()
	return nil
}

// rename gives an entity a new canonical name; the old one becomes an alias.
func (w *work) rename(a Action) error {
	e, err := w.target(a)
	if err != nil {
		return err
	}
	name := strings.Join(strings.Fields(a.Name), " ")
	if name == "" {
		return errors.New("rename: empty name")
	}
	ent := &w.entities[e]
	old := ent.Name
	ent.Name = name
	ent.addAlias(old)
	ent.edited()
	return nil
}

// split moves one mention out of its entity into a new one named after it.
func (w *work) split(a Action) error {
	if a.Mention == nil {
		return errNoTarget
	}
	mi, err := w.mentionAt(a.Mention.Span(), a.Mention.Kind)
	if err != nil {
		return err
	}
	e := w.live(w.mentions[mi].Entity)
	n := 0
	for _, m := range w.mentions {
		if !m.removed && w.live(m.Entity) == e {
			n++
		}
	}
	if n < 2 {
		return errors.New("split: it is the entity's only mention")
	}
	old := w.entities[e]
	ne := wEntity{Entity: extract.Entity{Kind: old.Kind, Name: oneLine(w.text[a.Mention.Start:a.Mention.End])}, state: Edited, into: -1}
	if old.Kind == extract.Country {
		ne.ISO2, ne.ISO3 = old.ISO2, old.ISO3
	}
	w.entities = append(w.entities, ne)
	w.mentions[mi].Entity = len(w.entities) - 1
	w.mentions[mi].own = Edited
	return nil
}

// add makes a new mention of a span: it joins the standing entity of a
// compatible kind whose name, alias or mention text is the same, or starts
// one.
func (w *work) add(a Action) error {
	if a.Span == nil {
		return errNoTarget
	}
	k, ok := extract.ParseKind(a.Kind)
	s := a.Span.Span()
	if !ok {
		return fmt.Errorf("add as %q: not a mention kind", a.Kind)
	}
	if s.Start < 0 || s.End > len(w.text) || s.Start >= s.End {
		return fmt.Errorf("add: span %d–%d outside the text", s.Start, s.End)
	}
	if o := w.overlap(s, k, -1); o >= 0 {
		return fmt.Errorf("add: overlaps the mention “%s”", s2(w.text, w.mentions[o].Span))
	}
	name := oneLine(w.text[s.Start:s.End])
	e := w.findEntity(name, group(k))
	if e < 0 {
		w.entities = append(w.entities, wEntity{Entity: extract.Entity{Kind: group(k), Name: name}, state: Edited, into: -1})
		e = len(w.entities) - 1
	} else if w.entities[e].state == Pending {
		w.entities[e].state = Edited
	}
	w.mentions = append(w.mentions, wMention{Mention: extract.Mention{Span: s, Kind: k, Entity: e}, own: Edited})
	return nil
}

// findEntity returns the standing entity of kind k called name (by its
// name, an alias or the text of a mention), or -1.
func (w *work) findEntity(name string, k extract.Kind) int {
	for i, e := range w.entities {
		if e.into >= 0 || e.Kind != k {
			continue
		}
		if strings.EqualFold(e.Name, name) {
			return i
		}
		for _, al := range e.aliases {
			if strings.EqualFold(al, name) {
				return i
			}
		}
	}
	for _, m := range w.mentions {
		if !m.removed && group(m.Kind) == k && strings.EqualFold(oneLine(w.text[m.Start:m.End]), name) {
			return w.live(m.Entity)
		}
	}
	return w.bySurname(name, k)
}

// bySurname returns the one standing person whose name ends in the single
// word name ("Lavrov" for "Sergei Lavrov"), or -1 when none or several do.
func (w *work) bySurname(name string, k extract.Kind) int {
	if k != extract.Person || strings.ContainsRune(name, ' ') {
		return -1
	}
	found := -1
	for i, e := range w.entities {
		f := strings.Fields(e.Name)
		if e.into < 0 && e.Kind == k && len(f) > 1 && strings.EqualFold(f[len(f)-1], name) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// remove takes a mention away.
func (w *work) remove(a Action) error {
	if a.Mention == nil {
		return errNoTarget
	}
	mi, err := w.mentionAt(a.Mention.Span(), a.Mention.Kind)
	if err != nil {
		return err
	}
	w.mentions[mi].removed = true
	return nil
}

// move gives a mention a new span.
func (w *work) move(a Action) error {
	if a.Mention == nil || a.Span == nil {
		return errNoTarget
	}
	mi, err := w.mentionAt(a.Mention.Span(), a.Mention.Kind)
	if err != nil {
		return err
	}
	s := a.Span.Span()
	if s.Start < 0 || s.End > len(w.text) || s.Start >= s.End {
		return fmt.Errorf("move: span %d–%d outside the text", s.Start, s.End)
	}
	if o := w.overlap(s, w.mentions[mi].Kind, mi); o >= 0 {
		return fmt.Errorf("move: would overlap “%s”", s2(w.text, w.mentions[o].Span))
	}
	w.mentions[mi].Span = s
	w.mentions[mi].own = Edited
	return nil
}

// oneLine folds s's whitespace to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
