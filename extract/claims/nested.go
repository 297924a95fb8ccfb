package claims

import (
	"bytes"
	"hash/maphash"
)

// PolNeAR rarely annotates an attribution inside the content of another
// (127 of 19,832 training claims): a cue found inside a content is mostly a
// verb of the reported event ("… that Clinton once described the deal as
// …", "the Secret Service whisked her away"). dropNested removes such
// drafts; when two drafts hold each other's cue ("A did X, B said"), the
// one with the weaker cue goes.

// dropNested removes the drafts whose cue lies inside another draft's
// content, unless a new clause opens before the inner source ("…, but
// Shelby said …", "; they said …"): the outer content then ends there.
func (d *doc) dropNested() {
	for i := range d.drafts {
		d.cutAtClause(i)
	}
	// The kept drafts go to the spare array d.spare (nestedIn reads every
	// draft), which then swaps with d.drafts. A draft's key, its content
	// text and cue word, is built in a reused buffer and looked up by its
	// hash (d.seen: the first kept draft of each hash), so that nothing
	// is allocated; on a hash met before, the texts decide.
	keep := d.spare[:0]
	if d.seen == nil {
		d.seen = map[uint64]int32{}
	}
	clear(d.seen)
	for i, dr := range d.drafts {
		t := d.draftKey(dr, d.key[:0])
		d.key = t
		h := keyHash(t)
		j, seen := d.seen[h]
		if seen && !bytes.Equal(d.draftKey(keep[j], d.key2[:0]), t) {
			seen = false // another text of the same hash: look at every kept one
			for _, o := range keep {
				d.key2 = d.draftKey(o, d.key2[:0])
				if bytes.Equal(d.key2, t) {
					seen = true
					break
				}
			}
		}
		if !seen && !d.nestedIn(i, dr) { // a repeated lead is annotated once, a retelling again
			if _, ok := d.seen[h]; !ok {
				d.seen[h] = int32(len(keep))
			}
			keep = append(keep, dr)
		}
	}
	d.spare, d.drafts = d.drafts, keep
}

// keyHash hashes dropNested's keys (a variable: TestDropNestedCollisions
// makes every key collide).
var keyHash = func(seed maphash.Seed) func([]byte) uint64 {
	return func(b []byte) uint64 { return maphash.Bytes(seed, b) }
}(maphash.MakeSeed())

// draftKey appends to buf the key by which dropNested tells repeated
// drafts: the content's text and, after a NUL, the cue's first word.
func (d *doc) draftKey(dr draft, buf []byte) []byte {
	buf = append(buf, d.src[d.toks[dr.pieces[0].a].Start:d.toks[dr.pieces[len(dr.pieces)-1].b-1].End]...)
	if !dr.cue.empty() {
		buf = append(append(buf, 0), d.toks[dr.cue.a].Text...)
	}
	return buf
}

// nestedIn reports whether draft i's cue lies in the content of another
// draft that wins over it.
func (d *doc) nestedIn(i int, dr draft) bool {
	for j, o := range d.drafts {
		if j != i && len(o.pieces) > len(dr.pieces) && o.hasPiece(dr.pieces[0]) {
			return true // a piece of a split quotation taken twice
		}
	}
	if dr.cue.empty() || d.qid[dr.cue.a] >= 0 {
		return false // a quoted cue (Blinken “reaffirmed …”, the department said)
	}
	for j, o := range d.drafts {
		if j == i || !o.holds(dr.cue.a) {
			continue
		}
		if o.cue.empty() || !dr.holds(o.cue.a) || o.score >= dr.score {
			return true
		}
	}
	return false
}

// holds reports whether token k lies in one of the draft's content pieces.
func (dr draft) holds(k int) bool {
	for _, p := range dr.pieces {
		if p.a <= k && k < p.b {
			return true
		}
	}
	return false
}

// cutAtClause ends the contents that hold draft i's attribution before it
// when a clause boundary opens that attribution.
func (d *doc) cutAtClause(i int) {
	dr := d.drafts[i]
	if dr.cue.empty() {
		return
	}
	b := dr.cue.a
	for b > 0 && d.flags[b-1]&fSkip != 0 {
		b--
	}
	if !dr.src.empty() && dr.src.b == b {
		b = dr.src.a
	}
	e := d.clauseBreak(b)
	if e < 0 {
		return
	}
	for j := range d.drafts {
		o := &d.drafts[j]
		last := &o.pieces[len(o.pieces)-1]
		if j == i || !o.holds(dr.cue.a) || last.a >= e || last.b <= b || o.cue.empty() || o.cue.a > last.a {
			continue
		}
		if r := d.trimEnd(rng{last.a, e}); d.words(r) >= 2 {
			last.b = r.b
		}
	}
}

// clauseBreak returns where a clause ends before the attribution starting
// at token b — before ", but", "; ", ", though" — or -1.
func (d *doc) clauseBreak(b int) int {
	k := b - 1
	if k < 1 {
		return -1
	}
	switch t := d.toks[k].Text; {
	case t == ";":
		return k
	case t == "and" && d.toks[k-1].Text == "," && d.flags[b]&fCue == 0:
		return k - 1
	case clauseConj[t]:
		if d.toks[k-1].Text == "," || d.toks[k-1].Text == ";" {
			return k - 1
		}
		return k
	}
	return -1
}

// clauseConj open a clause that may carry an attribution of its own.
var clauseConj = set(`but though although while whereas yet because`)

// hasPiece reports whether r is one of the draft's content pieces.
func (dr draft) hasPiece(r rng) bool {
	for _, p := range dr.pieces {
		if p == r {
			return true
		}
	}
	return false
}
