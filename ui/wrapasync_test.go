package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
)

// TestWrapWindowMatchesWrap checks that a window's lines are exactly the
// full wrap's lines around the offset, whatever the offset.
func TestWrapWindowMatchesWrap(t *testing.T) {
	text := largeText(40 << 10)
	for _, width := range []int{20, 57, 100} {
		full := wrap(text, width)
		for _, off := range []int{0, 1, 500, len(text) / 3, len(text) / 2, len(text) - 10, len(text)} {
			win := wrapWindow(text, width, off, 12)
			i := slices.Index(full, win[0])
			if i < 0 || i+len(win) > len(full) || !slices.Equal(full[i:i+len(win)], win) {
				t.Errorf("width %d off %d: window is not a run of the full wrap", width, off)
				continue
			}
			at := lineAt(win, off)
			if at < min(12, lineAt(full, off)) && win[0].start > 0 {
				t.Errorf("width %d off %d: only %d lines above", width, off, at)
			}
			if rest := len(win) - at; rest < 36 && win[len(win)-1] != full[len(full)-1] {
				t.Errorf("width %d off %d: only %d lines below", width, off, rest)
			}
		}
	}
}

// TestLargeBeforeWrap drives the reader before the background wrap of a
// large article arrives: text on the first frame, G to the end and a jump
// work on the window, a stale wrap is dropped and the right one taken.
func TestLargeBeforeWrap(t *testing.T) {
	text := largeText(600 << 10)
	mid := strings.Index(text[len(text)/2:], "Poland") + len(text)/2
	doc := &extract.Doc{Text: text, Entities: []extract.Entity{{Kind: extract.Country, Name: "Poland", Mentions: []int{0}}},
		Mentions: []extract.Mention{{Span: extract.Span{Start: mid, End: mid + len("Poland")}, Kind: extract.Country}}}
	var m tea.Model = New(doc, Options{Theme: "dark", NoColor: true})
	m, first := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if first == nil || !m.(Model).article.partial {
		t.Fatal("a large article should be wrapped in the background")
	}
	if !strings.Contains(screen(m), "A Long Report") {
		t.Fatalf("no text on the first frame:\n%s", screen(m))
	}
	m = press(t, m, "G")
	if !strings.Contains(screen(m), lastLine(m)) || !strings.Contains(statusOf(m), "100%") {
		t.Errorf("G before the wrap: the end is not on screen:\n%s", screen(m))
	}
	m = send(t, m, jumpMsg{entity: 0, claim: -1})
	if a := m.(Model).article; !a.visible(mid) || !strings.Contains(screen(m), "Poland") {
		t.Errorf("jump before the wrap: mention at %d not on screen", mid)
	}
	m, second := m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
	if second == nil {
		t.Fatal("a new width needs a new background wrap")
	}
	m = drain(t, m, first) // for the old width: stale
	if !m.(Model).article.partial {
		t.Fatal("a wrap for another width was taken")
	}
	m = drain(t, m, second)
	a := m.(Model).article
	if a.partial || len(a.lines) != len(wrap(text, a.textW)) {
		t.Fatalf("the full wrap was not taken (partial %v, %d lines)", a.partial, len(a.lines))
	}
	if !a.visible(mid) {
		t.Error("the full wrap moved the current mention off screen")
	}
}
