// Package extract is the data side of dossier: an article's text goes in,
// annotations (people, countries, weapons, claims) come out. It never imports
// the terminal side (ui, Charm); a test checks it.
//
// Offsets inside Go are byte offsets into Doc.Text (that is what strings,
// regexp and the matchers speak); the file formats in extract/format convert
// them to Unicode code points in one place.
package extract

// Kind is the type of a mention or an entity.
type Kind uint8

// The mention kinds. An Entity is a Person, Country or Weapon; a Demonym
// mention ("Russian") belongs to a Country entity.
const (
	Person Kind = iota
	Country
	Demonym
	Weapon
)

// String returns the kind's name as used in the JSON format (FORMAT.md).
func (k Kind) String() string {
	switch k {
	case Person:
		return "person"
	case Country:
		return "country"
	case Demonym:
		return "demonym"
	case Weapon:
		return "weapon"
	}
	return "unknown"
}

// ParseKind is the inverse of Kind.String; ok is false for an unknown name.
func ParseKind(s string) (k Kind, ok bool) {
	for k := Person; k <= Weapon; k++ {
		if k.String() == s {
			return k, true
		}
	}
	return 0, false
}

// Span is a half-open byte range [Start, End) of Doc.Text.
type Span struct {
	Start int // byte offset, inclusive
	End   int // byte offset, exclusive
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Mention is one occurrence of an entity in the text.
type Mention struct {
	Span
	Kind   Kind   // Person, Country, Demonym or Weapon
	Entity int    // index into Doc.Entities
	State  string // review state for exports ("pending", "accepted", "edited"); "" when the article was never reviewed
}

// Entity is a person, country or weapon class with all its mentions.
type Entity struct {
	Kind     Kind   // Person, Country or Weapon (never Demonym)
	Name     string // canonical name: a person's fullest name, a country's short name, a weapon's class
	Mentions []int  // indexes into Doc.Mentions, in text order; a weapon mention naming two classes is listed by both
	Role     string // a person's role when the text gives one ("Secretary of State"); empty otherwise
	ISO2     string // a country's ISO 3166-1 alpha-2 code
	ISO3     string // a country's ISO 3166-1 alpha-3 code
	Class    string // a named weapon's class ("anti-tank missile"); empty for generic weapons
}

// ClaimKind tells a direct quotation from reported speech.
type ClaimKind uint8

// The claim kinds.
const (
	Indirect ClaimKind = iota // reported speech: X said that ...
	Direct                    // a quotation in quotation marks
	Mixed                     // reported speech with a quoted part
)

// String returns the claim kind's name as used in the JSON format.
func (k ClaimKind) String() string {
	switch k {
	case Direct:
		return "direct"
	case Mixed:
		return "mixed"
	}
	return "indirect"
}

// Claim is an attribution: who (Source) said (Cue) what (Content).
type Claim struct {
	Source        *Span  // who is speaking as the text names them; nil when the text gives no one
	Cue           *Span  // the verb or phrase of saying; nil when there is none
	Content       Span   // what is claimed, from its first piece to its last
	ContentPieces []Span // the pieces of a quotation split around its attribution; nil when Content is one piece
	Speaker       string // the canonical name of the source (a person's fullest name, or the source text)
	SpeakerEntity int    // index into Doc.Entities of the speaking person; -1 when none
	Kind          ClaimKind
}

// Doc is an article with its annotations.
type Doc struct {
	ID       string // the document id (from JSONL input), may be empty
	Title    string // the article's title: its first non-empty line, unless the loader knew better
	Text     string
	Entities []Entity
	Mentions []Mention // sorted by Start, then End descending; mentions of one kind never overlap, but a country may sit inside a weapon phrase ("U.S.-made missiles")
	Claims   []Claim   // sorted by Content.Start
}

// EntityMentions returns the mentions of entity e in text order.
func (d *Doc) EntityMentions(e int) []Mention {
	out := make([]Mention, 0, len(d.Entities[e].Mentions))
	for _, mi := range d.Entities[e].Mentions {
		out = append(out, d.Mentions[mi])
	}
	return out
}

// Slice returns the text under a span.
func (d *Doc) Slice(s Span) string { return d.Text[s.Start:s.End] }
