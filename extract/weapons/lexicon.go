package weapons

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dossier-reader/dossier/extract/internal/wordfilter"
	"github.com/dossier-reader/dossier/extract/text"
)

// lexiconTSV is the weapon lexicon (format described at the top of the file).
//
//go:embed lexicon.tsv
var lexiconTSV string

// kind flags of a lower-cased word; a word may have several.
const (
	kHead   uint16 = 1 << iota // a generic weapon noun
	kMod                       // a class modifier (anti-tank, ballistic)
	kDesc                      // a descriptive modifier (simple, such)
	kOrigin                    // a maker or owner (Russian, U.S.), only when capitalised
	kOrigLC                    // an origin also in lower case (army, navy)
	kCue                       // a military context word
	kAnti                      // an anti-cue for ambiguous names
	kTail                      // first word of a tail phrase ("of mass destruction")
)

// head describes a generic weapon noun and the contexts that rule it out.
type head struct {
	singular, plural string
	ctx              bool // needs a military document
	verb             bool // not after to/will/would...
	nocap            bool // not Capitalised inside a sentence
	mod              bool // the singular may modify a following head in a coordination
	person           bool // not before a capitalised name
	noname           bool // not as the class noun after a name
	after            set  // if set, the previous phrase word must be in it ("*": any weapon word)
	safter           set  // like after, for the singular form only
	notPrev, notNext set
	notNear          set // not within nearWindow tokens
}

// word is what the lexicon knows about one lower-cased token.
type word struct {
	kind   uint16
	head   *head
	plural bool // the token is the head's plural form
}

// name is one spelling of a named system, as the tokens text.Tokenize makes of it.
type name struct {
	toks      []string
	canonical string // the first spelling on its line
	class     string // "anti-tank missile"
	amb       bool   // a one-word spelling that is also a common word or name: needs a cue
}

// lexicon is the parsed lexicon.tsv.
type lexicon struct {
	words map[string]*word   // lower-cased token → word
	names map[string][]*name // first token (exact case) → spellings, longest first
	tails [][]string         // lower-cased tail phrases
	wordF wordfilter.Filter  // over the keys of words (filter.go)
	nameF wordfilter.Filter  // over the keys of names
	// nameFirst[c] says a key of names starts with byte c (filter.go).
	nameFirst [256]bool
}

// set is a small string set.
type set map[string]bool

func newSet(csv string) set {
	s := set{}
	for _, w := range strings.Split(csv, ",") {
		if w != "" {
			s[w] = true
		}
	}
	return s
}

var (
	lexOnce sync.Once
	lex     *lexicon
)

// theLexicon parses the embedded lexicon once; a malformed file is a
// programming error and panics (a test loads it).
func theLexicon() *lexicon {
	lexOnce.Do(func() {
		l, err := parseLexicon(lexiconTSV)
		if err != nil {
			panic(err)
		}
		lex = l
	})
	return lex
}

// parseLexicon reads the lexicon format described in lexicon.tsv.
func parseLexicon(src string) (*lexicon, error) {
	l := &lexicon{words: map[string]*word{}, names: map[string][]*name{}}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[1] == "" {
			return nil, fmt.Errorf("lexicon.tsv:%d: want kind<TAB>entry", n+1)
		}
		var err error
		switch f[0] {
		case "head":
			err = l.addHead(f[1], f[2:])
		case "name":
			err = l.addName(f[1:])
		case "mod":
			l.flag(f[1], kMod)
		case "desc":
			l.flag(f[1], kDesc)
		case "origin":
			k := kOrigin
			if strings.ToLower(f[1]) == f[1] {
				k |= kOrigLC
			}
			l.flag(f[1], k)
		case "cue":
			l.flag(f[1], kCue)
		case "anticue":
			l.flag(f[1], kAnti)
		case "tail":
			t := strings.Fields(strings.ToLower(f[1]))
			l.tails = append(l.tails, t)
			l.flag(t[0], kTail)
		default:
			err = fmt.Errorf("unknown kind %q", f[0])
		}
		if err != nil {
			return nil, fmt.Errorf("lexicon.tsv:%d: %v", n+1, err)
		}
	}
	l.buildFilters()
	return l, nil
}

// flag adds kind k to the lower-cased word w.
func (l *lexicon) flag(w string, k uint16) *word {
	w = strings.ToLower(w)
	x := l.words[w]
	if x == nil {
		x = &word{}
		l.words[w] = x
	}
	x.kind |= k
	return x
}

// addHead reads "singular|plural" and its options.
func (l *lexicon) addHead(forms string, opts []string) error {
	sg, pl, _ := strings.Cut(forms, "|")
	h := &head{singular: strings.ToLower(sg), plural: strings.ToLower(pl)}
	if h.plural == "" {
		h.plural = h.singular
	}
	for _, o := range opts {
		key, val, _ := strings.Cut(o, "=")
		switch key {
		case "ctx":
			h.ctx = true
		case "verb":
			h.verb = true
		case "nocap":
			h.nocap = true
		case "mod":
			h.mod = true
		case "person":
			h.person = true
		case "noname":
			h.noname = true
		case "after":
			h.after = newSet(val)
		case "safter":
			h.safter = newSet(val)
		case "notprev":
			h.notPrev = newSet(val)
		case "notnext":
			h.notNext = newSet(val)
		case "notnear":
			h.notNear = newSet(val)
		case "":
		default:
			return fmt.Errorf("unknown head option %q", o)
		}
	}
	w := l.flag(h.singular, kHead)
	w.head = h
	if h.plural != h.singular {
		p := l.flag(h.plural, kHead)
		p.head, p.plural = h, true
	}
	return nil
}

// addName reads "Spelling|Spelling<TAB>class[<TAB>amb]". Each spelling is
// also added in capitals (JAVELIN) and, when it is one token ending in a
// digit, with a plural s (F-16s).
func (l *lexicon) addName(f []string) error {
	if len(f) < 2 || f[1] == "" {
		return fmt.Errorf("name needs a class")
	}
	amb := len(f) > 2 && f[2] == "amb"
	spellings := strings.Split(f[0], "|")
	for _, sp := range spellings {
		vars := []string{sp}
		if up := strings.ToUpper(sp); up != sp {
			vars = append(vars, up)
		}
		if c := sp[len(sp)-1]; c >= '0' && c <= '9' && !strings.Contains(sp, " ") {
			vars = append(vars, sp+"s")
		}
		for _, v := range vars {
			n := &name{canonical: spellings[0], class: f[1]}
			for _, t := range text.Tokenize(v) {
				n.toks = append(n.toks, t.Text)
			}
			n.amb = amb && len(n.toks) == 1 // Storm Shadow, Leopard 2: the second word settles it
			l.addSpelling(n)
		}
	}
	return nil
}

// addSpelling files n under its first token, keeping longer spellings first.
func (l *lexicon) addSpelling(n *name) {
	list := append(l.names[n.toks[0]], n)
	for i := len(list) - 1; i > 0 && len(list[i].toks) > len(list[i-1].toks); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	l.names[n.toks[0]] = list
}

// lookup returns the lexicon's entry for a token, lower-casing ASCII letters
// without allocating.
func (l *lexicon) lookup(tok string) *word {
	var buf [32]byte
	if len(tok) > len(buf) {
		return nil
	}
	if tok == "" {
		return l.words[""]
	}
	// The filter's bits of the lower-cased token (the keys are lower case).
	n := len(tok)
	if !l.wordF.MayHaveBytes(n, lowerASCII(tok[0]), lowerASCII(tok[n/2]), lowerASCII(tok[n-1])) {
		return nil
	}
	for i := 0; i < len(tok); i++ {
		buf[i] = lowerASCII(tok[i])
	}
	return l.words[string(buf[:len(tok)])]
}

// pluralOf returns the plural of a lower-cased class noun ("missile" → "missiles").
func (l *lexicon) pluralOf(w string) string {
	if x := l.words[w]; x != nil && x.head != nil {
		if x.plural {
			return w
		}
		return x.head.plural
	}
	return w // not a weapon noun: "of mass destruction", "battlecruiser"
}
