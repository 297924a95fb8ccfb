package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract/review"
)

// fakeSaver records what the reader saves.
type fakeSaver struct {
	saves int
	last  []review.Action
	err   error
}

func (f *fakeSaver) Save(a []review.Action) error {
	f.saves++
	f.last = append([]review.Action(nil), a...)
	return f.err
}

// pressAll sends keys by name; "ctrl+r" and "<", ">" included.
func pressAll(t *testing.T, m tea.Model, keys ...string) tea.Model {
	t.Helper()
	for _, k := range keys {
		if k == "ctrl+r" {
			m = send(t, m, tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
			continue
		}
		m = press(t, m, k)
	}
	return m
}

// reviewSummary lists entities as name/kind/state:mention texts, and claims.
func reviewSummary(m Model) string {
	res := m.rev.r.Result()
	var b strings.Builder
	for i, e := range res.Doc.Entities {
		b.WriteString(e.Name + "/" + e.Kind.String() + "/" + res.Entities[i].String() + ":")
		for _, mi := range e.Mentions {
			b.WriteString(" " + res.Doc.Slice(res.Doc.Mentions[mi].Span))
		}
		b.WriteString("\n")
	}
	for i := range res.Doc.Claims {
		b.WriteString("claim " + res.Claims[i].String() + "\n")
	}
	return b.String()
}

func TestReviewKeys(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		want  []string // substrings of the summary
		saves int
	}{
		{"accept", []string{"1", "a"}, []string{"Antony Blinken/person/accepted"}, 1},
		{"reject", []string{"2", "x"}, []string{"Russia/country/rejected"}, 1},
		{"accept all shown", []string{"4", "A"}, []string{"claim accepted"}, 1},
		{"relabel", []string{"3", "r", "c"}, []string{"Javelin/country/edited: Javelin"}, 1},
		{"relabel not an entity", []string{"3", "r", "n"}, []string{"Javelin/weapon/rejected"}, 1},
		{"relabel cancelled", []string{"3", "r", "esc", "a"}, []string{"Javelin/weapon/accepted"}, 1},
		{"rename", []string{"1", "e", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "S", "r", "enter"},
			[]string{"Antony Sr/person/edited"}, 1},
		{"merge", []string{"2", "m", "3", "m"}, []string{"Russia/country/edited: Russia Russian Javelin"}, 1},
		{"split", []string{"1", "enter", "n", "s"}, []string{"Antony Blinken/person/pending: Antony Blinken Blinken\n", "Blinken/person/edited: Blinken\n"}, 1},
		{"undo", []string{"1", "a", "u"}, []string{"Antony Blinken/person/pending"}, 2},
		{"redo", []string{"1", "a", "u", "ctrl+r"}, []string{"Antony Blinken/person/accepted"}, 3},
		{"remove the walked mention", []string{"1", "enter", "esc", "d"}, []string{"Antony Blinken/person/pending: Blinken Blinken\n"}, 1},
		{"end right", []string{"1", "enter", "esc", "}"}, []string{": Antony Blinken met Blinken Blinken"}, 1},
		{"start right", []string{"1", "enter", "esc", ">"}, []string{"pending: Blinken Blinken Blinken"}, 1},
		{"start left then end left", []string{"1", "enter", "n", "esc", "<", "{"}, []string{": Antony Blinken more Blinken\n"}, 2},
		{"no edge across a paragraph", []string{"1", "enter", "n", "n", "esc", "<"}, []string{": Antony Blinken Blinken Blinken\n"}, 0},
		{"tag the word under the caret", []string{"/", "G", "e", "n", "enter", "esc", "t", "c"}, []string{"Geneva/country/edited: Geneva"}, 1},
		{"tag a selection", []string{"/", "G", "e", "n", "enter", "esc", "b", "v", "e", "e", "t", "w"}, []string{"in Geneva/weapon/edited: in Geneva"}, 1},
		{"tag joins the same name", []string{"w", "w", "v", "e", "t", "p"}, []string{"Antony Blinken/person/pending", "Article/person/edited"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sv := &fakeSaver{}
			m0 := New(handDoc(), Options{Theme: "dark", NoColor: true, Saver: sv})
			m := pressAll(t, send(t, m0, tea.WindowSizeMsg{Width: 100, Height: 30}), tt.keys...).(Model)
			got := reviewSummary(m)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s\nstatus: %s", w, got, statusOf(m))
				}
			}
			if tt.saves > 0 && sv.saves != tt.saves {
				t.Errorf("%d saves, want %d", sv.saves, tt.saves)
			}
			if sv.saves > 0 && len(sv.last) != len(m.rev.r.Actions()) {
				t.Errorf("saved %d actions, the review has %d", len(sv.last), len(m.rev.r.Actions()))
			}
		})
	}
}

func TestReviewStatusAndFilter(t *testing.T) {
	m := pressAll(t, open(t, handDoc(), 100, 30), "2", "x", "1", "a").(Model)
	if st := statusOf(m); !strings.Contains(st, "2 pending · 1 accepted · 1 rejected") {
		t.Errorf("status %q", st)
	}
	scr := screen(m)
	if !strings.Contains(scr, "✓ Antony Blinken") || !strings.Contains(scr, "✗ Russia") || !strings.Contains(scr, "· Javelin") {
		t.Errorf("row marks missing:\n%s", scr)
	}
	if len(m.article.mentions.overlapping(nil, 0, len(m.doc.Text))) != 4 {
		t.Error("a rejected entity's highlights must go (5 mentions, 2 of Russia)")
	}
	for _, tt := range []struct{ title, row string }{
		{"People · pending", "no people found"},
		{"People · accepted", "✓ Antony Blinken"},
		{"People · rejected", "no people found"},
		{"People 1", "✓ Antony Blinken"},
	} {
		m = pressAll(t, m, "f").(Model)
		if scr := screen(m); !strings.Contains(scr, tt.title) || !strings.Contains(scr, tt.row) {
			t.Errorf("filter %s: screen\n%s", tt.title, scr)
		}
	}
}

func TestReviewAcceptMovesOn(t *testing.T) {
	m := pressAll(t, open(t, handDoc(), 100, 30), "1", "a").(Model)
	m.rev.r.Undo()
	m.refresh()
	// Two people: accepting the first moves the cursor to the second.
	sv := &fakeSaver{}
	doc := handDoc()
	doc.Entities[2].Kind = doc.Entities[0].Kind
	doc.Mentions[4].Kind = doc.Mentions[0].Kind
	m = pressAll(t, send(t, New(doc, Options{NoColor: true, Theme: "dark", Saver: sv}), tea.WindowSizeMsg{Width: 100, Height: 30}), "1", "a").(Model)
	if l := m.lists[0]; l.rows[l.cursor].name != "Javelin" {
		t.Errorf("cursor on %q after accept, want the next pending row", l.rows[l.cursor].name)
	}
	m = pressAll(t, m, "x").(Model)
	if l := m.lists[0]; l.rows[l.cursor].name != "Javelin" || l.rows[l.cursor].state != review.Rejected {
		t.Errorf("reject on the last pending row: cursor %d", l.cursor)
	}
}

func TestReviewSaveError(t *testing.T) {
	sv := &fakeSaver{err: errors.New("disk full")}
	m := send(t, New(handDoc(), Options{NoColor: true, Theme: "dark", Saver: sv}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = pressAll(t, m, "1", "a")
	if st := statusOf(m); !strings.Contains(st, "not saved: disk full") {
		t.Errorf("status %q", st)
	}
}

func TestReviewCaretMotions(t *testing.T) {
	m := pressAll(t, open(t, handDoc(), 100, 30), "w").(Model)
	text := m.doc.Text
	at := func(m tea.Model) string {
		c := m.(Model).article.caret
		return text[c.at:min(c.at+4, len(text))]
	}
	steps := []struct{ key, want string }{
		{"w", "Arti"}, {"e", "e Ab"}, {"b", "Arti"}, {"right", "rtic"}, {"left", "Arti"}, {"b", "Test"},
	}
	var mm tea.Model = m
	for _, s := range steps {
		mm = pressAll(t, mm, s.key)
		if got := at(mm); got != s.want {
			t.Fatalf("after %s: caret at %q, want %q", s.key, got, s.want)
		}
	}
}
