package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-reader/dossier/extract"
)

// filler is a paragraph with no mentions, to push later ones off screen.
const filler = "The talks went on for hours and nobody said anything of note, " +
	"which the reporters in the corridor found both tiring and predictable."

// handDoc is a small article annotated by hand, independent of the taggers:
// Blinken (3 mentions), Russia (1 + Russian ×1), a Javelin, one claim.
func handDoc() *extract.Doc {
	paras := []string{
		"Test Article About Talks",
		"Antony Blinken met his counterpart in Geneva.",
		"Russia denied everything.",
		filler, filler,
		"A Russian diplomat left early.",
		filler, filler, filler,
		"“We will send more,” Blinken said on Friday.",
		filler, filler, filler,
		"The Javelin shipment arrived.",
		filler, filler, filler, filler,
		"Blinken flew home.",
	}
	text := strings.Join(paras, "\n\n")
	d := &extract.Doc{Title: paras[0], Text: text}
	from := 0
	add := func(s string, k extract.Kind, e int) extract.Span {
		i := strings.Index(text[from:], s) + from
		sp := extract.Span{Start: i, End: i + len(s)}
		d.Mentions = append(d.Mentions, extract.Mention{Span: sp, Kind: k, Entity: e})
		d.Entities[e].Mentions = append(d.Entities[e].Mentions, len(d.Mentions)-1)
		from = sp.End
		return sp
	}
	d.Entities = []extract.Entity{
		{Kind: extract.Person, Name: "Antony Blinken", Role: "Secretary of State"},
		{Kind: extract.Country, Name: "Russia", ISO2: "RU"},
		{Kind: extract.Weapon, Name: "Javelin", Class: "anti-tank missile"},
	}
	add("Antony Blinken", extract.Person, 0)
	add("Russia", extract.Country, 1)
	add("Russian", extract.Demonym, 1)
	q := strings.Index(text, "“We")
	content := extract.Span{Start: q, End: q + len("“We will send more,”")}
	src := add("Blinken", extract.Person, 0)
	cue := extract.Span{Start: src.End + 1, End: src.End + 5}
	d.Claims = []extract.Claim{{Source: &src, Cue: &cue, Content: content,
		Speaker: "Antony Blinken", SpeakerEntity: 0, Kind: extract.Direct}}
	add("Javelin", extract.Weapon, 2)
	add("Blinken", extract.Person, 0)
	return d
}

// keyMsg turns a key name as tmux or help would write it into a key press.
func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]tea.Key{
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
	}
	if key, ok := named[k]; ok {
		return tea.KeyPressMsg(key)
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// send feeds msgs to m through Update, running the commands they return
// (briefly: cursor blinks never come back) and feeding their messages too.
func send(t testing.TB, m tea.Model, msgs ...tea.Msg) tea.Model {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = runCmd(t, m, cmd)
	}
	return m
}

// runCmd runs cmd with a short timeout and feeds back what it yields.
func runCmd(t testing.TB, m tea.Model, cmd tea.Cmd) tea.Model {
	if cmd == nil {
		return m
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		switch msg := msg.(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				m = runCmd(t, m, c)
			}
		case jumpMsg:
			m = send(t, m, msg)
		}
	case <-time.After(20 * time.Millisecond):
	}
	return m
}

// press sends key presses by name.
func press(t testing.TB, m tea.Model, keys ...string) tea.Model {
	t.Helper()
	for _, k := range keys {
		m = send(t, m, keyMsg(k))
	}
	return m
}

// typeText sends each rune of s as a key press.
func typeText(t testing.TB, m tea.Model, s string) tea.Model {
	for _, r := range s {
		m = send(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// open builds a model for doc at w×h with a fixed, colourless theme.
func open(t testing.TB, doc *extract.Doc, w, h int) tea.Model {
	return send(t, New(doc, Options{Theme: "dark", NoColor: true}), tea.WindowSizeMsg{Width: w, Height: h})
}

// screen is the model's frame without escape codes.
func screen(m tea.Model) string { return ansi.Strip(m.View().Content) }

// statusOf is the last line of the screen.
func statusOf(m tea.Model) string {
	s := screen(m)
	return s[strings.LastIndexByte(s, '\n')+1:]
}
