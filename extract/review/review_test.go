package review

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract"
)

// testText is a small article; testDoc annotates it by hand.
const testText = "Antony Blinken met Sergei Lavrov in Geneva. " +
	"Russia sent Javelin missiles, Blinken said. " +
	"“We will talk,” Lavrov said. The Russian side left. Blinken flew home."

// testDoc: Blinken ×3, Lavrov ×2, Russia (+ Russian), Javelin, Geneva
// tagged as a person by mistake; one claim by Lavrov.
func testDoc() *extract.Doc {
	d := &extract.Doc{Title: "t", Text: testText}
	d.Entities = []extract.Entity{
		{Kind: extract.Person, Name: "Antony Blinken", Role: "Secretary"},
		{Kind: extract.Person, Name: "Sergei Lavrov"},
		{Kind: extract.Country, Name: "Russia", ISO2: "RU", ISO3: "RUS"},
		{Kind: extract.Weapon, Name: "Javelin", Class: "anti-tank missile"},
		{Kind: extract.Person, Name: "Geneva"},
	}
	from := 0
	add := func(s string, k extract.Kind, e int) {
		i := strings.Index(testText[from:], s) + from
		d.Mentions = append(d.Mentions, extract.Mention{Span: extract.Span{Start: i, End: i + len(s)}, Kind: k, Entity: e})
		d.Entities[e].Mentions = append(d.Entities[e].Mentions, len(d.Mentions)-1)
		from = i + len(s)
	}
	add("Antony Blinken", extract.Person, 0)
	add("Sergei Lavrov", extract.Person, 1)
	add("Geneva", extract.Person, 4)
	add("Russia", extract.Country, 2)
	add("Javelin", extract.Weapon, 3)
	add("Blinken", extract.Person, 0)
	q := strings.Index(testText, "“We")
	add("Lavrov", extract.Person, 1)
	add("Russian", extract.Demonym, 2)
	add("Blinken", extract.Person, 0)
	src := d.Mentions[6].Span
	d.Claims = []extract.Claim{{Source: &src, Content: extract.Span{Start: q, End: q + len("“We will talk,”")},
		Speaker: "Sergei Lavrov", SpeakerEntity: 1, Kind: extract.Direct}}
	return d
}

// entityNamed returns the index of the entity called name in r, or -1.
func entityNamed(r *Result, name string) int {
	for i, e := range r.Doc.Entities {
		if e.Name == name {
			return i
		}
	}
	return -1
}

// mentionText returns the index of the n-th mention whose text is s.
func mentionText(r *Result, s string, n int) int {
	for i, m := range r.Doc.Mentions {
		if r.Doc.Slice(m.Span) == s {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return -1
}

// span returns the span of the first occurrence of s in testText, or of
// the part of s before "|" when s is "text|after".
func span(s string) extract.Span {
	text, _, _ := strings.Cut(s, "|")
	i := strings.Index(testText, strings.ReplaceAll(s, "|", ""))
	return extract.Span{Start: i, End: i + len(text)}
}

// summary describes a result compactly: entities with state, kind and the
// texts of their mentions with states; then claims.
func summary(r *Result) string {
	var b strings.Builder
	for i, e := range r.Doc.Entities {
		b.WriteString(e.Name + "/" + e.Kind.String() + "/" + r.Entities[i].String() + ":")
		for _, mi := range e.Mentions {
			b.WriteString(" " + r.Doc.Slice(r.Doc.Mentions[mi].Span) + "=" + r.Mentions[mi].String())
		}
		if len(r.Aliases[i]) > 0 {
			b.WriteString(" aka " + strings.Join(r.Aliases[i], ","))
		}
		b.WriteString("\n")
	}
	for i, c := range r.Doc.Claims {
		b.WriteString("claim " + c.Speaker + " " + r.Claims[i].String() + "\n")
	}
	return b.String()
}

// step builds an action from the current result.
type step func(r *Result) Action

func accept(name string) step {
	return func(r *Result) Action {
		return Action{Op: OpAccept, Targets: []Ref{EntityRef(r.Doc, entityNamed(r, name))}}
	}
}

func reject(name string) step {
	return func(r *Result) Action {
		return Action{Op: OpReject, Targets: []Ref{EntityRef(r.Doc, entityNamed(r, name))}}
	}
}

func relabel(name, kind string) step {
	return func(r *Result) Action {
		return Action{Op: OpRelabel, Targets: []Ref{EntityRef(r.Doc, entityNamed(r, name))}, Kind: kind}
	}
}

func merge(a, b string) step {
	return func(r *Result) Action {
		return Action{Op: OpMerge, Targets: []Ref{EntityRef(r.Doc, entityNamed(r, a)), EntityRef(r.Doc, entityNamed(r, b))}}
	}
}

func rename(a, name string) step {
	return func(r *Result) Action {
		return Action{Op: OpRename, Targets: []Ref{EntityRef(r.Doc, entityNamed(r, a))}, Name: name}
	}
}

func split(text string, n int) step {
	return func(r *Result) Action {
		m := MentionRef(r.Doc, mentionText(r, text, n))
		return Action{Op: OpSplit, Mention: &m}
	}
}

func remove(text string, n int) step {
	return func(r *Result) Action {
		m := MentionRef(r.Doc, mentionText(r, text, n))
		return Action{Op: OpRemove, Mention: &m}
	}
}

func addSpan(text, kind string) step {
	return func(r *Result) Action {
		s := SpanRef(r.Doc.Text, span(text))
		return Action{Op: OpAdd, Span: &s, Kind: kind}
	}
}

func move(text string, to string) step {
	return func(r *Result) Action {
		m := MentionRef(r.Doc, mentionText(r, text, 0))
		s := SpanRef(r.Doc.Text, span(to))
		return Action{Op: OpMove, Mention: &m, Span: &s}
	}
}

func claimDecide(op Op) step {
	return func(r *Result) Action { return Action{Op: op, Targets: []Ref{ClaimRef(r.Doc, 0)}} }
}

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
		want  []string // lines that must appear in the summary
		not   []string // substrings that must not
	}{
		{"accept", []step{accept("Antony Blinken")}, []string{
			"Antony Blinken/person/accepted: Antony Blinken=accepted Blinken=accepted Blinken=accepted"}, nil},
		{"reject hides mentions", []step{reject("Geneva")}, []string{"Geneva/person/rejected: Geneva=rejected"}, nil},
		{"accept then reject", []step{accept("Geneva"), reject("Geneva")}, []string{"Geneva/person/rejected:"}, nil},
		{"relabel to country", []step{relabel("Geneva", "country")}, []string{"Geneva/country/edited: Geneva=pending"}, nil},
		{"relabel not an entity", []step{relabel("Geneva", NotEntity)}, []string{"Geneva/person/rejected:"}, nil},
		{"merge", []step{merge("Antony Blinken", "Sergei Lavrov")}, []string{
			"Antony Blinken/person/edited: Antony Blinken=pending Sergei Lavrov=pending Blinken=pending Lavrov=pending Blinken=pending aka Sergei Lavrov",
			"claim Antony Blinken pending"}, []string{"Sergei Lavrov/"}},
		{"merge kind follows the keeper", []step{merge("Russia", "Geneva")}, []string{
			"Russia/country/edited: Geneva=pending Russia=pending Russian=pending aka Geneva"}, nil},
		{"rename", []step{rename("Sergei Lavrov", "Lavrov")}, []string{
			"Lavrov/person/edited: Sergei Lavrov=pending Lavrov=pending aka Sergei Lavrov", "claim Lavrov pending"}, nil},
		{"split", []step{split("Blinken", 1)}, []string{
			"Antony Blinken/person/pending: Antony Blinken=pending Blinken=pending\n",
			"Blinken/person/edited: Blinken=edited"}, nil},
		{"remove", []step{remove("Blinken", 0)}, []string{"Antony Blinken/person/pending: Antony Blinken=pending Blinken=pending\n"}, nil},
		{"add joins by mention text", []step{remove("Lavrov", 0), addSpan("Lavrov| said", "person")}, []string{
			"Sergei Lavrov/person/edited: Sergei Lavrov=pending Lavrov=edited"}, nil},
		{"add starts an entity", []step{addSpan("Geneva.", "country")}, []string{"Geneva./country/edited: Geneva.=edited"}, nil},
		{"move an edge", []step{move("Javelin", "Javelin missiles")}, []string{"Javelin/weapon/pending: Javelin missiles=edited"}, nil},
		{"claim accept", []step{claimDecide(OpAccept)}, []string{"claim Sergei Lavrov accepted"}, nil},
		{"claim reject", []step{claimDecide(OpReject)}, []string{"claim Sergei Lavrov rejected"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(testDoc(), nil)
			for i, s := range tt.steps {
				if err := r.Do(s(r.Result())); err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
			}
			got := summary(r.Result())
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %q in\n%s", w, got)
				}
			}
		})
	}
}

func TestApplyErrors(t *testing.T) {
	tests := []struct {
		name string
		step step
	}{
		{"split the only mention", split("Javelin", 0)},
		{"merge with itself", merge("Russia", "Russia")},
		{"add over a mention", addSpan("Sergei", "person")},
		{"move over another mention", move("Geneva", "Lavrov in Geneva")},
		{"relabel as demonym", relabel("Geneva", "demonym")},
		{"empty rename", rename("Geneva", "  ")},
	}
	for _, tt := range tests {
		r := New(testDoc(), nil)
		before := summary(r.Result())
		if err := r.Do(tt.step(r.Result())); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
		if got := summary(r.Result()); got != before || r.CanUndo() {
			t.Errorf("%s: a failed action changed the review", tt.name)
		}
	}
}

func TestUndoRedo(t *testing.T) {
	r := New(testDoc(), nil)
	s0 := summary(r.Result())
	mustDo(t, r, accept("Antony Blinken"))
	s1 := summary(r.Result())
	mustDo(t, r, merge("Antony Blinken", "Sergei Lavrov"))
	s2 := summary(r.Result())
	tests := []struct {
		op   string
		ok   bool
		want string
	}{
		{"undo", true, s1}, {"undo", true, s0}, {"undo", false, s0},
		{"redo", true, s1}, {"redo", true, s2}, {"redo", false, s2},
		{"undo", true, s1},
	}
	for i, tt := range tests {
		var ok bool
		if tt.op == "undo" {
			_, ok = r.Undo()
		} else {
			_, ok = r.Redo()
		}
		if ok != tt.ok || summary(r.Result()) != tt.want {
			t.Fatalf("%d %s: ok %v, state\n%s", i, tt.op, ok, summary(r.Result()))
		}
	}
	mustDo(t, r, reject("Geneva"))
	if r.CanRedo() {
		t.Error("a new action must clear the redo stack")
	}
}

func mustDo(t *testing.T, r *Review, s step) {
	t.Helper()
	if err := r.Do(s(r.Result())); err != nil {
		t.Fatal(err)
	}
}

// randomAction makes a plausible action on r's current state.
func randomAction(rng *rand.Rand, r *Result) Action {
	d := r.Doc
	ent := func() Ref { return EntityRef(d, rng.IntN(len(d.Entities))) }
	men := func() *Ref {
		if len(d.Mentions) == 0 {
			return nil
		}
		m := MentionRef(d, rng.IntN(len(d.Mentions)))
		return &m
	}
	kinds := []string{"person", "country", "weapon", NotEntity}
	switch rng.IntN(9) {
	case 0:
		return Action{Op: OpAccept, Targets: []Ref{ent(), ent()}}
	case 1:
		if rng.IntN(2) == 0 {
			return Action{Op: OpReject, Targets: []Ref{ClaimRef(d, 0)}}
		}
		return Action{Op: OpReject, Targets: []Ref{ent()}}
	case 2:
		return Action{Op: OpRelabel, Targets: []Ref{ent()}, Kind: kinds[rng.IntN(4)]}
	case 3:
		return Action{Op: OpMerge, Targets: []Ref{ent(), ent()}}
	case 4:
		return Action{Op: OpRename, Targets: []Ref{ent()}, Name: "Name " + strings.Repeat("x", rng.IntN(3))}
	case 5:
		return Action{Op: OpSplit, Mention: men()}
	case 6:
		a := rng.IntN(len(d.Text) - 8)
		s := SpanRef(d.Text, extract.Span{Start: a, End: a + 1 + rng.IntN(8)})
		return Action{Op: OpAdd, Span: &s, Kind: kinds[rng.IntN(3)]}
	case 7:
		return Action{Op: OpRemove, Mention: men()}
	}
	m := men()
	if m == nil {
		return Action{Op: OpRemove}
	}
	s := SpanRef(d.Text, extract.Span{Start: max(m.Start-rng.IntN(5), 0), End: m.End + rng.IntN(5)})
	return Action{Op: OpMove, Mention: m, Span: &s}
}

// TestUndoProperty: any sequence of actions followed by as many undos
// gives back the original state; as many redos give back the final one.
func TestUndoProperty(t *testing.T) {
	for seed := uint64(0); seed < 300; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		r := New(testDoc(), nil)
		orig := r.Result()
		n := 0
		for i := 0; i < 1+rng.IntN(25); i++ {
			if r.Do(randomAction(rng, r.Result())) == nil {
				n++
			}
		}
		final := r.Result()
		for i := 0; i < n; i++ {
			if _, ok := r.Undo(); !ok {
				t.Fatalf("seed %d: undo %d of %d failed", seed, i, n)
			}
		}
		if !reflect.DeepEqual(r.Result(), orig) {
			t.Fatalf("seed %d: after %d undos\n%s\nwant\n%s", seed, n, summary(r.Result()), summary(orig))
		}
		for i := 0; i < n; i++ {
			r.Redo()
		}
		if !reflect.DeepEqual(r.Result(), final) {
			t.Fatalf("seed %d: redo did not restore the final state", seed)
		}
	}
}

func TestKeptAndCounts(t *testing.T) {
	r := New(testDoc(), nil)
	mustDo(t, r, reject("Geneva"))
	mustDo(t, r, accept("Russia"))
	mustDo(t, r, remove("Blinken", 0))
	mustDo(t, r, claimDecide(OpReject))
	if got, want := r.Result().Counts(), (Counts{Pending: 3, Accepted: 1, Rejected: 2}); got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
	k := r.Result().Kept()
	if len(k.Entities) != 4 || len(k.Claims) != 0 || len(k.Mentions) != 7 {
		t.Fatalf("kept %d entities %d mentions %d claims", len(k.Entities), len(k.Mentions), len(k.Claims))
	}
	for i, e := range k.Entities {
		for _, mi := range e.Mentions {
			if k.Mentions[mi].Entity != i {
				t.Errorf("kept mention %d points at %d, listed by %d", mi, k.Mentions[mi].Entity, i)
			}
		}
	}
}

func TestReplayParksWhatDoesNotApply(t *testing.T) {
	r := New(testDoc(), nil)
	mustDo(t, r, accept("Russia"))
	ghost := SpanRef(testText, span("Geneva"))
	ghost.Start, ghost.End = 1000, 1006
	acts := append(r.Actions(), Action{Op: OpRemove, Mention: &ghost})
	r2 := New(testDoc(), acts)
	if len(r2.Result().Unplaced) != 1 || len(r2.Actions()) != 2 || !r2.CanUndo() {
		t.Fatalf("unplaced %v, actions %d", r2.Result().Unplaced, len(r2.Actions()))
	}
	r2.Undo()
	if r2.CanUndo() || len(r2.Actions()) != 1 {
		t.Error("a parked decision must stay saved but not be undoable")
	}
}
