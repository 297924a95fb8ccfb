package extract

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/dossier-reader/dossier/extract/claims"
	"github.com/dossier-reader/dossier/extract/countries"
	"github.com/dossier-reader/dossier/extract/ner"
	"github.com/dossier-reader/dossier/extract/text"
	"github.com/dossier-reader/dossier/extract/weapons"
)

// Tag runs the whole pipeline over an article's text: tokens and sentences,
// people, countries and demonyms, weapons, then claims with their speakers.
func Tag(src string) *Doc {
	a := analyses.Get().(*text.Analysis)
	defer putAnalysis(a)
	a.Reanalyze(src)
	people := ner.Find(a)
	b := builders.Get().(*builder)
	defer b.put()
	personSpans := b.personSpans[:0]
	for _, p := range people {
		personSpans = append(personSpans, p.Mentions...)
	}
	b.personSpans = personSpans
	cs, ws := countries.Find(a, personSpans), weapons.Find(a, personSpans)
	b.doc = &Doc{Text: src, Title: TitleOf(src)}
	b.addPeople(people)
	b.addCountries(cs)
	b.addWeapons(ws)
	b.finish()
	b.addClaims(claims.Find(a, b.claimPeople(people)))
	return b.doc // read before the deferred put clears b.doc
}

// Preload decodes the embedded people and claims models side by side, so
// that the first Tag does not wait for them one after the other (about 50
// and 30 ms). Tag decodes whatever is missing itself: a command calls
// Preload in a goroutine as soon as it knows it will tag, so that the
// decoding overlaps with reading the article.
func Preload() {
	var wg sync.WaitGroup
	wg.Go(ner.Preload)
	claims.Preload()
	wg.Wait()
}

// analyses keeps Tag's analyses (none of the taggers keeps one past its
// call), so that their token and sentence arrays serve the next text.
var analyses = sync.Pool{New: func() any { return new(text.Analysis) }}

// keepTokens is the most tokens of an analysis kept for the next text
// (arrays of about 650 KB): a long text's are left to the collector.
const keepTokens = 1 << 14

// putAnalysis returns a to the pool unless its arrays are large. Its
// tokens refer to the text until the next Reanalyze: at most keepTokens
// tokens' worth, some 100 KB.
func putAnalysis(a *text.Analysis) {
	if cap(a.Tokens) <= keepTokens {
		analyses.Put(a)
	}
}

// TitleOf guesses an article's title: its first line of four words or more
// (short lines at the top of saved pages are menus and crumbs: "Breaking
// News"), else its first non-empty line; a Markdown heading's # marks are
// dropped (Markdown read as plain text, from stdin); long lines are cut at a
// word.
func TitleOf(src string) string {
	first := ""
	// Only lines 0-20 are looked at, cut off one at a time (without
	// allocating: Tag calls it for every text).
	rest := src
	for i := 0; i <= 20; i++ {
		line, after, more := strings.Cut(rest, "\n")
		rest = after
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#"))
		if line != "" {
			if first == "" {
				first = line
			}
			if hasFields(line, 4) {
				return cutTitle(line)
			}
		}
		if !more {
			break
		}
	}
	return cutTitle(first)
}

// hasFields reports whether s has at least n fields as strings.Fields
// splits it, without building them.
func hasFields(s string, n int) bool {
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			in = true
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}

func cutTitle(line string) string {
	if len(line) > 100 {
		cut := strings.LastIndexByte(line[:100], ' ')
		if cut < 40 {
			cut = 100
		}
		line = strings.ToValidUTF8(line[:cut], "") + "…"
	}
	return line
}

// builder collects mentions and entities before they are sorted into a
// Doc. Its arrays are scratch, kept in builders for the next text: the
// Doc gets fresh arrays of the exact sizes, one of each kind (its entities,
// its mentions, all the entities' mention lists, its claims, all the
// claims' spans), where the builder used to grow them and their parts one
// by one: it allocated 1.6 MB per BenchmarkTag pass, 44% of the pipeline's
// bytes, and the Doc's arrays are 0.55 MB of it.
type builder struct {
	doc  *Doc
	ents []Entity  // every entity made, before those left without mentions are dropped
	ms   []Mention // every mention made, in that order; Entity is its first entity
	// The entities of mention m are links[linkAt[m]:linkAt[m+1]]; a weapon
	// mention that names two classes has two.
	links  []int
	linkAt []int
	// keys identifies the country and weapon entities, searched in order:
	// a text has a handful (fewer than 8 in 200 of conll2003-dev's 216),
	// which a linear search finds sooner than a map hashes two strings. A
	// text with more than maxLinear of them gets the map byKey.
	keys  []entityRef
	byKey map[entityKey]int
	// Scratch of Tag and finish.
	personSpans []text.Span
	people      []claims.Person
	order, keep []int
	sortKeys    []uint64 // textOrder's scratch
	count       []int    // count[e]: the kept mentions of entity e
	newEnt      []int    // newEnt[e]: e's index in the Doc, -1 when dropped
}

// builders keeps the builders' scratch between texts.
var builders = sync.Pool{New: func() any { return new(builder) }}

// keepScratch bounds the scratch kept for the next text (in mentions,
// entities or people); a long text's is left to the collector.
const keepScratch = 1 << 12

// put clears the builder's references to this text's strings and returns
// it to the pool, unless its arrays grew large.
func (b *builder) put() {
	if max(cap(b.ms), cap(b.ents), cap(b.people), cap(b.personSpans), cap(b.keys)) > keepScratch {
		return
	}
	b.doc, b.byKey = nil, nil
	clear(b.ents)
	clear(b.ms)
	clear(b.keys)
	clear(b.people)
	b.ents, b.ms, b.keys, b.people = b.ents[:0], b.ms[:0], b.keys[:0], b.people[:0]
	b.links, b.linkAt = b.links[:0], b.linkAt[:0]
	builders.Put(b)
}

// entityKey identifies a country (ISO3 and name) or a weapon group (its
// lower-cased name) without building a string per mention.
type entityKey struct {
	kind Kind
	a, b string
}

// entityRef is an entity's key and index.
type entityRef struct {
	key entityKey
	e   int
}

// maxLinear is the most keys entity searches in order before it builds a
// map of them.
const maxLinear = 32

// entity returns the index of the entity with the key, adding e when there
// is none.
func (b *builder) entity(key entityKey, e Entity) int {
	if b.byKey != nil {
		if i, ok := b.byKey[key]; ok {
			return i
		}
	} else {
		for _, r := range b.keys {
			if r.key == key {
				return r.e
			}
		}
	}
	b.ents = append(b.ents, e)
	i := len(b.ents) - 1
	if b.byKey != nil {
		b.byKey[key] = i
		return i
	}
	b.keys = append(b.keys, entityRef{key, i})
	if len(b.keys) > maxLinear {
		b.byKey = make(map[entityKey]int, 2*len(b.keys))
		for _, r := range b.keys {
			b.byKey[r.key] = r.e
		}
	}
	return i
}

// mention adds a mention of kind k naming the entities ents (at least one).
func (b *builder) mention(s text.Span, k Kind, ents ...int) {
	b.linkAt = append(b.linkAt, len(b.links))
	b.ms = append(b.ms, Mention{Span: Span(s), Kind: k, Entity: ents[0]})
	b.links = append(b.links, ents...)
}

// linksOf returns the entities of mention m; linkAt has its final entry.
func (b *builder) linksOf(m int) []int { return b.links[b.linkAt[m]:b.linkAt[m+1]] }

func (b *builder) addPeople(people []ner.Person) {
	for i, p := range people {
		b.ents = append(b.ents, Entity{Kind: Person, Name: p.Name, Role: p.Role})
		for _, s := range p.Mentions {
			b.mention(s, Person, i) // person i is entity i
		}
	}
}

func (b *builder) addCountries(ms []countries.Match) {
	for _, m := range ms {
		if m.Country == nil {
			continue
		}
		c := m.Country
		e := b.entity(entityKey{Country, c.ISO3, c.Name}, Entity{Kind: Country, Name: c.Name, ISO2: c.ISO2, ISO3: c.ISO3})
		k := Country
		if m.Demonym {
			k = Demonym
		}
		b.mention(m.Span, k, e)
	}
}

func (b *builder) addWeapons(ms []weapons.Match) {
	var buf [4]int // the entities of one mention: one per group, rarely more than 4
	for _, m := range ms {
		if len(m.Groups) == 0 {
			continue
		}
		ents := buf[:0]
		for i, g := range m.Groups {
			e := Entity{Kind: Weapon, Name: g}
			if i == 0 {
				e.Class = m.Class
			}
			ents = append(ents, b.entity(entityKey{Weapon, strings.ToLower(g), ""}, e))
		}
		b.mention(m.Span, Weapon, ents...)
	}
}

// finish sorts mentions into text order, drops overlaps within one kind (the
// longer mention wins; people were placed first and win ties), drops the
// entities left without mentions, and sets the Doc's entities and mentions,
// each entity listing its mentions in text order.
func (b *builder) finish() {
	ms := b.ms
	b.linkAt = append(b.linkAt, len(b.links))
	order, keys := textOrder(b.order, b.sortKeys, ms)
	b.order, b.sortKeys = order, keys
	keep := dropOverlaps(b.keep[:0], ms, order)
	b.keep = keep

	// An entity is kept when one of its links is to a kept mention.
	count := zeroed(b.count, len(b.ents))
	for _, old := range keep {
		for _, e := range b.linksOf(old) {
			count[e]++
		}
	}
	b.count = count
	newEnt := b.newEnt[:0]
	kept, total := 0, 0
	for _, n := range count {
		if n == 0 {
			newEnt = append(newEnt, -1)
			continue
		}
		newEnt = append(newEnt, kept)
		kept++
		total += n
	}
	b.newEnt = newEnt

	d := b.doc
	if len(b.ents) > 0 {
		d.Entities = make([]Entity, kept)
	}
	all := make([]int, total) // the entities' mention lists, each capped at its length
	start := 0
	for e, n := range count {
		if n > 0 {
			ent := &d.Entities[newEnt[e]]
			*ent = b.ents[e]
			ent.Mentions = all[start : start : start+n]
			start += n
		}
	}
	// Walking the kept mentions in text order lists each entity's in order.
	d.Mentions = make([]Mention, len(keep))
	for n, old := range keep {
		m := ms[old]
		m.Entity = newEnt[m.Entity]
		d.Mentions[n] = m
		for _, e := range b.linksOf(old) {
			ent := &d.Entities[newEnt[e]]
			ent.Mentions = append(ent.Mentions, n)
		}
	}
}

// textOrder returns in order the indexes of ms sorted by start, the longer
// first at one start, in the order made when both are equal: a stable
// sort. Each mention is sorted as one integer of its start, its end
// (reversed) and its index, without a comparison function, when they fit
// (a text under 16 MB and 65,536 mentions); keys is the integers' scratch.
// slices.SortStableFunc with its comparison function took 0.8 M
// instructions per BenchmarkTag pass, this 0.4 M.
func textOrder(order []int, keys []uint64, ms []Mention) ([]int, []uint64) {
	order, keys = order[:0], keys[:0]
	const endBits, indexBits = 24, 16
	if len(ms) <= 1<<indexBits {
		for i := range ms {
			m := &ms[i]
			if m.Start < 0 || m.End >= 1<<endBits || m.Start > m.End {
				keys = keys[:0]
				break
			}
			keys = append(keys, uint64(m.Start)<<(endBits+indexBits)|uint64(1<<endBits-1-m.End)<<indexBits|uint64(i))
		}
	}
	if len(keys) == len(ms) {
		slices.Sort(keys)
		for _, k := range keys {
			order = append(order, int(k&(1<<indexBits-1)))
		}
		return order, keys
	}
	for i := range ms {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(x, y int) int {
		mx, my := &ms[x], &ms[y]
		if mx.Start != my.Start {
			return cmp.Compare(mx.Start, my.Start)
		}
		return cmp.Compare(my.End, mx.End)
	})
	return order, keys
}

// zeroed returns s resized to n elements, all zero.
func zeroed(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// dropOverlaps appends to keep, in text order, the mentions that survive:
// a mention that overlaps a kept one of the same kind family (person,
// country+demonym, weapon) is dropped unless it is longer, in which case it
// replaces it.
func dropOverlaps(keep []int, ms []Mention, order []int) []int {
	keep = keep[:0]
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

// claimPeople returns the people as the claims tagger takes them, in the
// builder's scratch: claims.Find keeps none of them past its call.
func (b *builder) claimPeople(people []ner.Person) []claims.Person {
	out := b.people[:0]
	for _, p := range people {
		out = append(out, claims.Person{Name: p.Name, Role: p.Role, Mentions: p.Mentions})
	}
	b.people = out
	return out
}

// addClaims sets the Doc's claims, sorted by where their content starts.
// Their source, cue and content pieces share one array of spans.
func (b *builder) addClaims(cs []claims.Claim) {
	if len(cs) == 0 {
		return
	}
	nspans := 0
	for _, c := range cs {
		if c.Source != nil {
			nspans++
		}
		if c.Cue != nil {
			nspans++
		}
		nspans += len(c.Pieces)
	}
	spans := make([]Span, nspans)
	next := func(s text.Span) *Span {
		p := &spans[0]
		*p = Span(s)
		spans = spans[1:]
		return p
	}
	out := make([]Claim, len(cs))
	for i, c := range cs {
		cl := &out[i]
		*cl = Claim{Content: Span(c.Content), Speaker: c.Speaker, SpeakerEntity: -1, Kind: ClaimKind(c.Kind)}
		if c.Source != nil {
			cl.Source = next(*c.Source)
		}
		if c.Cue != nil {
			cl.Cue = next(*c.Cue)
		}
		if n := len(c.Pieces); n > 0 {
			cl.ContentPieces = spans[:n:n]
			for k, p := range c.Pieces {
				spans[k] = Span(p)
			}
			spans = spans[n:]
		}
		// Person i is entity i before the empty ones were dropped.
		if c.Person >= 0 && c.Person < len(b.people) {
			cl.SpeakerEntity = b.newEnt[c.Person]
		}
	}
	slices.SortStableFunc(out, func(x, y Claim) int { return cmp.Compare(x.Content.Start, y.Content.Start) })
	b.doc.Claims = out
}
