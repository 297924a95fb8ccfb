package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/samples"
)

// BenchmarkOpenSample measures what a user waits for: tag the sample, build
// the model, size it to 120×40 and draw the first frame.
func BenchmarkOpenSample(b *testing.B) {
	for b.Loop() {
		doc := extract.Tag(samples.Default)
		m, _ := New(doc, Options{Theme: "dark"}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// BenchmarkOpenSampleUI is BenchmarkOpenSample without the tagging: the
// screen's own share of opening the sample.
func BenchmarkOpenSampleUI(b *testing.B) {
	doc := extract.Tag(samples.Default)
	for b.Loop() {
		m, _ := New(doc, Options{Theme: "dark"}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// BenchmarkTagSample is the tagger alone, for comparison.
func BenchmarkTagSample(b *testing.B) {
	for b.Loop() {
		_ = extract.Tag(samples.Default)
	}
}

// BenchmarkFrame is one redraw after a scroll: what each key costs.
func BenchmarkFrame(b *testing.B) {
	var m tea.Model = New(extract.Tag(samples.Default), Options{Theme: "dark"})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for b.Loop() {
		m, _ = m.Update(keyMsg("j"))
		_ = m.View()
	}
}

// BenchmarkOpenLarge builds and draws a ~1 MB article without tagging it.
func BenchmarkOpenLarge(b *testing.B) {
	text := ""
	for len(text) < 1<<20 {
		text += samples.Default
	}
	doc := &extract.Doc{Text: text}
	for b.Loop() {
		m, _ := New(doc, Options{Theme: "dark"}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}
