package extract

import (
	"cmp"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/claims"
	"github.com/dossier-reader/dossier/extract/countries"
	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/ner"
	"github.com/dossier-reader/dossier/extract/text"
	"github.com/dossier-reader/dossier/extract/weapons"
)

// refTag is Tag with the builder as it was before its scratch was pooled
// and its results allocated in one piece each (refBuilder), kept as the
// reference TestTagMatchesReference compares Tag with, field by field.
func refTag(src string) *Doc {
	a := text.Analyze(src)
	people := ner.Find(a)
	personSpans := make([]text.Span, 0, len(people)*2)
	for _, p := range people {
		personSpans = append(personSpans, p.Mentions...)
	}
	cs, ws := countries.Find(a, personSpans), weapons.Find(a, personSpans)
	b := refBuilder{doc: &Doc{Text: src, Title: TitleOf(src)}}
	b.doc.Mentions = make([]Mention, 0, len(personSpans)+len(cs)+len(ws))
	b.addPeople(people)
	b.addCountries(cs)
	b.addWeapons(ws)
	b.finish()
	b.addClaims(claims.Find(a, refClaimPeople(people)), people)
	return b.doc
}

// TestTagMatchesReference checks that Tag builds the same Doc as refTag,
// nil and empty slices told apart, over the dev texts and the seed.
func TestTagMatchesReference(t *testing.T) {
	if _, ok := evaldata.Locate(); !ok {
		t.Skip("../shared/eval/data not found next to the repository")
	}
	texts := append([]string(nil), invariantTexts...)
	for _, name := range []string{"conll2003-dev", "re3d-dev", "polnear-dev", "seed"} {
		for _, d := range evaldata.Docs(t, name+".jsonl") {
			texts = append(texts, d.Text)
		}
	}
	for _, s := range texts {
		if got, want := Tag(s), refTag(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tag differs from refTag on %.60q:\n%+v\nwant\n%+v", s, got, want)
		}
	}
}

// refBuilder collects mentions and entities before they are sorted into a Doc.
type refBuilder struct {
	doc      *Doc
	personOf []int                // index in ner's people -> entity index
	byKey    map[refEntityKey]int // country or weapon group -> entity index
	// links are the (entity, mention) pairs that finish turns into the
	// entities' mention lists, all in one array rather than each grown.
	links []refLink
}

// link says that mention m names entity e.
type refLink struct{ e, m int }

// refEntityKey identifies a country (ISO3 and name) or a weapon group (its
// lower-cased name) without building a string per mention.
type refEntityKey struct {
	kind Kind
	a, b string
}

func (b *refBuilder) entity(key refEntityKey, e Entity) int {
	if b.byKey == nil {
		b.byKey = map[refEntityKey]int{}
	}
	if i, ok := b.byKey[key]; ok {
		return i
	}
	b.doc.Entities = append(b.doc.Entities, e)
	b.byKey[key] = len(b.doc.Entities) - 1
	return len(b.doc.Entities) - 1
}

func (b *refBuilder) mention(s text.Span, k Kind, ents ...int) {
	mi := len(b.doc.Mentions)
	b.doc.Mentions = append(b.doc.Mentions, Mention{Span: Span(s), Kind: k, Entity: ents[0]})
	for _, e := range ents {
		b.links = append(b.links, refLink{e, mi})
	}
}

// linkMentions sets the entities' mention lists from b.links, each in the
// order its links were made. The lists share one array, each capped at its
// length (an append to one does not reach the next).
func (b *refBuilder) linkMentions() {
	ents := b.doc.Entities
	end := make([]int, len(ents)+1) // end[e+1]: the end of e's list
	for _, l := range b.links {
		end[l.e+1]++
	}
	for e := range ents {
		end[e+1] += end[e]
	}
	all := make([]int, len(b.links))
	next := end[:len(ents)] // where each list's next mention goes
	for _, l := range b.links {
		all[next[l.e]] = l.m
		next[l.e]++
	}
	start := 0
	for e := range ents {
		if stop := next[e]; stop > start {
			ents[e].Mentions = all[start:stop:stop]
			start = stop
		}
	}
}

func (b *refBuilder) addPeople(people []ner.Person) {
	b.personOf = make([]int, len(people))
	for i, p := range people {
		b.doc.Entities = append(b.doc.Entities, Entity{Kind: Person, Name: p.Name, Role: p.Role})
		e := len(b.doc.Entities) - 1
		b.personOf[i] = e
		for _, s := range p.Mentions {
			b.mention(s, Person, e)
		}
	}
}

func (b *refBuilder) addCountries(ms []countries.Match) {
	for _, m := range ms {
		if m.Country == nil {
			continue
		}
		c := m.Country
		e := b.entity(refEntityKey{Country, c.ISO3, c.Name}, Entity{Kind: Country, Name: c.Name, ISO2: c.ISO2, ISO3: c.ISO3})
		k := Country
		if m.Demonym {
			k = Demonym
		}
		b.mention(m.Span, k, e)
	}
}

func (b *refBuilder) addWeapons(ms []weapons.Match) {
	for _, m := range ms {
		if len(m.Groups) == 0 {
			continue
		}
		ents := make([]int, 0, len(m.Groups))
		for i, g := range m.Groups {
			e := Entity{Kind: Weapon, Name: g}
			if i == 0 {
				e.Class = m.Class
			}
			ents = append(ents, b.entity(refEntityKey{Weapon, strings.ToLower(g), ""}, e))
		}
		b.mention(m.Span, Weapon, ents...)
	}
}

// finish sorts mentions into text order, drops overlaps within one kind (the
// longer mention wins; people were placed first and win ties), and renumbers
// the entities' mention lists.
func (b *refBuilder) finish() {
	b.linkMentions()
	d := b.doc
	order := make([]int, len(d.Mentions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		mx, my := &d.Mentions[x], &d.Mentions[y]
		if mx.Start != my.Start {
			return cmp.Compare(mx.Start, my.Start)
		}
		return cmp.Compare(my.End, mx.End)
	})
	keep := refDropOverlaps(d.Mentions, order)
	newIndex := make([]int, len(d.Mentions))
	for i := range newIndex {
		newIndex[i] = -1
	}
	mentions := make([]Mention, 0, len(keep))
	for _, old := range keep {
		newIndex[old] = len(mentions)
		mentions = append(mentions, d.Mentions[old])
	}
	for ei := range d.Entities {
		ms := d.Entities[ei].Mentions[:0]
		for _, old := range d.Entities[ei].Mentions {
			if n := newIndex[old]; n >= 0 {
				ms = append(ms, n)
			}
		}
		sort.Ints(ms)
		d.Entities[ei].Mentions = ms
	}
	d.Mentions = mentions
	b.dropEmptyEntities()
}

// dropOverlaps returns, in text order, the mentions that survive: a mention
// that overlaps a kept one of the same kind family (person, country+demonym,
// weapon) is dropped unless it is longer, in which case it replaces it.
func refDropOverlaps(ms []Mention, order []int) []int {
	keep := make([]int, 0, len(order))
	// lastOf[family] is 1 + the position in keep of the family's last
	// mention, 0 for none (an array for the map it replaces: Kind is a byte).
	var lastOf [256]int
	family := func(k Kind) Kind {
		if k == Demonym {
			return Country
		}
		return k
	}
	for _, i := range order {
		m := ms[i]
		f := family(m.Kind)
		if p := lastOf[f] - 1; p >= 0 && ms[keep[p]].Overlaps(m.Span) {
			if m.Len() <= ms[keep[p]].Len() {
				continue
			}
			keep[p] = -1
		}
		if f != Person {
			if p := lastOf[Person] - 1; p >= 0 && keep[p] >= 0 && ms[keep[p]].Overlaps(m.Span) && f == Country {
				continue // a country word inside a person's name is part of the name
			}
		}
		keep = append(keep, i)
		lastOf[f] = len(keep)
	}
	out := keep[:0]
	for _, i := range keep {
		if i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// dropEmptyEntities removes entities that lost all their mentions and
// renumbers Mention.Entity.
func (b *refBuilder) dropEmptyEntities() {
	d := b.doc
	newIndex := make([]int, len(d.Entities))
	ents := d.Entities[:0]
	for i, e := range d.Entities {
		if len(e.Mentions) == 0 {
			newIndex[i] = -1
			continue
		}
		newIndex[i] = len(ents)
		ents = append(ents, e)
	}
	d.Entities = ents
	for i := range d.Mentions {
		d.Mentions[i].Entity = newIndex[d.Mentions[i].Entity]
	}
	for p, e := range b.personOf {
		b.personOf[p] = newIndex[e]
	}
}

func refClaimPeople(people []ner.Person) []claims.Person {
	out := make([]claims.Person, len(people))
	for i, p := range people {
		out[i] = claims.Person{Name: p.Name, Role: p.Role, Mentions: p.Mentions}
	}
	return out
}

func (b *refBuilder) addClaims(cs []claims.Claim, people []ner.Person) {
	for _, c := range cs {
		cl := Claim{Content: Span(c.Content), Speaker: c.Speaker, SpeakerEntity: -1, Kind: ClaimKind(c.Kind)}
		if c.Source != nil {
			s := Span(*c.Source)
			cl.Source = &s
		}
		if c.Cue != nil {
			s := Span(*c.Cue)
			cl.Cue = &s
		}
		for _, p := range c.Pieces {
			cl.ContentPieces = append(cl.ContentPieces, Span(p))
		}
		if c.Person >= 0 && c.Person < len(people) {
			cl.SpeakerEntity = b.personOf[c.Person]
		}
		b.doc.Claims = append(b.doc.Claims, cl)
	}
	sort.SliceStable(b.doc.Claims, func(i, j int) bool {
		return b.doc.Claims[i].Content.Start < b.doc.Claims[j].Content.Start
	})
}
