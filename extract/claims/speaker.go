package claims

import (
	"strings"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// orphanQuotes adds the quotations no frame covered that stand as sentences
// of their own (at a sentence start or after a colon, three words or more):
// they are claims of the speaker quoted just before. Shorter quotations
// inside a sentence are scare quotes or titles and are left alone.
func (d *doc) orphanQuotes(sents []text.Sentence) {
	// starts marks the tokens that open a sentence (quotations open on
	// tokens only).
	starts := zeroed(d.starts, len(d.toks))
	d.starts = starts
	for _, s := range sents {
		if s.First >= 0 && s.First < len(starts) {
			starts[s.First] = true
		}
	}
	covered := zeroed(d.covered, len(d.quotes))
	d.covered = covered
	for _, dr := range d.drafts {
		for _, p := range dr.pieces {
			for i := p.a; i < p.b; i++ {
				if q := d.qid[i]; q >= 0 {
					covered[q] = true
				}
			}
		}
	}
	for k, q := range d.quotes {
		if covered[k] {
			continue
		}
		standalone := starts[q.open] || q.open > 0 && d.toks[q.open-1].Text == ":"
		r := rng{q.open, q.close + 1}
		if standalone && d.words(r) >= 3 {
			d.drafts = append(d.drafts, draft{pieces: d.piece(r)})
		}
	}
}

// resolve turns the drafts into claims with byte spans and speakers.
func (d *doc) resolve(people []Person) []Claim {
	out := make([]Claim, 0, len(d.drafts))
	// The claims' cue and source spans share one array, never grown (two
	// per draft at most), rather than an allocation each.
	spans := make([]text.Span, 0, 2*len(d.drafts))
	for _, dr := range d.drafts {
		c := Claim{Person: -1}
		first, lastp := dr.pieces[0], dr.pieces[len(dr.pieces)-1]
		c.Content = text.Span{Start: d.toks[first.a].Start, End: d.toks[lastp.b-1].End}
		if len(dr.pieces) > 1 {
			c.Pieces = make([]text.Span, len(dr.pieces))
			for k, p := range dr.pieces {
				c.Pieces[k] = d.span(p)
			}
		}
		if !dr.cue.empty() {
			spans = append(spans, d.span(dr.cue))
			c.Cue = &spans[len(spans)-1]
		}
		c.Kind = d.kind(dr.pieces)
		if dr.src.empty() {
			if n := len(out); n > 0 {
				c.Speaker, c.Person = out[n-1].Speaker, out[n-1].Person
			}
		} else {
			spans = append(spans, d.span(dr.src))
			c.Source = &spans[len(spans)-1]
			c.Speaker, c.Person = d.speaker(dr.src, people, out)
		}
		out = append(out, c)
	}
	return out
}

// span converts a token range to a byte span.
func (d *doc) span(r rng) text.Span {
	return text.Span{Start: d.toks[r.a].Start, End: d.toks[r.b-1].End}
}

// speaker names who a source is: a person whose mention it is, the person a
// pronoun, surname or role refers to, an earlier claim's speaker with the
// same head noun ("the spokesperson"), or else the source text without its
// determiner (organisations: "the State Department" → "State Department").
func (d *doc) speaker(src rng, people []Person, prev []Claim) (string, int) {
	sp := d.span(src)
	if p := mentionAt(people, sp); p >= 0 {
		return people[p].Name, p
	}
	a := src.a
	for a < src.b-1 && d.flags[a]&fDet != 0 {
		a++
	}
	name := d.src[d.toks[a].Start:sp.End]
	head := d.toks[src.b-1].Text
	if src.b-src.a == 1 && d.flags[src.a]&(fPron|fRel) != 0 {
		return d.antecedent(sp.Start, people, prev, name)
	}
	// A reader resolves "the spokesperson" or "the Russian foreign minister"
	// to someone already introduced: the person whose name ends in the head
	// or whose role names the source, or an earlier claim's source with the
	// same head noun; of those, the one met last before the source.
	lname, lowered := "", false // strings.ToLower(name), made when first needed
	best, bestAt := -1, -1
	for i, p := range people {
		// A role matches when it ends in the source's head noun and holds
		// the whole source ("the Russian foreign minister" in "Russian
		// Foreign Minister"); a country alone ("the U.S.") names no role.
		roleMatch := p.Role != "" && strings.EqualFold(lastWord(p.Role), head)
		if roleMatch && !lowered {
			lname, lowered = strings.ToLower(name), true
		}
		roleMatch = roleMatch && strings.Contains(strings.ToLower(p.Role), lname)
		if lastWord(p.Name) != head && !roleMatch {
			continue
		}
		if at := lastMentionBefore(p, sp.Start); at > bestAt {
			best, bestAt = i, at
		}
	}
	if d.flags[a]&fCap == 0 || a > src.a {
		lhead := strings.ToLower(head)
		for i := len(prev) - 1; i >= 0; i-- {
			ps := prev[i].Source
			if ps != nil && ps.End <= sp.Start && strings.ToLower(lastWord(d.src[ps.Start:ps.End])) == lhead {
				if ps.End > bestAt {
					return prev[i].Speaker, prev[i].Person
				}
				break
			}
		}
	}
	if best >= 0 {
		return people[best].Name, best
	}
	return collapseSpace(name), -1
}

// collapseSpace is strings.Join(strings.Fields(s), " "), and s itself,
// without the two allocations, when s holds no white space but single
// ASCII spaces between words, as most names do.
func collapseSpace(s string) string {
	ok := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; ok && i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			ok = false // Fields also splits on Unicode spaces
		case c == ' ' && s[i+1] == ' ': // not the last byte: that is no space
			ok = false
		}
	}
	if ok {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// lastMentionBefore returns the end of p's last mention that ends at or
// before offset at, or -1 when p is not mentioned before it.
func lastMentionBefore(p Person, at int) int {
	last := -1
	for _, m := range p.Mentions {
		if m.End <= at && m.End > last {
			last = m.End
		}
	}
	return last
}

// antecedent resolves a pronoun at byte offset at: the person mentioned last
// before it, else the last claim's speaker, else the pronoun itself.
func (d *doc) antecedent(at int, people []Person, prev []Claim, pron string) (string, int) {
	best, bestEnd := -1, -1
	for i, p := range people {
		for _, m := range p.Mentions {
			if m.End <= at && m.End > bestEnd {
				best, bestEnd = i, m.End
			}
		}
	}
	if best >= 0 {
		return people[best].Name, best
	}
	for i := len(prev) - 1; i >= 0; i-- {
		if prev[i].Speaker != "" {
			return prev[i].Speaker, prev[i].Person
		}
	}
	return pron, -1
}

// mentionAt returns the person with a mention inside span sp, or -1.
func mentionAt(people []Person, sp text.Span) int {
	for i, p := range people {
		for _, m := range p.Mentions {
			if m.Start >= sp.Start && m.End <= sp.End {
				return i
			}
		}
	}
	return -1
}

// lastWord is the last space-separated word of s.
func lastWord(s string) string {
	if i := strings.LastIndexByte(strings.TrimSpace(s), ' '); i >= 0 {
		return strings.TrimSpace(s)[i+1:]
	}
	return strings.TrimSpace(s)
}
