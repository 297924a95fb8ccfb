package claims

// A cue after a comma, dash or closing quotation mark may end an
// attribution whose content came first ("…, X said on Friday.") or start a
// content of its own after a fronted phrase ("At a fundraiser, Clinton
// called half of Trump's supporters “deplorables.”"). attributionTail
// tells them apart by what follows the cue.

// attributionTail reports whether the cue c, after the token before (a
// comma, dash or closing mark) that may end a content, closes an
// attribution rather than opening a content. hasSrc tells a source before
// the cue ("…, X said") from an inverted one ("…, said X").
func (d *doc) attributionTail(c, before, first, last int, hasSrc bool) bool {
	if d.quoteEnded(before, first) {
		return !d.contentAhead(c+1, last)
	}
	if !d.shortTail(c+1, last) {
		return false
	}
	if !hasSrc {
		return true
	}
	k := c + 1
	for k < last && d.flags[k]&fSkip != 0 {
		k++
	}
	if k >= last {
		return true
	}
	t := d.toks[k].Text
	return clauseEnd(t) || tailStarters[t] || d.flags[k]&fCap != 0 && d.flags[k]&fDet == 0
}

// tailStarters may follow the cue of an attribution that ends its
// sentence: time and place phrases, the hearer of "told".
var tailStarters = set(`on in at during after before when as while to of from with about by for
	via through later earlier yesterday today tonight recently last this reporters journalists
	me us him them`)

// clauseEnd reports punctuation that ends a clause.
func clauseEnd(t string) bool {
	switch t {
	case ".", ",", ";", ":", "!", "?", "—", "–", "--", ")", "(":
		return true
	}
	return false
}

// quoteEnded reports whether the content before the attribution ends with
// a quotation that stands as a content: it opens the clause or has five
// words or more (not a title, "On “Fox News Sunday,” Pence said …").
func (d *doc) quoteEnded(p, first int) bool {
	e := p
	if d.flags[e]&fClose == 0 {
		e--
	}
	if e < first || d.flags[e]&fClose == 0 {
		return false
	}
	q := d.quotes[d.qid[e]]
	return q.open <= d.clauseStart(first, p) || d.words(rng{q.open, q.close + 1}) >= 5
}

// contentAhead reports a "that", an opening quotation mark or a colon
// after the cue before the clause ends: a content follows it.
func (d *doc) contentAhead(k, last int) bool {
	for j := k; j < last && j < k+lookAhead; j++ {
		t := d.toks[j].Text
		switch {
		case t == ":" || d.flags[j]&(fOpen|fStarter) != 0:
			return true
		case clauseEnd(t):
			return false
		}
	}
	return false
}

// shortTail reports whether the words after a cue at k are an attribution's
// tail ("…, he said on Friday.", "…, said Secretary-General António
// Guterres, …") rather than a content: the sentence or clause ends within a
// few words, with no "that", "to" or quotation before it.
func (d *doc) shortTail(k, last int) bool {
	for j := k; j < last && j < k+maxSource; j++ {
		f := d.flags[j]
		switch {
		case f&(fStarter|fOpen|fCue|fVerb) != 0 || d.toks[j].Text == "to" && j == k:
			return false
		case f&fWord == 0 && f&fClose == 0 && clauseEnd(d.toks[j].Text):
			return true
		}
	}
	return k >= last || last-k <= maxSource
}

// leadConj are conjunctions that may open a sentence before its subject.
var leadConj = set(`But And Yet So Still Meanwhile`)

// maxSubject is the longest name that opens an appositive subject.
const maxSubject = 6

// appositiveSubject reports "Jo-Renee Formicola, political science
// professor at Seton Hall, described …" and "Proponents, including the
// Conference of Mayors, have urged …": the words before the comma at p are
// a short name, a comma and a phrase without a verb (or a relative
// clause), not a content.
func (d *doc) appositiveSubject(first, p int) bool {
	if first+1 < p && leadConj[d.toks[first].Text] {
		first++ // "But Megan Hester, senior associate at …, said"
	}
	m := first
	for m < p && d.toks[m].Text != "," {
		m++
	}
	if m == first || m >= p || m-first > maxSubject || d.flags[first]&(fCap|fDet) == 0 {
		return false
	}
	for i := first; i < m; i++ {
		if d.flags[i]&(fStop|fPron|fOpen|fClose|fVerb) != 0 {
			return false
		}
	}
	if d.flags[m+1]&fRel != 0 {
		return true
	}
	for i := m + 1; i < p; i++ {
		if d.flags[i]&(fVerb|fOpen|fClose) != 0 {
			return false
		}
	}
	return true
}

// maxObject is the longest object before a quotation that is the content
// ("thanked the Baltic states, “for their support.”").
const maxObject = 8

// quotedObject narrows a content that opens with a short object, a comma
// and a quotation running to its end down to the quotation: the object is
// who is addressed, the quotation what is said.
func (d *doc) quotedObject(r rng) rng {
	for i := r.a + 1; i < r.b-1 && i-r.a <= maxObject; i++ {
		f := d.flags[i]
		switch {
		case d.toks[i].Text == "," && d.flags[i+1]&fOpen != 0:
			if q := d.quotes[d.qid[i+1]]; q.close+1 >= r.b && d.words(rng{i + 1, r.b}) >= 2 {
				return rng{i + 1, r.b}
			}
			return r
		case f&(fStarter|fOpen|fClose|fCue|fVerb) != 0:
			return r
		}
	}
	return r
}
