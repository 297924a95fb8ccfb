package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/format"
)

// fakeDisk is an Exporter that remembers its calls and what it "wrote".
type fakeDisk struct {
	files map[string]bool
	calls []string // "name path force"
	fail  error
}

func (d *fakeDisk) export(doc *extract.Doc, name, path string, force bool) ([]string, error) {
	d.calls = append(d.calls, fmt.Sprintf("%s %s %v", name, path, force))
	if d.fail != nil {
		return nil, d.fail
	}
	if d.files[path] && !force {
		return nil, fmt.Errorf("%s: %w", path, format.ErrExists)
	}
	d.files[path] = true
	if doc == nil || doc.Text == "" {
		return nil, errors.New("no doc")
	}
	return []string{path}, nil
}

// runAll feeds keys and runs their commands (the export) to the end.
func runAll(t *testing.T, m tea.Model, keys ...string) tea.Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(keyMsg(k))
		for cmd != nil {
			msg := cmd()
			cmd = nil
			if e, ok := msg.(exportedMsg); ok {
				m, cmd = m.Update(e)
			}
		}
	}
	return m
}

func TestExportForm(t *testing.T) {
	tests := []struct {
		name   string
		exists []string
		fail   error
		keys   []string
		calls  []string
		status string // in the status line afterwards
		open   bool   // the form is still open
	}{
		{"first format beside the input", nil, nil, []string{"E", "enter"},
			[]string{"json dir/article.json false"}, "exported to dir/article.json", false},
		{"down picks the next format", nil, nil, []string{"E", "down", "enter"},
			[]string{"jsonl dir/article.jsonl false"}, "exported to dir/article.jsonl", false},
		{"esc cancels", nil, nil, []string{"E", "esc"}, nil, "", false},
		{"typed path", nil, nil, append([]string{"E", "tab", "ctrl+u"}, append(strings.Split("x.json", ""), "enter")...),
			[]string{"json x.json false"}, "exported to x.json", false},
		{"typed path survives a format change", nil, nil, append([]string{"E", "tab", "ctrl+u", "y", "tab", "down"}, "enter"),
			[]string{"jsonl y false"}, "exported to y", false},
		{"exists: y overwrites", []string{"dir/article.json"}, nil, []string{"E", "enter", "y"},
			[]string{"json dir/article.json false", "json dir/article.json true"}, "exported to dir/article.json", false},
		{"exists: n keeps it, form stays", []string{"dir/article.json"}, nil, []string{"E", "enter", "n"},
			[]string{"json dir/article.json false"}, "", true},
		{"error in the status line", nil, errors.New("disk full"), []string{"E", "enter"},
			[]string{"json dir/article.json false"}, "export failed: disk full", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			disk := &fakeDisk{files: map[string]bool{}, fail: tt.fail}
			for _, p := range tt.exists {
				disk.files[p] = true
			}
			opts := Options{Theme: "dark", NoColor: true, Exporter: disk.export, ExportBase: "dir/article.txt"}
			m := send(t, New(handDoc(), opts), tea.WindowSizeMsg{Width: 100, Height: 30})
			m = runAll(t, m, tt.keys...)
			if strings.Join(disk.calls, "|") != strings.Join(tt.calls, "|") {
				t.Errorf("calls %q, want %q", disk.calls, tt.calls)
			}
			if st := statusOf(m); !strings.Contains(st, tt.status) {
				t.Errorf("status %q, want %q", st, tt.status)
			}
			if got := m.(Model).export.open; got != tt.open {
				t.Errorf("form open %v, want %v", got, tt.open)
			}
		})
	}
}

// TestExportFormView checks the form is drawn over the article at every
// size without changing the frame's size, and lists every format.
func TestExportFormView(t *testing.T) {
	disk := &fakeDisk{files: map[string]bool{}}
	for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 20}, {40, 10}, {20, 6}} {
		m := send(t, New(handDoc(), Options{Theme: "dark", Exporter: disk.export}), tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		m = press(t, m, "E")
		v := m.View().Content
		if w, h := lipgloss.Size(v); w != sz[0] || h != sz[1] {
			t.Errorf("%d×%d: frame is %d×%d", sz[0], sz[1], w, h)
		}
		if sz[1] >= 24 {
			for _, f := range format.Formats() {
				if !strings.Contains(screen(m), f.Name+" ") {
					t.Errorf("%d×%d: format %s not listed", sz[0], sz[1], f.Name)
				}
			}
		}
	}
}

// TestExportUnavailable: without an Exporter, E says so and opens nothing.
func TestExportUnavailable(t *testing.T) {
	m := press(t, open(t, handDoc(), 100, 30), "E")
	if m.(Model).export.open || !strings.Contains(statusOf(m), "not available") {
		t.Errorf("E without an exporter: open %v, status %q", m.(Model).export.open, statusOf(m))
	}
}
