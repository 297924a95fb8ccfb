package format

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/dossier-reader/dossier/extract"
)

// rawMention is a mention as a file gives it, before mentions are grouped
// into entities.
type rawMention struct {
	where string // how an error names it: "entities[3]", "T12"
	span  extract.Span
	kind  extract.Kind
	names []string // the entities it belongs to, its own (Mention.Entity) first
	// The first entity's fields; a file repeats them on every mention.
	role, iso2, iso3, class string
	state                   string // review state, "" when none
}

// rawClaim is a claim as a file gives it; SpeakerEntity is resolved later.
type rawClaim struct {
	where string
	claim extract.Claim
}

// entityKind is the kind of the entity a mention of kind k belongs to: a
// demonym belongs to a country.
func entityKind(k extract.Kind) extract.Kind {
	if k == extract.Demonym {
		return extract.Country
	}
	return k
}

// buildDoc makes a Doc from what a reader found: mentions sorted as Doc
// wants them (by start, longer first), entities grouped by name and kind in
// order of first mention, claims sorted by content and linked to the person
// entity named by their speaker.
func buildDoc(text string, raws []rawMention, claims []rawClaim) (*extract.Doc, error) {
	slices.SortStableFunc(raws, func(a, b rawMention) int {
		return cmp.Or(cmp.Compare(a.span.Start, b.span.Start), cmp.Compare(b.span.End, a.span.End))
	})
	if err := checkOverlaps(raws); err != nil {
		return nil, err
	}
	d := &extract.Doc{Text: text, Title: extract.TitleOf(text), Mentions: make([]extract.Mention, len(raws))}
	type key struct {
		kind extract.Kind
		name string
	}
	index := map[key]int{}
	for i, r := range raws {
		for j, name := range r.names {
			k := key{entityKind(r.kind), name}
			e, ok := index[k]
			if !ok {
				e = len(d.Entities)
				index[k] = e
				d.Entities = append(d.Entities, extract.Entity{Kind: k.kind, Name: name})
			}
			ent := &d.Entities[e]
			if j == 0 {
				d.Mentions[i] = extract.Mention{Span: r.span, Kind: r.kind, Entity: e}
				ent.Role = cmp.Or(ent.Role, r.role)
				ent.ISO2, ent.ISO3 = cmp.Or(ent.ISO2, r.iso2), cmp.Or(ent.ISO3, r.iso3)
				ent.Class = cmp.Or(ent.Class, r.class)
			}
			if n := len(ent.Mentions); n == 0 || ent.Mentions[n-1] != i {
				ent.Mentions = append(ent.Mentions, i)
			}
		}
		if r.state != "" {
			setState(d, i, r.state)
		}
	}
	slices.SortStableFunc(claims, func(a, b rawClaim) int {
		return cmp.Compare(a.claim.Content.Start, b.claim.Content.Start)
	})
	for _, c := range claims {
		c.claim.SpeakerEntity = -1
		if e, ok := index[key{extract.Person, c.claim.Speaker}]; ok && c.claim.Speaker != "" {
			c.claim.SpeakerEntity = e
		}
		d.Claims = append(d.Claims, c.claim)
	}
	return d, nil
}

// checkOverlaps rejects two mentions of one kind that overlap: the screen
// and every writer rely on Doc's promise that they do not. raws are sorted.
func checkOverlaps(raws []rawMention) error {
	last := map[extract.Kind]int{}
	for i, r := range raws {
		if p, ok := last[r.kind]; ok && raws[p].span.Overlaps(r.span) {
			return fmt.Errorf("%s and %s: two %s mentions overlap", raws[p].where, r.where, r.kind)
		}
		if p, ok := last[r.kind]; !ok || r.span.End > raws[p].span.End {
			last[r.kind] = i
		}
	}
	return nil
}

// spanOf converts a code-point range of a text of n code points to bytes,
// or says what is wrong with it.
func spanOf(o *Offsets, n, start, end int) (extract.Span, error) {
	switch {
	case start < 0 || end < 0:
		return extract.Span{}, fmt.Errorf("negative offset [%d, %d)", start, end)
	case start > end:
		return extract.Span{}, fmt.Errorf("start %d after end %d", start, end)
	case end > n:
		return extract.Span{}, fmt.Errorf("[%d, %d) runs past the end of the text (%d code points)", start, end, n)
	}
	s, _ := o.Byte(start)
	e, _ := o.Byte(end)
	return extract.Span{Start: s, End: e}, nil
}
