package ui

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
)

// The pieces largeText draws from: people with roles, countries, weapons,
// and sentence templates ({P} a person, {C} a country, {W} a weapon, {D}
// another country, {R} a role).
var (
	largePeople    = []string{"Antony Blinken", "Sergei Lavrov", "Olena Kovalenko", "Jens Stoltenberg", "Maria Fernández", "Kenji Watanabe", "Amara Okafor", "Pierre Dubois", "Lloyd Austin", "Dmytro Kuleba", "Annalena Baerbock", "Rishi Patel"}
	largeRoles     = []string{"the foreign minister", "a senior official", "the defence secretary", "the spokesperson", "the ambassador"}
	largeCountries = []string{"Ukraine", "Russia", "Poland", "Germany", "France", "Japan", "Nigeria", "Brazil", "Turkey", "India", "Estonia", "Latvia", "Lithuania", "China", "Canada"}
	largeWeapons   = []string{"Javelin missiles", "howitzers", "drones", "tanks", "anti-aircraft missiles", "rifles", "artillery shells", "HIMARS launchers", "fighter jets", "anti-tank mines"}
	largeSentences = []string{
		"{P} said on Tuesday that {C} would send more {W} to {D} before the winter.",
		"“We will not accept any delay,” {P} told reporters in the capital of {C}.",
		"Officials in {C} confirmed that a shipment of {W} had crossed the border overnight.",
		"According to {R}, {P} met counterparts from {C} and {D} for nearly three hours.",
		"The talks went on for hours and nobody said anything of note, which the reporters in the corridor found both tiring and predictable.",
		"{P} warned that the delivery of {W} could change the balance of the conflict.",
		"“This is a decisive moment for {C},” {P} said, adding that {D} had been consulted.",
		"Analysts in {D} said the {W} were old stock and would need repairs before use.",
		"Markets in {C} closed lower on Friday, and the currency fell against the dollar.",
		"{P}, {R}, denied that {C} had ever asked for {W}.",
	}
)

// largeText is a deterministic article of at least size bytes: paragraphs
// of three to six sentences drawn from largeSentences, with a title line.
func largeText(size int) string {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	var b strings.Builder
	b.Grow(size + 1024)
	b.WriteString("A Long Report on Arms, Talks and Markets\n\n")
	for b.Len() < size {
		for n := 3 + r.IntN(4); n > 0; n-- {
			strings.NewReplacer("{P}", pick(largePeople), "{C}", pick(largeCountries), "{W}", pick(largeWeapons),
				"{D}", pick(largeCountries), "{R}", pick(largeRoles)).WriteString(&b, pick(largeSentences))
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// largeMB is the 1 MB article, tagged once for every test and benchmark.
var largeMB = sync.OnceValues(func() (string, *extract.Doc) {
	text := largeText(1 << 20)
	return text, extract.Tag(text)
})

// entityNear returns the entity whose mention count is closest to n.
func entityNear(doc *extract.Doc, n int) int {
	best := 0
	for i, e := range doc.Entities {
		if abs(len(e.Mentions)-n) < abs(len(doc.Entities[best].Mentions)-n) {
			best = i
		}
	}
	return best
}

func abs(x int) int { return max(x, -x) }

// drain runs cmd and everything it yields until no commands are left,
// feeding the messages back through Update: what the program loop does for
// the reader's background work (wrapping, tagging).
func drain(t testing.TB, m tea.Model, cmd tea.Cmd) tea.Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case wrappedMsg, docMsg, jumpMsg:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

// openLarge opens the tagged 1 MB article at w×h and finishes its
// background work.
func openLarge(t testing.TB, w, h int) tea.Model {
	_, doc := largeMB()
	m, cmd := New(doc, Options{Theme: "dark"}).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return drain(t, m, cmd)
}

// TestLargeArticle opens the 1 MB article through Update, goes to its end
// with G, and jumps to an entity's mentions.
func TestLargeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("tags a 1 MB article")
	}
	_, doc := largeMB()
	m := openLarge(t, 120, 40).(Model)
	if m.article.partial {
		t.Fatal("the full wrap never arrived")
	}
	if !strings.Contains(screen(m), "A Long Report") {
		t.Errorf("first screen lacks the title:\n%s", screen(m))
	}
	m = press(t, m, "G").(Model)
	last := m.article.lines[len(m.article.lines)-1]
	if !m.article.visible(last.start) || !strings.Contains(screen(m), lastLine(m)) {
		t.Errorf("G: the end is not on screen:\n%s", screen(m))
	}
	if st := statusOf(m); !strings.Contains(st, "100%") {
		t.Errorf("G: status %q, want 100%%", st)
	}
	e := entityNear(doc, 500)
	m = send(t, m, jumpMsg{entity: e, claim: -1}).(Model)
	m = press(t, m, "n", "n").(Model)
	want := doc.Mentions[doc.Entities[e].Mentions[2]]
	if m.article.cur != want.Span {
		t.Fatalf("current %v, want the third mention %v", m.article.cur, want.Span)
	}
	row := lineAt(m.article.lines, want.Start) - m.article.top
	if row < 0 || row >= m.article.height {
		t.Errorf("third mention on row %d, off screen", row)
	}
	if got := screenRow(m, row); !strings.Contains(got, doc.Slice(want.Span)) {
		t.Errorf("row %d is %q, want it to show %q", row, got, doc.Slice(want.Span))
	}
}

// TestLargeArticleTaggedLater opens the 1 MB article before it is tagged:
// the panes say so, text is on screen at once, and the tagged doc replaces
// them when its message arrives.
func TestLargeArticleTaggedLater(t *testing.T) {
	if testing.Short() {
		t.Skip("tags a 1 MB article")
	}
	text, doc := largeMB()
	tagger := func(string) *extract.Doc { return doc }
	m0 := New(&extract.Doc{Text: text}, Options{Theme: "dark", NoColor: true, Tagger: tagger})
	var cmds []tea.Cmd
	var mm tea.Model = m0
	mm, c := mm.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	cmds = append(cmds, m0.Init(), c)
	if s := screen(mm); !strings.Contains(s, "tagging…") || !strings.Contains(s, "A Long Report") {
		t.Fatalf("before tagging: want text and “tagging…”:\n%s", s)
	}
	mm = drain(t, mm, tea.Batch(cmds...))
	m := mm.(Model)
	if m.tag.busy || strings.Contains(screen(m), "tagging…") {
		t.Fatalf("still tagging after the doc arrived:\n%s", screen(m))
	}
	if got := len(m.lists[0].rows); got == 0 {
		t.Error("no people after tagging")
	}
}

// lastLine is the text of the article's last wrapped line.
func lastLine(m tea.Model) string {
	a := m.(Model).article
	l := a.lines[len(a.lines)-1]
	return a.text[l.start:l.end]
}

// screenRow is row i of the screen, escape codes removed.
func screenRow(m tea.Model, i int) string {
	rows := strings.Split(screen(m), "\n")
	if i < 0 || i >= len(rows) {
		return ""
	}
	return rows[i]
}

// TestLargeArticleMemory bounds the heap with the tagged 1 MB article
// open: the peak while the reader opens, wraps and draws it (the tagged doc
// included), and what stays live, at most 150 MB each. Tagging's own peak
// is the tagger's (BenchmarkLargeMemory reports it too).
func TestLargeArticleMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("tags a 1 MB article")
	}
	peak, live := openMemory(t)
	t.Logf("peak heap %.1f MB, live %.1f MB", mb(peak), mb(live))
	if peak > 150<<20 || live > 150<<20 {
		t.Errorf("peak heap %.1f MB, live %.1f MB, want ≤ 150 MB", mb(peak), mb(live))
	}
}

// openMemory opens the tagged 1 MB article and returns the peak heap while
// it does and the live heap once it is open.
func openMemory(t testing.TB) (peak, live uint64) {
	_, doc := largeMB()
	var mm tea.Model
	peak = peakHeap(func() {
		m, cmd := New(doc, Options{Theme: "dark"}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		mm = drain(t, m, cmd)
		_ = mm.View()
	})
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	runtime.KeepAlive(mm)
	return peak, ms.HeapAlloc
}

// mb is bytes in MB.
func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// peakHeap runs f and returns the largest live heap (HeapAlloc) seen while
// it ran, sampled every millisecond and at its end.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc > peak.Load() {
			peak.Store(ms.HeapAlloc)
		}
	}
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	f()
	sample()
	close(done)
	return peak.Load()
}
