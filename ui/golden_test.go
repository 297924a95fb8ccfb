package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/samples"
)

// TestSampleFirstFrame goldens the sample's first frame at 100×30, as text
// (testdata/TestSampleFirstFrame/text.golden, easy to review) and with its
// attributes (styled.golden). No colour, fixed theme: deterministic. It
// changes whenever the taggers find something else; regenerate with
// go test ./ui -run TestSampleFirstFrame -update.
func TestSampleFirstFrame(t *testing.T) {
	m := open(t, extract.Tag(samples.Default), 100, 30)
	v := m.View().Content
	t.Run("text", func(t *testing.T) { golden.RequireEqual(t, ansi.Strip(v)) })
	t.Run("styled", func(t *testing.T) { golden.RequireEqualEscape(t, []byte(v), true) })
}

// TestProgramSmoke runs the real program loop with teatest: pick the first
// person, step to the next mention, quit; golden the final model's view.
func TestProgramSmoke(t *testing.T) {
	tm := teatest.NewTestModel(t, New(handDoc(), Options{Theme: "light", NoColor: true}),
		teatest.WithInitialTermSize(80, 24))
	// Wait for the first sized frame so the keys land on a laid-out screen.
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("People")) },
		teatest.WithDuration(5*time.Second))
	for _, k := range []string{"1", "enter", "n", "tab", "j"} {
		tm.Send(keyMsg(k))
	}
	tm.Send(keyMsg("q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	m, ok := fm.(Model)
	if !ok {
		t.Fatalf("final model is %T", fm)
	}
	if m.focus != focusCountries {
		t.Errorf("focus %d, want countries", m.focus)
	}
	if st := statusOf(m); !strings.Contains(st, "mention 2/3") {
		t.Errorf("status %q, want mention 2/3", st)
	}
	golden.RequireEqual(t, ansi.Strip(m.View().Content))
	var _ tea.Model = m
}
