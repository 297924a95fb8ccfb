package claims

// maxSource is the longest source phrase, in tokens, taken on either side of
// a cue; longer runs are clauses, not names.
const maxSource = 10

// minInvertedContent is the fewest words before an inverted attribution
// ("…, said X"): shorter, the words before the comma are a subject with an
// aside ("Blinken, in particular, described …").
const minInvertedContent = 4

// lookAhead is how far after a cue a "that" or an opening quotation mark
// still starts the content ("told VOA in an email that …").
const lookAhead = 8

// sentence finds the reported-speech frames of the sentence [first, last).
func (d *doc) sentence(first, last int) {
	start := len(d.drafts)
	for c := first; c < last; c++ {
		if d.flags[c]&fCand == 0 || d.turn[c] || d.qid[c] >= 0 && !d.quotedCue(c, first) {
			continue
		}
		if c > first && d.notCue(c) {
			continue
		}
		if d.isAccording(c) {
			d.according(c, first, last)
			continue
		}
		d.frame(c, first, last, start)
	}
}

// notCue rejects a cue word used as an adjective or noun ("Blinken's
// announced approval", "the reported deal") or in "when asked".
func (d *doc) notCue(c int) bool {
	p := d.toks[c-1].Text
	switch p {
	case "’s", "'s", "when", "When", "if", "been", "being", "be":
		return true
	}
	return d.flags[c-1]&fDet != 0 && p != "that" && p != "That"
}

// isAccording reports "according to" at c.
func (d *doc) isAccording(c int) bool {
	t := d.toks[c].Text
	return (t == "according" || t == "According") && c+1 < len(d.toks) && d.toks[c+1].Text == "to"
}

// according handles "according to X, …" and "…, according to X".
func (d *doc) according(c, first, last int) {
	src := d.sourceRight(c+2, last)
	if src.empty() && c+2 < last && d.flags[c+2]&fWord != 0 {
		src = d.phraseRight(c+2, last) // "according to federal statistics"
	}
	if src.empty() {
		return
	}
	cue := rng{c, c + 2}
	if c > first+1 && d.flags[c-1]&fPunct != 0 {
		content := d.trimEnd(rng{d.clauseStart(first, c-1), c - 1})
		if d.words(content) >= 2 {
			d.add(draft{src: src, cue: cue, pieces: d.piece(content), frame: frAccAfter})
		}
		return
	}
	k := src.b
	for k < last && d.flags[k]&fPunct != 0 {
		k++
	}
	content := d.trimEnd(rng{k, d.forwardEnd(k, last)})
	if d.words(content) >= 2 {
		d.add(draft{src: src, cue: cue, pieces: d.piece(content), frame: frAccBefore})
	}
}

// frame builds the claim anchored at cue c of the sentence [first, last);
// drafts from index start on belong to this sentence.
func (d *doc) frame(c, first, last, start int) {
	cue := rng{c, c + 1}
	sc := c // where the source ends: before an opening mark that holds the cue
	if d.qid[c] >= 0 {
		sc = c - 1
	}
	src := d.sourceLeft(sc, first)
	before := c - 1 // the token before the source (or the skipped words)
	if !src.empty() {
		before = src.a - 1
	} else {
		for before >= first && d.flags[before]&fSkip != 0 {
			before--
		}
	}
	if before < first && d.shortTail(c+1, last) && d.prevQuote(first) {
		if src.empty() {
			src = d.sourceRight(c+1, last) // "“…?” asked Graham."
		}
		if !src.empty() { // "“…?” Clinton said. “…”": the splitter cut after "?”"
			d.trailing(src, cue, d.quotes[d.qid[first-1]].open, first-1, last, frSplitAfter)
			return
		}
	}
	if before > first && d.endsContent(before) && !d.appositive(first, before) && !d.participle(c) &&
		d.attributionTail(c, before, first, last, !src.empty()) {
		fr := frTrailing
		if src.empty() {
			fr = frInverted
			if s, q := d.quotedAppositive(before, first); !s.empty() {
				d.trailing(s, cue, first, q, last, frQuotedAppos)
				return
			}
			src = d.sourceRight(c+1, last)
			if src.empty() || d.words(rng{first, before}) < minInvertedContent {
				return
			}
		}
		d.trailing(src, cue, first, before, last, fr)
		return
	}
	fr := frForward
	if src.empty() && before >= first && d.toks[before].Text == "," && !d.participle(c) {
		src, fr = d.sourceAcross(before, first), frAcross // "Richard Revesz, director of …, said …"
	}
	if src.empty() {
		src, fr = d.inherit(start, before), frInherit
	}
	if c+1 >= last {
		return
	}
	k := d.bestStart(c, last)
	lim := d.forwardEnd(k, last)
	content := d.quotedObject(rng{k, lim})
	if content.a == k {
		d.forwardSpans(draft{src: src, cue: cue, frame: fr}, c, k, lim, last)
		return
	}
	if d.words(content) < 2 {
		return
	}
	d.add(draft{src: src, cue: cue, pieces: d.piece(content), frame: frObject})
}

// quotedCue reports a cue that opens a quotation right after its source
// (Blinken “reaffirmed the United States’ support …”).
func (d *doc) quotedCue(c, first int) bool {
	return c-2 >= first && d.flags[c-1]&fOpen != 0 && d.flags[c-2]&(fCap|fPron) != 0 && d.flags[c-2]&fDet == 0
}

// participle reports a cue ending in -ing ("saying", "adding"), which opens
// a clause of the subject before it rather than ending a content.
func (d *doc) participle(c int) bool {
	t := d.toks[c].Text
	return len(t) > 4 && t[len(t)-3:] == "ing"
}

// endsContent reports whether token p can close a content that precedes its
// attribution: a comma, a dash or a closing quotation mark.
func (d *doc) endsContent(p int) bool {
	if d.flags[p]&fClose != 0 {
		return true
	}
	switch d.toks[p].Text {
	case ",", "—", "–", "--":
		return true
	}
	return false
}

// appositive reports "Trump, the Republican nominee, said": the words before
// the comma at p are a short name, not a content.
func (d *doc) appositive(first, p int) bool {
	if d.toks[p].Text != "," {
		return false
	}
	if p-first <= 4 {
		return d.nounPhrase(first, p)
	}
	return d.appositiveSubject(first, p)
}

// nounPhrase reports whether [a, b) holds capitalised words and
// determiners only.
func (d *doc) nounPhrase(a, b int) bool {
	for i := a; i < b; i++ {
		if d.flags[i]&(fCap|fDet) == 0 {
			return false
		}
	}
	return true
}

// inherit returns the source of the last claim of this sentence when the cue
// has none of its own ("…, adding that …", "and noted …").
func (d *doc) inherit(start, before int) rng {
	if len(d.drafts) > start {
		return d.drafts[len(d.drafts)-1].src
	}
	return rng{}
}

// trailing builds "…, X said" and its variants: the content ends at token p,
// a split quotation continues after the attribution.
func (d *doc) trailing(src, cue rng, first, p, last int, fr uint8) {
	end := p
	if d.flags[p]&fClose != 0 {
		end = p + 1
	} else if p > first && d.flags[p-1]&fClose != 0 {
		end = p
	}
	begin := d.clauseStart(first, p)
	if q := d.qid[end-1]; q >= 0 && d.flags[end-1]&fClose != 0 && d.quotes[q].open < begin {
		begin = d.quotes[q].open
	}
	r := d.trimEnd(rng{begin, end})
	if d.words(r) < 2 {
		return
	}
	var pieces []rng
	if next := d.continuation(max(src.b, cue.b), last); !next.empty() {
		pieces = []rng{r, next}
	} else if rest := d.medialRest(max(src.b, cue.b), last); !rest.empty() && d.flags[end-1]&fClose == 0 {
		pieces = []rng{r, rest}
	} else {
		pieces = d.piece(r)
	}
	d.add(draft{src: src, cue: cue, pieces: pieces, frame: fr})
}

// maxGap is how many tokens may stand between the attribution and the
// second piece of a split quotation ("…,” Tester said, referring to the
// 1 percent excuse, “…”).
const maxGap = 30

// continuation finds the second piece of a split quotation after the
// attribution that ends at token k: "“…,” he said, “…”" or "“…,” he said.
// “…”". It returns an empty range when there is none.
func (d *doc) continuation(k, last int) rng {
	j := k
	for j < len(d.toks) && j < k+maxGap && d.flags[j]&(fOpen|fClose) == 0 {
		t := d.toks[j].Text
		if j < last || t == "." || t == "," || t == ":" || t == ";" {
			j++
			continue
		}
		break
	}
	if j < len(d.toks) && d.flags[j]&fOpen != 0 && (j < last || d.toks[j-1].Text == ".") {
		q := d.quotes[d.qid[j]]
		if j >= last && paraBreak(d.src, d.toks, j) || !d.endsSentence(q.close) {
			return rng{}
		}
		return rng{q.open, q.close + 1}
	}
	return rng{}
}

// endsSentence reports whether nothing but punctuation follows token k in
// its paragraph before a sentence end: a quotation that ends there has no
// attribution of its own.
func (d *doc) endsSentence(k int) bool {
	for j := k + 1; j < len(d.toks); j++ {
		if paraBreak(d.src, d.toks, j) {
			return true
		}
		switch t := d.toks[j].Text; {
		case t == "." || t == "!" || t == "?":
			return true
		case d.flags[j]&fWord != 0:
			return false
		}
	}
	return true
}

// medialRest is the second piece of a reported content split by its
// attribution ("The economy, he said, is strong"): the words after the comma
// that ends the attribution at k, unless they open a claim of their own.
func (d *doc) medialRest(k, last int) rng {
	j := k
	for j < last && d.flags[j]&fWord != 0 {
		j++
	}
	if j+1 >= last || d.toks[j].Text != "," || d.flags[j+1]&(fCue|fOpen|fStop) != 0 && d.flags[j+1]&fRel == 0 {
		return rng{}
	}
	r := d.trimEnd(rng{j + 1, d.forwardEnd(j+1, last)})
	if d.words(r) < 2 {
		return rng{}
	}
	return r
}

// clauseStart is where a content before an attribution at p begins: the
// sentence start, or just after a colon.
func (d *doc) clauseStart(first, p int) int {
	for i := p - 1; i > first; i-- {
		if d.toks[i].Text == ":" && d.qid[i] < 0 {
			return i + 1
		}
	}
	return first
}

// forwardEnd is where a content after its cue ends: the sentence end, the
// end of a quotation opened inside it, or before a later cue that shares the
// subject (", adding …", "and noted …").
func (d *doc) forwardEnd(k, last int) int {
	for j := k + 1; j < last; j++ {
		if d.qid[j] >= 0 {
			continue
		}
		if d.flags[j]&fCue != 0 && d.coordinated(j, k) {
			b := j - 1
			for b > k && d.flags[b]&(fSkip|fAnd|fPunct) != 0 {
				b--
			}
			return b + 1
		}
	}
	return d.sentenceEnd(last)
}

// sentenceEnd is the end of a sentence ending at last, or of the quotation
// still open there.
func (d *doc) sentenceEnd(last int) int {
	if q := d.qid[last-1]; q >= 0 && d.quotes[q].close >= last {
		return d.quotes[q].close + 1
	}
	return last
}

// coordinated reports whether cue j (inside a content starting at k) begins a
// new clause of the same speaker: it follows a comma or "and" directly.
func (d *doc) coordinated(j, k int) bool {
	if d.isAccording(j) {
		return j > k && d.toks[j-1].Text == ","
	}
	b := j - 1
	for b > k && d.flags[b]&fSkip != 0 {
		b--
	}
	if b > k+1 && d.toks[b].Text == "when" && d.toks[b-1].Text == "," {
		return true // "…, when asked …"
	}
	return b > k && (d.toks[b].Text == "," || d.flags[b]&fAnd != 0)
}

// trimEnd drops the final punctuation of a content outside quotation marks.
func (d *doc) trimEnd(r rng) rng {
	for r.b > r.a && d.flags[r.b-1]&(fWord|fClose) == 0 {
		r.b--
	}
	return r
}

// add keeps a draft unless the claim classifier rejects it or an earlier
// one has the same content.
func (d *doc) add(dr draft) {
	if !d.keep(&dr) {
		return
	}
	d.addKept(dr)
}

// addKept adds a draft already kept unless an earlier one has the same
// content, keeping the likelier of the two.
func (d *doc) addKept(dr draft) {
	for i, o := range d.drafts {
		if o.pieces[0] == dr.pieces[0] {
			if dr.score > o.score && o.score != 0 {
				d.drafts[i] = dr // the likelier of two claims of one content
			}
			return
		}
	}
	d.drafts = append(d.drafts, dr)
}

// prevQuote reports whether the sentence starting at first follows, in the
// same paragraph, a quotation that closes the previous sentence and that
// no claim has taken yet.
func (d *doc) prevQuote(first int) bool {
	if first == 0 || d.flags[first-1]&fClose == 0 || paraBreak(d.src, d.toks, first) {
		return false
	}
	for _, dr := range d.drafts {
		for _, p := range dr.pieces {
			if p.a < first && first <= p.b {
				return false
			}
		}
	}
	return true
}
