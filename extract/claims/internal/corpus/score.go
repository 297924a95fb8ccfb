package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pred is a predicted claim as the scorer sees it.
type Pred struct {
	Source, Cue *Span
	Content     Span
	Pieces      []Span
	Speaker     string
}

// Tally accumulates claim-matching counts over documents.
type Tally struct {
	Gold, Pred, Matched int
	SourceN, SourceOK   int
	CueN, CueOK         int
}

// P is content precision.
func (t Tally) P() float64 { return ratio(t.Matched, t.Pred) }

// R is content recall.
func (t Tally) R() float64 { return ratio(t.Matched, t.Gold) }

// F1 is the content F1.
func (t Tally) F1() float64 {
	p, r := t.P(), t.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SourceAcc is the share of matched claims whose source was found.
func (t Tally) SourceAcc() float64 { return ratio(t.SourceOK, t.SourceN) }

// CueAcc is the share of matched claims whose cue was found.
func (t Tally) CueAcc() float64 { return ratio(t.CueOK, t.CueN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Match is a matched (prediction, gold) pair of one document.
type Match struct{ Pred, Gold int }

// Score adds one document to t, mirroring score.py's score_claims: word
// tokens (\w+) shared by prediction and gold must be at least half of each;
// pairs are matched one-to-one, greedily by shared tokens; then a source is
// right when its span overlaps the gold's or the speaker names it, a cue when
// the spans overlap. It returns the matches for error analysis.
func (t *Tally) Score(d Doc, preds []Pred) []Match {
	words := WordSpans(d.Text)
	gold := make([]map[int]bool, len(d.Claims))
	for j, g := range d.Claims {
		gold[j] = TokSet(words, pieces(g.Content, g.Pieces))
	}
	pred := make([]map[int]bool, len(preds))
	for i, p := range preds {
		pred[i] = TokSet(words, pieces(p.Content, p.Pieces))
	}
	t.Gold += len(gold)
	t.Pred += len(pred)
	type pair struct{ ov, i, j int }
	var pairs []pair
	for i, pt := range pred {
		for j, gt := range gold {
			ov := 0
			for k := range pt {
				if gt[k] {
					ov++
				}
			}
			if ov > 0 && 2*ov >= len(gt) && 2*ov >= len(pt) {
				pairs = append(pairs, pair{ov, i, j})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.ov != y.ov {
			return x.ov > y.ov
		}
		if x.i != y.i {
			return x.i < y.i
		}
		return x.j < y.j
	})
	usedP, usedG := map[int]bool{}, map[int]bool{}
	var out []Match
	for _, p := range pairs {
		if usedP[p.i] || usedG[p.j] {
			continue
		}
		usedP[p.i], usedG[p.j] = true, true
		out = append(out, Match{p.i, p.j})
		t.Matched++
		t.judge(d, preds[p.i], d.Claims[p.j])
	}
	return out
}

// judge scores the source and cue of one matched pair.
func (t *Tally) judge(d Doc, p Pred, g Claim) {
	if g.Source != nil {
		t.SourceN++
		if SourceOK(d, p, g) {
			t.SourceOK++
		}
	}
	if g.Cue != nil {
		t.CueN++
		if overlaps(p.Cue, g.Cue) {
			t.CueOK++
		}
	}
}

// SourceOK reports whether a prediction found the gold source: the spans
// overlap, or the predicted speaker is the gold source text, its last word,
// or the gold speaker (or its last word).
func SourceOK(d Doc, p Pred, g Claim) bool {
	if g.Source == nil || overlaps(p.Source, g.Source) {
		return true
	}
	if p.Speaker == "" {
		return false
	}
	gt := d.Text[g.Source.Start:g.Source.End]
	cands := map[string]bool{norm(gt): true, LastWord(gt): true}
	if g.Speaker != "" {
		cands[norm(g.Speaker)] = true
		cands[LastWord(g.Speaker)] = true
	}
	delete(cands, "")
	return cands[norm(p.Speaker)]
}

func overlaps(a, b *Span) bool { return a != nil && b != nil && a.Start < b.End && b.Start < a.End }

func pieces(c Span, ps []Span) []Span {
	if len(ps) > 0 {
		return ps
	}
	return []Span{c}
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// LastWord is score.py's last_word: the last run of word characters,
// apostrophes, periods and hyphens, without periods at its ends, lower-cased.
func LastWord(s string) string {
	end := len(s)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if isLastWordRune(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isLastWordRune(r) {
			break
		}
		start -= n
	}
	return strings.ToLower(strings.Trim(s[start:end], "."))
}

func isLastWordRune(r rune) bool {
	return isWord(r) || r == '\'' || r == '’' || r == '.' || r == '-'
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r)
}

// WordSpans returns the byte spans of \w+ runs.
func WordSpans(s string) []Span {
	var out []Span
	start := -1
	for i, r := range s {
		if isWord(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, Span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(s)})
	}
	return out
}

// TokSet returns the indexes of words that share a byte with any span.
func TokSet(words []Span, spans []Span) map[int]bool {
	set := map[int]bool{}
	for _, sp := range spans {
		k := sort.Search(len(words), func(k int) bool { return words[k].End > sp.Start })
		for ; k < len(words) && words[k].Start < sp.End; k++ {
			set[k] = true
		}
	}
	return set
}
