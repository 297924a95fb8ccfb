package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/format"
)

// Exporter writes doc in the export format called name (one of
// format.Formats) to path, a file or a folder; it refuses to overwrite
// unless force is set, failing with an error that wraps format.ErrExists,
// and returns the paths it wrote. main wires it to format.Export: ui never
// writes files itself.
type Exporter func(doc *extract.Doc, name, path string, force bool) (written []string, err error)

// exportField is the field of the export form that has the keyboard.
type exportField int

// The form's fields, in tab order.
const (
	fieldFormat exportField = iota
	fieldPath
)

// exportForm is the export form opened by E: a format list, the output
// path, and, when the path exists, a question before overwriting it.
type exportForm struct {
	open    bool
	formats []format.Format
	cur     int // the chosen format
	field   exportField
	path    textinput.Model
	edited  bool // the path was typed: changing the format keeps it
	confirm bool // the path exists: asking before overwriting
	running bool // an export is on its way
}

// exportKeyMap holds the export form's keys; the format list moves with
// the reader's Up and Down.
type exportKeyMap struct {
	Open   key.Binding
	Choose key.Binding // help only: the reader's Up and Down
	Field  key.Binding
	Run    key.Binding
	Cancel key.Binding
	Yes    key.Binding
	No     key.Binding
}

// newExportKeyMap returns the default export keys.
func newExportKeyMap() exportKeyMap {
	return exportKeyMap{
		Open:   bind("E", "export…", "E"),
		Choose: bind("↑/↓", "format", "up", "down"),
		Field:  bind("tab", "format/path", "tab", "shift+tab"),
		Run:    bind("enter", "export", "enter"),
		Cancel: bind("esc", "cancel", "esc"),
		Yes:    bind("y", "overwrite", "y", "Y"),
		No:     bind("n/esc", "keep it", "n", "N", "esc"),
	}
}

// exportedMsg is sent by the export command when the files are written or
// writing failed; force tells whether it was allowed to overwrite.
type exportedMsg struct {
	written []string
	err     error
	force   bool
}

// openExport opens the form with the first format chosen and its path
// prefilled beside the input.
func (m *Model) openExport() tea.Cmd {
	switch {
	case m.opts.Exporter == nil:
		m.rev.msg, m.rev.isErr = "export is not available here", true
		return nil
	case m.tag.busy:
		m.rev.msg, m.rev.isErr = "export: still tagging, try again in a moment", true
		return nil
	}
	f := &m.export
	if f.formats == nil {
		f.formats = format.Formats()
		f.path = textinput.New()
		f.path.Prompt = ""
	}
	f.open, f.field, f.confirm, f.running = true, fieldFormat, false, false
	if !f.edited {
		f.path.SetValue(m.defaultExportPath())
	}
	f.path.Blur()
	f.path.SetWidth(max(m.overlayWidth()-12, 8))
	return nil
}

// defaultExportPath is where the chosen format goes by default: beside the
// input, named after it (format.Format.DefaultPath of Options.ExportBase,
// or of the doc's id in the current directory).
func (m Model) defaultExportPath() string {
	base := m.opts.ExportBase
	if base == "" {
		base = m.doc.ID
	}
	if base == "" {
		base = "article"
	}
	return m.export.formats[m.export.cur].DefaultPath(base)
}

// exportKey handles a key while the form is open.
func (m Model) exportKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	f, ek := &m.export, m.keys.Export
	if f.running {
		return m, nil // the export will answer
	}
	if f.confirm {
		switch {
		case key.Matches(k, ek.Yes):
			return m, m.runExport(true)
		case key.Matches(k, ek.No):
			f.confirm = false
		}
		return m, nil
	}
	switch {
	case key.Matches(k, ek.Cancel):
		f.open = false
		return m, nil
	case key.Matches(k, ek.Run):
		return m, m.runExport(false)
	case key.Matches(k, ek.Field):
		f.field = 1 - f.field
		if f.field == fieldPath {
			return m, f.path.Focus()
		}
		f.path.Blur()
		return m, nil
	}
	if f.field == fieldFormat {
		m.moveFormat(k)
		return m, nil
	}
	before := f.path.Value()
	var cmd tea.Cmd
	f.path, cmd = f.path.Update(k)
	f.edited = f.edited || f.path.Value() != before
	return m, cmd
}

// moveFormat moves the format cursor with Up and Down (and their page and
// end keys), re-prefilling the path unless it was typed.
func (m *Model) moveFormat(k tea.KeyPressMsg) {
	f, n := &m.export, len(m.export.formats)
	switch {
	case key.Matches(k, m.keys.Up):
		f.cur = (f.cur + n - 1) % n
	case key.Matches(k, m.keys.Down):
		f.cur = (f.cur + 1) % n
	case key.Matches(k, m.keys.Top):
		f.cur = 0
	case key.Matches(k, m.keys.Bottom):
		f.cur = n - 1
	default:
		return
	}
	if !f.edited {
		f.path.SetValue(m.defaultExportPath())
	}
}

// runExport is the command that exports the reviewed doc (what the
// reviewer kept, as dossier export writes it) to the form's path.
func (m *Model) runExport(force bool) tea.Cmd {
	f := &m.export
	path := strings.TrimSpace(f.path.Value())
	if path == "" {
		m.rev.msg, m.rev.isErr = "export: give a path", true
		return nil
	}
	f.running, f.confirm = true, false
	doc, name, exp := m.rev.r.Result().Kept(), f.formats[f.cur].Name, m.opts.Exporter
	return func() tea.Msg {
		written, err := exp(doc, name, path, force)
		return exportedMsg{written: written, err: err, force: force}
	}
}

// exported reports the export in the status line, or asks before
// overwriting when the path exists.
func (m *Model) exported(msg exportedMsg) {
	f := &m.export
	f.running = false
	switch {
	case msg.err != nil && errors.Is(msg.err, format.ErrExists) && !msg.force:
		f.confirm = true
	case msg.err != nil:
		f.open = false
		m.rev.msg, m.rev.isErr = "export failed: "+msg.err.Error(), true
	default:
		f.open = false
		m.rev.msg, m.rev.isErr = "exported to "+describeWritten(msg.written), false
	}
}

// describeWritten names the files an export wrote: all of them when few,
// else the first and how many more.
func describeWritten(ps []string) string {
	switch {
	case len(ps) == 0:
		return "nothing"
	case len(ps) <= 3:
		return strings.Join(ps, ", ")
	}
	return ps[0] + " and " + itoa(len(ps)-1) + " more files"
}
