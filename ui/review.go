package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/review"
)

// Saver writes the review's decisions somewhere lasting. The reader calls
// it after every decision, undo and redo, before it handles the next key,
// and shows its error in the status line.
type Saver interface {
	Save(decisions []review.Action) error
}

// filter is which rows the side panes show; f cycles it.
type filter int

// The filters, in the order f cycles them.
const (
	filterAll filter = iota
	filterPending
	filterAccepted
	filterRejected
	numFilters
)

// String names the filter for pane titles.
func (f filter) String() string {
	return [...]string{"all", "pending", "accepted", "rejected"}[f]
}

// keeps reports whether a row in state s passes the filter.
func (f filter) keeps(s review.State) bool {
	switch f {
	case filterPending:
		return s.Undecided()
	case filterAccepted:
		return s == review.Accepted
	case filterRejected:
		return s == review.Rejected
	}
	return true
}

// promptMode is what the status line is asking for, if anything.
type promptMode int

// The prompts.
const (
	promptNone    promptMode = iota
	promptRelabel            // a kind for relabelling the entity relabel
	promptTag                // a kind for the new mention tagSpan
	promptRename             // a new name for the entity rename, typed in input
	promptMerge              // a second row to merge mergeFrom with
)

// reviewer is the reader's review state: the decisions, where they are
// saved, the filter and the prompt.
type reviewer struct {
	r      *review.Review
	saver  Saver
	keys   reviewKeyMap
	filter filter
	msg    string // one-shot status message, cleared by the next key
	isErr  bool   // msg is an error

	prompt  promptMode
	entity  int          // the entity being relabelled, renamed or merged into
	tagSpan extract.Span // the span being tagged
	input   textinput.Model
}

// paneTitles are the side panes' titles, in lists order.
var paneTitles = [4]string{"People", "Countries", "Weapons", "Claims"}

// paneKinds are the entity kinds of the first three panes.
var paneKinds = [3]extract.Kind{extract.Person, extract.Country, extract.Weapon}

// initReview starts reviewing: a fresh review of doc unless opts has one,
// and the notices of opening it.
func (m *Model) initReview(opts Options) {
	rv := opts.Review
	if rv == nil {
		rv = review.New(m.doc, nil)
	}
	m.rev = reviewer{r: rv, saver: opts.Saver, keys: m.keys.Review, entity: -1}
	m.rev.input = textinput.New()
	m.rev.input.Prompt = "name: "
	notes := append([]string(nil), opts.Notices...)
	if un := rv.Result().Unplaced; len(un) > 0 {
		ds := make([]string, len(un))
		for i, u := range un {
			ds[i] = u.Action.Describe()
		}
		notes = append(notes, fmt.Sprintf("%d decision%s could not be placed: %s", len(un), plural(len(un)), strings.Join(ds, "; ")))
	}
	if len(notes) > 0 {
		m.rev.msg, m.rev.isErr = strings.Join(notes, " · "), true
	}
	m.refresh()
}

// refresh shows the review's current result: the doc, the highlights of
// what is not rejected, the rows with their states under the filter, and
// the selection re-targeted.
func (m *Model) refresh() {
	res := m.rev.r.Result()
	m.doc = res.Doc
	m.article.setReview(res)
	for i := range m.lists {
		m.rebuildRows(i, res)
	}
	m.reselect()
	if m.width > 0 {
		m.layout(m.width, m.height)
	}
}

// rebuildRows rebuilds side pane i, keeping its cursor on the same target.
func (m *Model) rebuildRows(i int, res *review.Result) {
	l := &m.lists[i]
	l.title = paneTitles[i]
	if m.rev.filter != filterAll {
		l.title += " · " + m.rev.filter.String()
	}
	if l.claims {
		l.tree = claimTree(res.Doc, res.Claims, m.rev.filter)
		l.flatten()
		return
	}
	cur := -1
	if l.cursor < len(l.rows) {
		cur = l.rows[l.cursor].target
	}
	all := entityRows(res.Doc, paneKinds[i])
	rows := all[:0]
	for _, r := range all {
		r.state = res.Entities[r.target]
		if m.rev.filter.keeps(r.state) {
			rows = append(rows, r)
		}
	}
	l.rows = rows
	for j, r := range rows {
		if r.target == cur {
			l.cursor = j
		}
	}
	l.scroll()
}

// reselect re-targets the selection after the doc changed, without
// scrolling the article.
func (m *Model) reselect() {
	top, c, s := m.article.top, m.article.caret, m.sel
	switch {
	case s.mode == selEntity && s.entity < len(m.doc.Entities):
		s.label = oneLine(m.doc.Entities[s.entity].Name)
		s.targets = s.targets[:0:0]
		for _, mn := range m.doc.EntityMentions(s.entity) {
			s.targets = append(s.targets, mn.Span)
		}
		s.cur = max(min(s.cur, len(s.targets)-1), 0)
	case s.mode == selEntity:
		s = selection{}
	case s.mode == selClaim && s.claims[s.cur] < len(m.doc.Claims):
		s = claimSelection(m.doc, s.claims[s.cur])
	case s.mode == selClaim:
		s = selection{}
	}
	m.select_(s)
	m.article.top, m.article.caret = top, c
	m.article.clamp()
}

// setReview repaints the article's highlights: rejected mentions and
// claims lose theirs.
func (a *article) setReview(res *review.Result) {
	ms := make([]mark, 0, len(res.Doc.Mentions))
	for i, mn := range res.Doc.Mentions {
		if res.Mentions[i] != review.Rejected {
			ms = append(ms, mark{mn.Span, mentionMark(mn.Kind)})
		}
	}
	var cs []mark
	for i, c := range res.Doc.Claims {
		if res.Claims[i] != review.Rejected {
			for _, p := range claimPieces(c) {
				cs = append(cs, mark{p, markClaim})
			}
		}
	}
	a.mentions, a.claims = newMarkIndex(ms), newMarkIndex(cs)
}

// placeCaret moves the article's caret to the start of s (a jump target).
func (m *Model) placeCaret(s extract.Span) {
	m.article.caret.at, m.article.caret.on = s.Start, true
	m.article.caret.selecting = false
}

// reviewInfo is the status line's counts: "42 pending · 17 accepted · 3 rejected".
func (m Model) reviewInfo() string {
	c := m.rev.r.Result().Counts()
	s := fmt.Sprintf(" %d pending · %d accepted · %d rejected", c.Pending, c.Accepted, c.Rejected)
	if c.Edited > 0 {
		s += fmt.Sprintf(" · %d edited", c.Edited)
	}
	return m.st.Status.Render(s + " ")
}

// reviewLine is the status line while a prompt is open or a message is
// shown; ok is false otherwise.
func (m Model) reviewLine() (string, bool) {
	var s string
	switch m.rev.prompt {
	case promptRename:
		return m.rev.input.View(), true
	case promptRelabel:
		s = "relabel “" + oneLine(m.doc.Entities[m.rev.entity].Name) + "” as: p person · c country · w weapon · n not an entity · esc cancel"
	case promptTag:
		s = "tag “" + oneLine(m.doc.Slice(m.rev.tagSpan)) + "” as: p person · c country · w weapon · esc cancel"
	case promptMerge:
		s = "merge “" + oneLine(m.doc.Entities[m.rev.entity].Name) + "” with: pick a row, press m or enter · esc cancel"
	default:
		if m.rev.msg == "" {
			return "", false
		}
		st := m.st.StatusInfo
		if m.rev.isErr {
			st = m.st.StatusTitle
		}
		msg := st.Render(" " + ansi.Truncate(oneLine(m.rev.msg), max(m.width-2, 0), "…") + " ")
		return msg + m.reviewInfo(), true
	}
	return m.st.Prompt.Render(ansi.Truncate(s, m.width, "…")), true
}

// sizeReviewInput fits the rename input to the status line.
func (m *Model) sizeReviewInput() {
	m.rev.input.SetWidth(max(m.width-lipgloss.Width(m.rev.input.Prompt)-2, 1))
}
