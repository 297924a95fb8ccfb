package claims

import "unicode"

// Interview transcripts give each turn its own paragraph, opened by the
// speaker's name in capitals and a colon ("PENCE: Well, look, …"), often
// inside a quotation mark that never closes. The sentence splitter may glue
// the name to the sentence before, so turns are found on paragraph starts
// here: the colon is the cue and the rest of the paragraph the content.

// maxSpeakerTokens is the longest capitalised name that opens a turn.
const maxSpeakerTokens = 3

// interviews adds a claim for every transcript turn and marks its tokens
// so that the sentence pass leaves them alone.
func (d *doc) interviews() {
	for i := range d.toks {
		if glued(d.src, d.toks, i) {
			continue // no turn starts without a paragraph break (turnStart)
		}
		a, b := d.turnStart(i)
		if b < 0 {
			continue
		}
		e := d.paraEnd(b + 2)
		for e+1 < len(d.toks) && isDQ(d.toks, e) && d.flags[e+1]&fWord != 0 {
			if _, nb := d.turnStart(e); nb >= 0 {
				break
			}
			e = d.paraEnd(e + 1) // the turn goes on in a paragraph of its own
		}
		content := rng{b + 1, e}
		if d.flags[e-1]&fClose == 0 && d.flags[e-1]&fWord == 0 && !isFinal(d.toks[e-1].Text) {
			content = d.trimEnd(content)
		}
		if d.words(content) < 2 {
			continue
		}
		d.drafts = append(d.drafts, draft{src: rng{a, b}, cue: rng{b, b + 1}, pieces: d.piece(content)})
		for k := i; k < e; k++ {
			d.turn[k] = true
		}
	}
}

// turnStart returns the speaker's name [a, b) when a turn starts at token
// i, with b the colon, or b = -1.
func (d *doc) turnStart(i int) (a, b int) {
	if !paraBreak(d.src, d.toks, i) {
		return 0, -1
	}
	a = i
	if isDQ(d.toks, a) {
		a++
	}
	b = a
	for b < len(d.toks) && b-a < maxSpeakerTokens && allCaps(d.toks[b].Text) {
		b++
	}
	if b == a || b+1 >= len(d.toks) || d.toks[b].Text != ":" {
		return 0, -1
	}
	return a, b
}

// paraEnd is the first token at or after k that opens a paragraph.
func (d *doc) paraEnd(k int) int {
	for k < len(d.toks) && !paraBreak(d.src, d.toks, k) {
		k++
	}
	return k
}

// allCaps reports a word of two letters or more, all upper-case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return n >= 2
}

// isFinal reports a sentence-final mark.
func isFinal(t string) bool { return t == "." || t == "!" || t == "?" }
