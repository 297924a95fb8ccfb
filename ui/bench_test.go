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

// BenchmarkOpenLarge is the wait before a 1 MB article shows text: build
// the model, size it to 120×40 and draw the first frame, leaving the full
// wrap (and, untagged, the tagging) to the background commands it returns.
func BenchmarkOpenLarge(b *testing.B) {
	text, doc := largeMB()
	b.Run("tagged", func(b *testing.B) {
		for b.Loop() {
			m, _ := New(doc, Options{Theme: "dark"}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			_ = m.View()
		}
	})
	b.Run("untagged", func(b *testing.B) {
		tagger := func(string) *extract.Doc { return doc }
		for b.Loop() {
			m, _ := New(&extract.Doc{Text: text}, Options{Theme: "dark", Tagger: tagger}).
				Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			_ = m.View()
		}
	})
}

// BenchmarkWrapLarge is the background work of opening the 1 MB article:
// wrapping all of it at 100 columns.
func BenchmarkWrapLarge(b *testing.B) {
	text, _ := largeMB()
	for b.Loop() {
		_ = wrap(text, 100)
	}
}

// BenchmarkScroll is one page down and a redraw in the 1 MB article.
func BenchmarkScroll(b *testing.B) {
	m := openLarge(b, 120, 40)
	for b.Loop() {
		m, _ = m.Update(keyMsg("pgdown"))
		_ = m.View()
		if m.(Model).article.Percent() == 100 {
			m, _ = m.Update(keyMsg("g"))
		}
	}
}

// BenchmarkJump picks the entity with about 500 mentions in the 1 MB
// article and steps to its next mention, with a redraw.
func BenchmarkJump(b *testing.B) {
	_, doc := largeMB()
	e := entityNear(doc, 500)
	b.ReportMetric(float64(len(doc.Entities[e].Mentions)), "mentions")
	m := openLarge(b, 120, 40)
	for b.Loop() {
		m, _ = m.Update(jumpMsg{entity: e, claim: -1})
		m, _ = m.Update(keyMsg("n"))
		_ = m.View()
	}
}

// BenchmarkLargeMemory reports the heap with the 1 MB article: the peak
// while the tagged article is opened and drawn (open-peak-MB, target 150),
// the live heap once open (live-MB), and the peak of tagging and opening
// together, as the program does for a large file (tag+open-peak-MB).
func BenchmarkLargeMemory(b *testing.B) {
	for b.Loop() {
		peak, live := openMemory(b)
		all := peakHeap(func() {
			m := New(extract.Tag(largeText(1<<20)), Options{Theme: "dark"})
			mm, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			_ = drain(b, mm, cmd).View()
		})
		b.ReportMetric(mb(peak), "open-peak-MB")
		b.ReportMetric(mb(live), "live-MB")
		b.ReportMetric(mb(all), "tag+open-peak-MB")
	}
}
