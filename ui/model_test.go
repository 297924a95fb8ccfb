package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/samples"
)

func TestFocusKeys(t *testing.T) {
	tests := []struct {
		keys []string
		want focus
	}{
		{nil, focusArticle},
		{[]string{"tab"}, focusPeople},
		{[]string{"tab", "tab", "tab", "tab"}, focusClaims},
		{[]string{"tab", "tab", "tab", "tab", "tab"}, focusArticle},
		{[]string{"shift+tab"}, focusClaims},
		{[]string{"shift+tab", "shift+tab"}, focusWeapons},
		{[]string{"1"}, focusPeople},
		{[]string{"2"}, focusCountries},
		{[]string{"3"}, focusWeapons},
		{[]string{"4"}, focusClaims},
		{[]string{"3", "esc"}, focusArticle},
		{[]string{"2", "tab"}, focusWeapons},
	}
	for _, tt := range tests {
		m := press(t, open(t, handDoc(), 100, 30), tt.keys...).(Model)
		if m.focus != tt.want {
			t.Errorf("keys %v: focus %d, want %d", tt.keys, m.focus, tt.want)
		}
	}
}

func TestJumpAndWalkMentions(t *testing.T) {
	doc := handDoc()
	ms := doc.EntityMentions(0)
	tests := []struct {
		keys   []string
		status string
		at     extract.Span // must be on screen
	}{
		{[]string{"1", "enter"}, "mention 1/3", ms[0].Span},
		{[]string{"1", "enter", "n"}, "mention 2/3", ms[1].Span},
		{[]string{"1", "enter", "n", "n"}, "mention 3/3", ms[2].Span},
		{[]string{"1", "enter", "n", "n", "n"}, "mention 1/3", ms[0].Span},
		{[]string{"1", "enter", "N"}, "mention 3/3", ms[2].Span},
		{[]string{"1", "enter", "N", "N"}, "mention 2/3", ms[1].Span},
		{[]string{"2", "enter"}, "Russia · mention 1/2", doc.Mentions[1].Span},
	}
	for _, tt := range tests {
		m := press(t, open(t, doc, 100, 30), tt.keys...).(Model)
		if st := statusOf(m); !strings.Contains(st, tt.status) {
			t.Errorf("keys %v: status %q, want %q", tt.keys, st, tt.status)
		}
		if !m.article.visible(tt.at.Start) {
			t.Errorf("keys %v: mention at %d not visible", tt.keys, tt.at.Start)
		}
		if !m.article.hasCur || m.article.cur != tt.at {
			t.Errorf("keys %v: current %v, want %v", tt.keys, m.article.cur, tt.at)
		}
		// The current mention is painted reverse (SGR 7) in the frame; lipgloss
		// may style an underlined run rune by rune, so look at its first letter.
		if !regexp.MustCompile(`\x1b\[([0-9;]*;)?7(;[0-9;]*)?m` + regexp.QuoteMeta(doc.Slice(tt.at)[:1])).MatchString(m.View().Content) {
			t.Errorf("keys %v: current mention not painted reverse", tt.keys)
		}
	}
}

func TestMentionThirdFromTop(t *testing.T) {
	doc := handDoc()
	m := press(t, open(t, doc, 100, 30), "1", "enter", "n", "n").(Model)
	row := lineAt(m.article.lines, doc.EntityMentions(0)[2].Start) - m.article.top
	if want := m.article.height / 3; row != want && m.article.top != len(m.article.lines)-m.article.height {
		t.Errorf("mention on row %d, want %d (a third of %d)", row, want, m.article.height)
	}
}

func TestSearch(t *testing.T) {
	m := open(t, handDoc(), 100, 30)
	m = press(t, m, "/")
	if !strings.Contains(statusOf(m), "/") {
		t.Fatalf("search input not shown: %q", statusOf(m))
	}
	m = typeText(t, m, "blinken")
	m = press(t, m, "enter")
	if st := statusOf(m); !strings.Contains(st, "“blinken” · match 1/3") {
		t.Fatalf("status %q", st)
	}
	m = press(t, m, "n")
	if st := statusOf(m); !strings.Contains(st, "match 2/3") {
		t.Errorf("after n: %q", st)
	}
	m = press(t, m, "N", "N")
	if st := statusOf(m); !strings.Contains(st, "match 3/3") {
		t.Errorf("after N N: %q", st)
	}
	if mm := m.(Model); !mm.article.visible(mm.sel.targets[2].Start) {
		t.Errorf("match 3 not visible")
	}
	m = press(t, m, "esc")
	if st := statusOf(m); strings.Contains(st, "match") {
		t.Errorf("esc kept the search: %q", st)
	}
	// Keys typed into the search box are text, not commands.
	m = press(t, m, "/", "q", "esc")
	if mm := m.(Model); mm.searching {
		t.Errorf("esc left the search input open")
	}
}

func TestHelpToggle(t *testing.T) {
	m := open(t, handDoc(), 100, 30)
	if strings.Contains(screen(m), "½ page down") {
		t.Fatal("full help shown before ?")
	}
	m = press(t, m, "?")
	if !strings.Contains(screen(m), "½ page down") {
		t.Errorf("full help not shown after ?")
	}
	if w, h := lipgloss.Size(m.View().Content); w != 100 || h != 30 {
		t.Errorf("with help: size %d×%d", w, h)
	}
	m = press(t, m, "?")
	if strings.Contains(screen(m), "½ page down") {
		t.Errorf("full help still shown after ? ?")
	}
}

func TestClaimJump(t *testing.T) {
	doc := handDoc()
	m := press(t, open(t, doc, 100, 30), "4", "enter", "j", "enter").(Model)
	if st := statusOf(m); !strings.Contains(st, "Antony Blinken · claim 1/1") {
		t.Errorf("status %q", st)
	}
	c := doc.Claims[0]
	if !m.article.visible(c.Content.Start) || !m.article.visible(c.Source.Start) {
		t.Errorf("claim not visible")
	}
	kinds := map[markKind]bool{}
	for _, mk := range m.article.dyn.marks {
		kinds[mk.kind] = true
	}
	for _, k := range []markKind{markClaimSel, markSource, markCue} {
		if !kinds[k] {
			t.Errorf("claim jump did not mark kind %d", k)
		}
	}
	if !strings.Contains(screen(m), claimBarSel+" “We will send more,”") {
		t.Errorf("selected claim has no gutter bar:\n%s", screen(m))
	}
}

func TestEmptyPanes(t *testing.T) {
	m := open(t, &extract.Doc{Title: "Nothing", Text: "Nothing here."}, 100, 30)
	for _, want := range []string{"no people found", "no countries found", "no weapons found", "no claims found"} {
		if !strings.Contains(screen(m), want) {
			t.Errorf("missing %q", want)
		}
	}
	press(t, m, "1", "enter", "n", "N", "/", "x", "enter", "n")
}

func TestRows(t *testing.T) {
	doc := handDoc()
	tests := []struct {
		kind extract.Kind
		want string
	}{
		{extract.Person, "Antony Blinken · 3 · 1 claim Secretary of State"},
		{extract.Country, "Russia · 1 + Russian ×1"},
		{extract.Weapon, "Javelin · 1 — anti-tank missile"},
	}
	for _, tt := range tests {
		r := entityRows(doc, tt.kind)[0]
		got := r.name + " · " + r.info + " " + r.detail
		if got != tt.want {
			t.Errorf("%v row %q, want %q", tt.kind, got, tt.want)
		}
	}
}

func TestSizes(t *testing.T) {
	sample := extract.Tag(samples.Default)
	sizes := [][2]int{{120, 40}, {100, 30}, {80, 24}, {60, 20}, {59, 20}, {40, 10}, {10, 5}, {3, 2}, {1, 1}}
	for _, doc := range []*extract.Doc{handDoc(), sample, {}} {
		for _, sz := range sizes {
			for _, keys := range [][]string{nil, {"tab"}, {"?"}, {"4", "enter"}, {"/"}} {
				m := press(t, open(t, doc, sz[0], sz[1]), keys...)
				if w, h := lipgloss.Size(m.View().Content); w != sz[0] || h != sz[1] {
					t.Errorf("%d×%d keys %v: view is %d×%d", sz[0], sz[1], keys, w, h)
				}
			}
		}
	}
}

func TestResizeKeepsMention(t *testing.T) {
	doc := handDoc()
	at := doc.EntityMentions(0)[2]
	m := press(t, open(t, doc, 120, 40), "1", "enter", "N")
	for _, sz := range [][2]int{{80, 24}, {60, 15}, {200, 50}, {45, 12}} {
		m = send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		if mm := m.(Model); !mm.article.visible(at.Start) {
			t.Errorf("%d×%d: current mention scrolled away", sz[0], sz[1])
		}
	}
}

func TestControlCharactersNeverReachTheScreen(t *testing.T) {
	doc := &extract.Doc{Title: "evil\x1b]0;pwned\x07", Text: "a\x1b[2Jb\tc\r\nd\u202ee\x9bf\u009bg 漢字漢字漢字漢字漢字漢字"}
	m := open(t, doc, 30, 8)
	v := m.View().Content
	for _, bad := range []string{"\x1b[2J", "\x1b]0", "\x07", "\r", "\u202e", "\u009b"} {
		if strings.Contains(v, bad) {
			t.Errorf("screen contains %q", bad)
		}
	}
	if w, h := lipgloss.Size(v); w != 30 || h != 8 {
		t.Errorf("size %d×%d", w, h)
	}
	if !strings.Contains(ansi.Strip(v), "a␛[2Jb") {
		t.Errorf("escape not shown as a picture:\n%s", ansi.Strip(v))
	}
}

func TestMouse(t *testing.T) {
	doc := handDoc()
	m := New(doc, Options{Theme: "dark", NoColor: true, Mouse: true})
	if mm := m.View().MouseMode; mm != tea.MouseModeCellMotion {
		t.Errorf("mouse mode %v", mm)
	}
	if mm := New(doc, Options{}).View().MouseMode; mm != tea.MouseModeNone {
		t.Errorf("mouse on without Options.Mouse")
	}
	var tm tea.Model = m
	tm = send(t, tm, tea.WindowSizeMsg{Width: 100, Height: 30})
	// Row 1 of the People pane is the first row inside its border.
	tm = send(t, tm, tea.MouseClickMsg{X: 90, Y: 1, Button: tea.MouseLeft})
	if st := statusOf(tm); !strings.Contains(st, "Antony Blinken · mention 1/3") {
		t.Errorf("click: status %q", st)
	}
	tm = send(t, tm, tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown})
	if tm.(Model).article.top == 0 {
		t.Errorf("wheel did not scroll")
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := open(t, handDoc(), 80, 24).Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s did not quit", k)
		}
	}
}
