package review

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// work is the mutable form of a Doc that actions are applied to. Nothing is
// ever deleted from it, so indexes stay valid while actions replay: a removed
// mention is flagged, a merged entity points at the one that absorbed it.
type work struct {
	text     string
	title    string
	id       string
	mentions []wMention
	entities []wEntity
	claims   []wClaim
}

// wMention is a mention under review.
type wMention struct {
	extract.Mention       // Entity indexes work.entities
	removed         bool  // removed by the reviewer
	own             State // Pending, or Edited once added or moved
}

// wEntity is an entity under review.
type wEntity struct {
	extract.Entity          // Mentions is unused: mentions point at their entity
	extra          []int    // mentions of another entity this one also lists (a weapon phrase naming two classes)
	state          State    // the reviewer's decision
	aliases        []string // names it had or absorbed
	into           int      // the entity that absorbed it in a merge, -1 while it stands
}

// wClaim is a claim under review.
type wClaim struct {
	extract.Claim
	state State
}

// newWork copies doc into a work.
func newWork(doc *extract.Doc) *work {
	w := &work{text: doc.Text, title: doc.Title, id: doc.ID}
	for _, m := range doc.Mentions {
		w.mentions = append(w.mentions, wMention{Mention: m})
	}
	for i, e := range doc.Entities {
		we := wEntity{Entity: e, into: -1}
		we.Mentions = nil
		for _, mi := range e.Mentions {
			if doc.Mentions[mi].Entity != i {
				we.extra = append(we.extra, mi)
			}
		}
		w.entities = append(w.entities, we)
	}
	for _, c := range doc.Claims {
		w.claims = append(w.claims, wClaim{Claim: c})
	}
	return w
}

// errNotFound says a reference did not resolve: the decision cannot be placed.
var errNotFound = errors.New("not found")

// live resolves the merge chain of entity e.
func (w *work) live(e int) int {
	for e >= 0 && w.entities[e].into >= 0 {
		e = w.entities[e].into
	}
	return e
}

// mentionAt returns the live mention with exactly span s, preferring one of
// kind k ("" for any).
func (w *work) mentionAt(s extract.Span, k string) (int, error) {
	found := -1
	for i, m := range w.mentions {
		if m.removed || m.Span != s {
			continue
		}
		if k == "" || m.Kind.String() == k {
			return i, nil
		}
		if found < 0 {
			found = i
		}
	}
	if found < 0 {
		return -1, fmt.Errorf("mention “%s”: %w", s2(w.text, s), errNotFound)
	}
	return found, nil
}

// entity resolves an entity reference: the entity of the mention at its
// span, else the standing entity with its name and kind.
func (w *work) entity(r Ref) (int, error) {
	if r.Start >= 0 && !r.Claim {
		if mi, err := w.mentionAt(r.Span(), ""); err == nil {
			return w.live(w.mentions[mi].Entity), nil
		}
	}
	for i, e := range w.entities {
		if e.into < 0 && e.Name == r.Name && e.Kind.String() == r.Kind {
			return i, nil
		}
	}
	return -1, fmt.Errorf("entity “%s”: %w", r.Name, errNotFound)
}

// claim resolves a claim reference by its content span.
func (w *work) claim(r Ref) (int, error) {
	for i, c := range w.claims {
		if c.Content == r.Span() {
			return i, nil
		}
	}
	return -1, fmt.Errorf("claim “%s”: %w", short(r.Text), errNotFound)
}

// s2 is the text of s, or "?" when s is out of range.
func s2(text string, s extract.Span) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return "?"
	}
	return short(text[s.Start:s.End])
}

// group is the kind a mention's overlap rule is checked within: demonyms
// belong with countries.
func group(k extract.Kind) extract.Kind {
	if k == extract.Demonym {
		return extract.Country
	}
	return k
}

// overlap returns the live mention other than skip, of kind k's group, that
// overlaps s; -1 when there is none.
func (w *work) overlap(s extract.Span, k extract.Kind, skip int) int {
	for i, m := range w.mentions {
		if i != skip && !m.removed && group(m.Kind) == group(k) && m.Overlaps(s) {
			return i
		}
	}
	return -1
}

// mentionKind is the kind a mention takes in an entity of kind k.
func mentionKind(old, k extract.Kind) extract.Kind {
	if old == extract.Demonym && k == extract.Country {
		return old
	}
	return k
}

// addAlias records name as one of e's names unless it is already.
func (e *wEntity) addAlias(names ...string) {
	for _, n := range names {
		if n == "" || strings.EqualFold(n, e.Name) {
			continue
		}
		dup := false
		for _, a := range e.aliases {
			dup = dup || strings.EqualFold(a, n)
		}
		if !dup {
			e.aliases = append(e.aliases, n)
		}
	}
}

// edited marks an entity changed unless it was rejected.
func (e *wEntity) edited() {
	if e.state != Rejected {
		e.state = Edited
	}
}

// build turns the work into a Result.
func (w *work) build() *Result {
	doc := &extract.Doc{ID: w.id, Title: w.title, Text: w.text}
	r := &Result{Doc: doc}
	newEnt := make([]int, len(w.entities))
	for i, e := range w.entities {
		newEnt[i] = -1
		if e.into < 0 {
			newEnt[i] = len(doc.Entities)
			ent := e.Entity
			ent.Mentions = nil
			doc.Entities = append(doc.Entities, ent)
			r.Entities = append(r.Entities, e.state)
			r.Aliases = append(r.Aliases, append([]string(nil), e.aliases...))
		}
	}
	order := make([]int, 0, len(w.mentions))
	for i, m := range w.mentions {
		if !m.removed {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := w.mentions[order[a]], w.mentions[order[b]]
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return x.End > y.End
	})
	newMen := make([]int, len(w.mentions))
	for i := range newMen {
		newMen[i] = -1
	}
	for _, wi := range order {
		m := w.mentions[wi]
		e := newEnt[w.live(m.Entity)]
		newMen[wi] = len(doc.Mentions)
		doc.Mentions = append(doc.Mentions, extract.Mention{Span: m.Span, Kind: m.Kind, Entity: e})
		r.Mentions = append(r.Mentions, mentionState(m, w.entities[w.live(m.Entity)].state))
		doc.Entities[e].Mentions = append(doc.Entities[e].Mentions, newMen[wi])
	}
	w.addExtras(doc, newEnt, newMen)
	for _, c := range w.claims {
		cl := c.Claim
		if cl.SpeakerEntity >= 0 {
			cl.SpeakerEntity = newEnt[w.live(cl.SpeakerEntity)]
			cl.Speaker = doc.Entities[cl.SpeakerEntity].Name
		}
		doc.Claims = append(doc.Claims, cl)
		r.Claims = append(r.Claims, c.state)
	}
	return r
}

// addExtras lists again the mentions an entity shares with another.
func (w *work) addExtras(doc *extract.Doc, newEnt, newMen []int) {
	for i, e := range w.entities {
		if e.into >= 0 || len(e.extra) == 0 {
			continue
		}
		ne := &doc.Entities[newEnt[i]]
		for _, mi := range e.extra {
			if nm := newMen[mi]; nm >= 0 && doc.Mentions[nm].Entity != newEnt[i] {
				ne.Mentions = append(ne.Mentions, nm)
			}
		}
		sort.Ints(ne.Mentions) // Doc.Mentions is in text order
	}
}

// mentionState is a mention's state as shown: rejected with its entity,
// else its own edit, else its entity's accept.
func mentionState(m wMention, entity State) State {
	switch {
	case entity == Rejected:
		return Rejected
	case m.own == Edited:
		return Edited
	case entity == Accepted:
		return Accepted
	}
	return Pending
}
