package ui

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
)

// speakersDoc is handDoc with three claims: Blinken's quotation, the
// Javelin sentence attributed to no one, and "Blinken flew home." given
// to Blinken without a source span. Blinken's group (2) comes first.
func speakersDoc() *extract.Doc {
	d := handDoc()
	span := func(s string) extract.Span {
		i := strings.Index(d.Text, s)
		return extract.Span{Start: i, End: i + len(s)}
	}
	d.Claims = append(d.Claims,
		extract.Claim{Content: span("The Javelin shipment arrived."), SpeakerEntity: -1},
		extract.Claim{Content: span("Blinken flew home."), Speaker: "Antony Blinken", SpeakerEntity: 0})
	return d
}

// claimPane describes the Claims pane's rows: "+Name" for a speaker, the
// claim's index for a claim; the cursor's row is marked with ">".
func claimPane(m tea.Model) string {
	l := m.(Model).lists[focusClaims-focusPeople]
	var b []string
	for i, r := range l.rows {
		s := strconv.Itoa(r.target)
		if r.header {
			s = "+" + r.name
		}
		if i == l.cursor {
			s = ">" + s
		}
		b = append(b, s)
	}
	return strings.Join(b, " ")
}

func TestClaimPaneTree(t *testing.T) {
	tests := []struct {
		keys []string
		want string
	}{
		{[]string{"4"}, ">+Antony Blinken +(no source)"},
		{[]string{"4", "enter"}, ">+Antony Blinken 0 2 +(no source)"},
		{[]string{"4", "l"}, ">+Antony Blinken 0 2 +(no source)"},
		{[]string{"4", "j", "l"}, "+Antony Blinken >+(no source) 1"},
		{[]string{"4", "enter", "enter"}, ">+Antony Blinken +(no source)"},
		{[]string{"4", "l", "j", "j", "h"}, ">+Antony Blinken +(no source)"},
		{[]string{"4", "l", "h", "h"}, ">+Antony Blinken +(no source)"},
		{[]string{"4", "right", "j", "left"}, ">+Antony Blinken +(no source)"},
		{[]string{"4", "j", "right"}, "+Antony Blinken >+(no source) 1"},
		{[]string{"4", "l", "G", "l"}, "+Antony Blinken 0 2 >+(no source) 1"},
		{[]string{"l", "right"}, ">+Antony Blinken +(no source)"},              // the article's caret keys
		{[]string{"4", "l", "j", "a", "f"}, "+Antony Blinken >2 +(no source)"}, // pending only
		{[]string{"4", "l", "j", "enter", "n", "4"}, "+Antony Blinken 0 >2 +(no source)"},
	}
	for _, tt := range tests {
		m := press(t, open(t, speakersDoc(), 100, 30), tt.keys...)
		if got := claimPane(m); got != tt.want {
			t.Errorf("%v: pane %q, want %q", tt.keys, got, tt.want)
		}
	}
}

func TestClaimPaneWalk(t *testing.T) {
	m := press(t, open(t, speakersDoc(), 100, 30), "4", "enter", "j", "enter")
	steps := []struct {
		key, status string
		claim       int
	}{
		{"", "Antony Blinken · claim 1/2", 0},
		{"n", "Antony Blinken · claim 2/2", 2},
		{"n", "Antony Blinken · claim 1/2", 0}, // wraps within the speaker
		{"N", "Antony Blinken · claim 2/2", 2},
	}
	for _, s := range steps {
		if s.key != "" {
			m = press(t, m, s.key)
		}
		mm := m.(Model)
		if st := statusOf(m); !strings.Contains(st, s.status) {
			t.Errorf("after %q: status %q, want %q", s.key, st, s.status)
		}
		if c := mm.sel.claims[mm.sel.cur]; c != s.claim {
			t.Errorf("after %q: claim %d, want %d", s.key, c, s.claim)
		}
		l := mm.lists[focusClaims-focusPeople]
		if l.active < 0 || l.rows[l.active].target != s.claim {
			t.Errorf("after %q: active row %d, want claim %d's", s.key, l.active, s.claim)
		}
	}
	kinds := map[markKind]bool{}
	for _, mk := range m.(Model).article.dyn.marks {
		kinds[mk.kind] = true
	}
	if !kinds[markClaimSel] {
		t.Errorf("walked claim not marked")
	}
	m = press(t, open(t, speakersDoc(), 100, 30), "4", "j", "enter", "j", "enter")
	if st := statusOf(m); !strings.Contains(st, "(no source) · claim 1/1") {
		t.Errorf("unattributed claim: status %q", st)
	}
}

func TestClaimPaneReview(t *testing.T) {
	tests := []struct {
		keys []string
		want string // the claims' states, in text order
	}{
		{[]string{"4", "l", "j", "a"}, "accepted pending pending"},
		{[]string{"4", "l", "j", "j", "x"}, "pending pending rejected"},
		{[]string{"4", "x"}, "rejected pending rejected"}, // a speaker: all of its claims
		{[]string{"4", "j", "a"}, "pending accepted pending"},
		{[]string{"4", "A"}, "accepted accepted accepted"}, // collapsed ones too
		{[]string{"4", "l", "j", "a", "f", "k", "a"}, "accepted pending accepted"},
	}
	for _, tt := range tests {
		m := press(t, open(t, speakersDoc(), 100, 30), tt.keys...).(Model)
		var got []string
		for _, s := range m.rev.r.Result().Claims {
			got = append(got, s.String())
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%v: claims %q, want %q", tt.keys, g, tt.want)
		}
	}
	m := press(t, open(t, speakersDoc(), 100, 30), "4", "r")
	if st := statusOf(m); !strings.Contains(st, "claims can only be accepted or rejected") {
		t.Errorf("relabel on a speaker: status %q", st)
	}
}
