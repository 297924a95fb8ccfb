package claims

// Source phrases: the words naming who speaks, on the subject side of a cue
// or after an inverted one.

// sourceAcross takes a source that holds commas (an appositive) from the
// clause start to the comma at p before the cue.
func (d *doc) sourceAcross(p, first int) rng {
	j := p - 1
	for ; j >= first && p-j <= 3*maxSource; j-- {
		f := d.flags[j]
		if f&(fOpen|fClose|fCue) != 0 || f&fStop != 0 && f&fRel == 0 || d.toks[j].Text == ":" || d.toks[j].Text == ";" {
			break
		}
	}
	if j+1 >= p || d.flags[j+1]&(fCap|fDet|fPron) == 0 {
		return rng{}
	}
	return rng{j + 1, p}
}

// sourceLeft walks left from cue c over auxiliaries and adverbs, then over
// the source phrase up to a clause boundary.
func (d *doc) sourceLeft(c, first int) rng {
	j := c - 1
	for j >= first && d.flags[j]&fSkip != 0 {
		j--
	}
	end := j + 1
	if j > first && d.toks[j].Text == ")" {
		j = d.skipParen(j, first) // "Sen. David Perdue (R-Ga.) said"
	}
	for ; j >= first && end-j <= maxSource; j-- {
		f := d.flags[j]
		if f&fRel != 0 {
			return rng{j, end}
		}
		if f&(fPunct|fStop|fCue|fOpen|fClose) != 0 || f&fWord == 0 && d.toks[j].Text != "’s" && d.toks[j].Text != "'s" {
			break
		}
		if f&fAnd != 0 && !(j > first && d.flags[j-1]&fCap != 0 && d.flags[j+1]&fCap != 0) {
			break
		}
	}
	return rng{j + 1, end}
}

// skipParen returns the token before the "(" that opens the parenthesis
// closed at j, or j when none opens within a few tokens.
func (d *doc) skipParen(j, first int) int {
	for k := j - 1; k >= first && k > j-8; k-- {
		switch d.toks[k].Text {
		case "(":
			return k - 1
		case ")", ",", ";":
			return j
		}
	}
	return j
}

// sourceRight takes the source phrase after an inverted cue ("…, said
// Secretary-General António Guterres") up to a comma or the sentence end.
func (d *doc) sourceRight(k, last int) rng {
	if k >= last || d.flags[k]&(fCap|fDet|fPron) == 0 {
		return rng{}
	}
	return d.phraseRight(k, last)
}

// phraseRight is the phrase from token k up to a comma, clause word or the
// sentence end, at most maxSource tokens.
func (d *doc) phraseRight(k, last int) rng {
	j := k
	for j < last && j-k < maxSource {
		f := d.flags[j]
		if f&(fPunct|fStop|fCue|fOpen|fClose) != 0 || f&fWord == 0 && d.toks[j].Text != "’s" && d.toks[j].Text != "'s" {
			break
		}
		j++
	}
	return rng{k, j}
}

// quotedAppositive finds the source of "“…,” Scott Pruitt, the attorney
// general of Oklahoma, said at …": a phrase opening with a name between a
// closing quotation mark and the comma at p before the cue. It returns the
// source and the closing mark, or an empty range.
func (d *doc) quotedAppositive(p, first int) (rng, int) {
	if d.toks[p].Text != "," {
		return rng{}, 0
	}
	j := p - 1
	for ; j >= first && p-j <= 3*maxSource; j-- {
		f := d.flags[j]
		if f&(fOpen|fClose|fCue) != 0 || f&fStop != 0 && f&fRel == 0 || d.toks[j].Text == ";" {
			break
		}
	}
	if j < first || d.flags[j]&fClose == 0 {
		return rng{}, 0
	}
	a := j + 1
	if a < p && d.toks[a].Text == "," {
		a++
	}
	if a >= p || d.flags[a]&fCap == 0 || d.words(rng{d.quotes[d.qid[j]].open, j}) < 2 {
		return rng{}, 0
	}
	return rng{a, p}, j
}
