package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
)

// readingList is three articles: the hand doc, a copy under another title,
// and a large untagged one tagged in the background by tagger.
func readingList(t *testing.T, tagger func(string) *extract.Doc) (tea.Model, *extract.Doc) {
	t.Helper()
	second := handDoc()
	second.Title = "Second Article About Talks"
	big := &extract.Doc{Title: "Third, Long and Untagged", Text: largeText(150 << 10)}
	opts := Options{Theme: "dark", NoColor: true}
	bigOpts := opts
	bigOpts.Tagger = tagger
	m := NewList([]Item{{handDoc(), opts}, {second, opts}, {big, bigOpts}})
	return send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}), big
}

func TestReadingListKeepsEachArticle(t *testing.T) {
	m, _ := readingList(t, nil)
	m = press(t, m, "1", "enter", "n") // article 1: Blinken, mention 2/3
	top := m.(Model).article.top
	tests := []struct {
		keys   []string
		status []string // all in the status line
	}{
		{[]string{"]"}, []string{"2/3", "Second Article"}},
		{[]string{"]", "["}, []string{"1/3", "Test Art", "mention 2/3"}},
		{[]string{"["}, []string{"3/3", "Third"}},
		{[]string{"]", "]", "]"}, []string{"1/3", "mention 2/3"}},
		{[]string{"L", "down", "enter"}, []string{"2/3"}},
		{[]string{"L", "up", "enter"}, []string{"3/3"}},
		{[]string{"L", "esc"}, []string{"1/3", "mention 2/3"}},
	}
	for _, tt := range tests {
		got := press(t, m, tt.keys...)
		st := statusOf(got)
		for _, w := range tt.status {
			if !strings.Contains(st, w) {
				t.Errorf("keys %v: status %q, want %q", tt.keys, st, w)
			}
		}
		if g := got.(Model); g.reading.cur == 0 && g.article.top != top {
			t.Errorf("keys %v: article 1 scrolled to %d, was %d", tt.keys, g.article.top, top)
		}
	}
}

func TestReadingListOverlay(t *testing.T) {
	m, _ := readingList(t, nil)
	m = press(t, m, "L")
	s := screen(m)
	for _, w := range []string{"Reading list", "1. Test Article About Talks", "2. Second Article", "3. Third, Long"} {
		if !strings.Contains(s, w) {
			t.Errorf("overlay lacks %q:\n%s", w, s)
		}
	}
	if m = press(t, m, "esc"); strings.Contains(screen(m), "Reading list") {
		t.Error("esc left the overlay open")
	}
}

// TestReadingListBackgroundTagging: the third article is tagged when first
// shown; its result arrives while another article is on screen and is
// kept for it.
func TestReadingListBackgroundTagging(t *testing.T) {
	var tagged *extract.Doc
	tagger := func(text string) *extract.Doc {
		tagged = &extract.Doc{Text: text}
		return tagged
	}
	m, big := readingList(t, tagger)
	m, cmd := m.Update(keyMsg("["))
	if cmd == nil || !strings.Contains(screen(m), "tagging…") {
		t.Fatalf("article 3 should be tagging:\n%s", screen(m))
	}
	m = press(t, m, "]") // back to article 1 before the tagger is done
	m = drain(t, m, cmd)
	if tagged == nil || tagged.Text != big.Text {
		t.Fatal("the tagger did not run on article 3")
	}
	if m.(Model).doc.Text == big.Text {
		t.Fatal("article 3's doc replaced the article on screen")
	}
	m = press(t, m, "[")
	if g := m.(Model); g.tag.busy || g.doc.Text != big.Text || strings.Contains(screen(m), "tagging…") {
		t.Errorf("article 3 did not keep its tagged doc (busy %v)", g.tag.busy)
	}
}

// TestReadingListReviewPerArticle: a decision on one article leaves the
// others undecided.
func TestReadingListReviewPerArticle(t *testing.T) {
	m, _ := readingList(t, nil)
	m = press(t, m, "1", "a") // accept the person under the cursor
	if st := statusOf(m); !strings.Contains(st, "1 accepted") {
		t.Fatalf("status %q, want 1 accepted", st)
	}
	m = press(t, m, "esc", "]")
	if st := statusOf(m); !strings.Contains(st, "0 accepted") {
		t.Errorf("article 2: status %q, want 0 accepted", st)
	}
	m = press(t, m, "[")
	if st := statusOf(m); !strings.Contains(st, "1 accepted") {
		t.Errorf("back on article 1: status %q, want 1 accepted", st)
	}
}
