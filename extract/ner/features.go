package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-reader/dossier/extract/text"
)

// Token flags computed once per document.
const (
	fCap       = 1 << iota // first letter upper case
	fAllCaps               // every letter upper case, more than one letter
	fTitle                 // a title word (lexicon.go)
	fSentStart             // first word of a sentence (after any opening quote)
	fCapsLine              // on an all-caps line (headline, dateline)
	fDocLower              // the same word appears in lower case elsewhere in the document
	fDocCapMid             // ... or capitalised in mid-sentence on a normal line
	fPunct                 // no letter or digit
	fLowerWord             // starts with a lower-case letter
	fCommon                // usually written in lower case in news text (casing.go)
	fPrefixed              // a lower-case prefix and hyphen before a capital ("pro-Assad": prefixLen)
	fLetter                // has a letter (unicode.IsLetter; no feature reads it)
)

// tokInfo holds the hashes of a token's string views that tagging reads
// beyond the word's own features, and its flags; features combine the
// hashes with a template number, so no string is built per token. The
// hashes that only the word's own features read are apart (affixes): with
// the word cache, tagging never reads them, and a 32-byte tokInfo keeps the
// passes over a document's tokens (docFlags, stack, tagging) to half a
// cache line a token rather than an 80-byte one's 1.25.
type tokInfo struct {
	lower, shape    uint64
	flags           uint32
	length          uint8 // rune count, capped
	prof            uint8 // the word's class in the profile (profile.go)
	p1, maj, perPos uint8 // first-stage results (stack.go)
}

// affixes holds the hashes of a token's exact form and of its lower-case
// prefixes and suffixes (scratch.info).
type affixes struct {
	form, pre2, pre3, suf2, suf3, suf4 uint64
}

// Hash seeds of the strings standing for positions outside the sentence.
const (
	hashBOS uint64 = 0x51ab7e3c9d01
	hashEOS uint64 = 0x7fe0c2d4a913
)

// The number of features every token gets in the first and second stage
// (templates.go).
const (
	nFeats1 = 27
	nFeats2 = 31
)

func featCount(second bool) int {
	if second {
		return nFeats2
	}
	return nFeats1
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// mix combines a template number with up to three hashes into a feature
// index (splitmix64 finaliser), masked to the weight table by the caller.
func mix(tmpl uint64, a, b, c uint64) uint64 {
	x := tmpl*0x9E3779B97F4A7C15 ^ a
	x = (x ^ x>>31) * 0xBF58476D1CE4E5B9
	x ^= b
	x = (x ^ x>>27) * 0x94D049BB133111EB
	x ^= c
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	return x ^ x>>31
}

// scratch is the per-call working memory of feature extraction, reused
// across tokens so the hot path does not allocate.
type scratch struct {
	common casing    // the model's common-word set, or nil
	lists  wordLists // common and prof merged (wordlists.go), or nil
	prof   profile   // the model's word profile, or nil
	words  wordIDs   // docFlags' and stack's word numbers (words.go)
	lower  []byte
	shape  []byte
	runes  []int // byte offset of each rune of lower
}

// info computes a token's hashes and its own flags (document and sentence
// flags are added by the caller). A prefixed word ("pro-Assad") is seen as
// the word after the prefix, except for its shape (which keeps the prefix
// and so tells the model).
func (s *scratch) info(tok string) (tokInfo, affixes) {
	var ti tokInfo
	var af affixes
	if n := prefixLen(tok); n > 0 {
		tok = tok[n:]
		ti.flags |= fPrefixed
	}
	s.lower, s.shape, s.runes = s.lower[:0], s.shape[:0], s.runes[:0]
	letters, uppers, digits := 0, 0, 0
	for _, r := range tok {
		s.runes = append(s.runes, len(s.lower))
		var sh byte = '.'
		switch {
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
			sh, letters, uppers = 'X', letters+1, uppers+1
			r += 'a' - 'A'
		case r < utf8.RuneSelf && r >= 'a' && r <= 'z':
			sh, letters = 'x', letters+1
		case r < utf8.RuneSelf && r >= '0' && r <= '9':
			sh, digits = 'd', digits+1
		case r >= utf8.RuneSelf && unicode.IsUpper(r):
			sh, letters, uppers = 'X', letters+1, uppers+1
			r = unicode.ToLower(r)
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			sh, letters = 'x', letters+1
		case r < utf8.RuneSelf:
			sh = byte(r)
		}
		s.lower = utf8.AppendRune(s.lower, r)
		// Runs collapse to two: "Blinken" is Xxx, "NATO" XX, "Al" Xx.
		if k := len(s.shape); k < 2 || s.shape[k-1] != sh || s.shape[k-2] != sh {
			s.shape = append(s.shape, sh)
		}
	}
	n := len(s.runes)
	af.form = hashBytes([]byte(tok))
	ti.lower = hashBytes(s.lower)
	ti.shape = hashBytes(s.shape)
	af.pre2 = hashBytes(s.lower[:s.cut(2)])
	af.pre3 = hashBytes(s.lower[:s.cut(3)])
	af.suf2 = hashBytes(s.lower[s.cut(n-2):])
	af.suf3 = hashBytes(s.lower[s.cut(n-3):])
	af.suf4 = hashBytes(s.lower[s.cut(n-4):])
	ti.length = uint8(min(n, 12))
	if uppers > 0 && s.shape[0] == 'X' {
		ti.flags |= fCap
	}
	if letters > 1 && uppers == letters {
		ti.flags |= fAllCaps
	}
	if letters == 0 && digits == 0 {
		ti.flags |= fPunct
	}
	if letters > 0 {
		// The letters counted are unicode.IsLetter's, and a prefix
		// taken off leaves a capital: the whole token has a letter.
		ti.flags |= fLetter
	}
	if letters > 0 && isTitle(s.lower) {
		ti.flags |= fTitle
	}
	if s.shape[0] == 'x' {
		ti.flags |= fLowerWord
	}
	var common bool
	if s.lists != nil { // one read for both lists
		common, ti.prof = s.lists.common(ti.lower), s.lists.class(ti.lower)
	} else {
		common, ti.prof = s.common.has(ti.lower), s.prof.class(ti.lower)
	}
	if letters > 0 && common {
		ti.flags |= fCommon
	}
	if ti.flags&fPrefixed != 0 {
		ti.shape = hashBytes(append(s.shape, "<p"...))
	}
	return ti, af
}

// cut returns the byte offset in s.lower of rune k, clamped to the word.
func (s *scratch) cut(k int) int {
	if k <= 0 {
		return 0
	}
	if k >= len(s.runes) {
		return len(s.lower)
	}
	return s.runes[k]
}

// docInfo computes every token's tokInfo with sentence, line and document
// flags, and its affixes.
func docInfo(a *text.Analysis, s *scratch) ([]tokInfo, []affixes) {
	infos := make([]tokInfo, len(a.Tokens))
	affs := make([]affixes, len(a.Tokens))
	for i, t := range a.Tokens {
		infos[i], affs[i] = s.info(t.Text)
	}
	docFlags(a, infos, &s.words)
	return infos, affs
}

// docFlags adds to the tokens' own information (scratch.info) the sentence,
// line and document flags.
func docFlags(a *text.Analysis, infos []tokInfo, w *wordIDs) {
	markCapsLines(a, infos)
	for _, se := range a.Sentences {
		for i := se.First; i < se.Last; i++ {
			if infos[i].flags&fPunct == 0 {
				infos[i].flags |= fSentStart
				break
			}
		}
	}
	// Document flags: how the same word is written elsewhere, per word
	// (wordIDs), not per token.
	const seenLower, seenCapMid = 1, 2
	ids := w.number(infos)
	w.seen = append(w.seen[:0], make([]uint8, w.n)...)
	seen := w.seen
	for i, ti := range infos {
		switch {
		case ti.flags&(fCap|fPunct) == 0:
			seen[ids[i]] |= seenLower
		case ti.flags&fCap != 0 && ti.flags&(fSentStart|fCapsLine|fAllCaps) == 0:
			seen[ids[i]] |= seenCapMid
		}
	}
	for i := range infos {
		m := seen[ids[i]]
		if m&seenLower != 0 && infos[i].flags&fCap != 0 {
			infos[i].flags |= fDocLower
		}
		if m&seenCapMid != 0 {
			infos[i].flags |= fDocCapMid
		}
	}
}

// markCapsLines flags the tokens of lines written in capitals (headlines,
// datelines) or in title case (headlines: "Blinken Authorizes Baltic
// Countries to Send US Weapons to Ukraine"), where capitalisation says
// nothing about names.
func markCapsLines(a *text.Analysis, infos []tokInfo) {
	start := 0
	for start < len(a.Tokens) {
		end := start + 1
		for end < len(a.Tokens) && !hasNewline(a.Src[a.Tokens[end-1].End:a.Tokens[end].Start]) {
			end++
		}
		if capsLine(a, infos, start, end) || titleLine(a, infos, start, end) {
			for i := start; i < end; i++ {
				infos[i].flags |= fCapsLine
			}
		}
		start = end
	}
}

// capsLine reports whether the tokens [start, end) of a line are mostly
// written in capitals.
func capsLine(a *text.Analysis, infos []tokInfo, start, end int) bool {
	upper, lower := 0, 0
	for i := start; i < end; i++ {
		f := infos[i].flags
		switch {
		case f&fAllCaps != 0, f&fCap != 0 && infos[i].length == 1:
			upper++
		case f&fCap == 0 && f&fLetter != 0:
			lower++
		case f&fCap != 0:
			lower++ // Titlecase word: a normal line
		}
	}
	return upper >= 1 && lower*4 <= upper
}

// titleLine reports whether a line is a title-case headline: at least
// three capitalised words, lower case only for short function words (at
// least one: a list of names is no headline), and no full stop at the end.
func titleLine(a *text.Analysis, infos []tokInfo, start, end int) bool {
	if a.Tokens[end-1].Text == "." {
		return false
	}
	caps, short := 0, 0
	for i := start; i < end; i++ {
		f := infos[i].flags
		switch {
		case f&fLetter == 0:
		case f&fCap != 0:
			caps++
		case infos[i].length <= 4:
			short++
		default:
			return false
		}
	}
	return caps >= 3 && short >= 1
}

func hasNewline(gap string) bool {
	for i := 0; i < len(gap); i++ {
		if gap[i] == '\n' {
			return true
		}
	}
	return false
}

// prefixes are the lower-case prefixes a writer hyphenates to a name
// ("pro-Assad forces", "anti-Trump protests", "ex-Beatle").
var prefixes = map[string]bool{
	"pro": true, "anti": true, "ex": true, "non": true, "post": true, "pre": true,
	"neo": true, "pan": true, "mid": true, "un": true, "counter": true, "semi": true,
}

// prefixLen returns the length in bytes of such a prefix and its hyphen at
// the start of tok when an upper-case letter follows, else 0.
func prefixLen(tok string) int {
	for i := 0; i < len(tok) && i <= 8; i++ {
		if tok[i] == '-' {
			if i+1 < len(tok) && tok[i+1] >= 'A' && tok[i+1] <= 'Z' && prefixes[tok[:i]] {
				return i + 1
			}
			return 0
		}
	}
	return 0
}
