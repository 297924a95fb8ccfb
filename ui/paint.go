package ui

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// paintCache remembers the SGR sequence of every look the painter has met,
// so a segment costs a map lookup instead of a lipgloss Render, and lipgloss
// never splits a styled run into one sequence per character (it does for
// underlines). Keys are looks, not styles, so a theme change needs no
// invalidation. The pointer is shared by the copies of an article that
// Bubble Tea's value models make, which is safe because View and Update run
// on one goroutine.
type paintCache struct {
	sgr map[look]string
}

// newPaintCache returns an empty cache.
func newPaintCache() *paintCache { return &paintCache{sgr: make(map[look]string)} }

// paintSegs writes the line's segments between consecutive cuts, merging
// neighbours that look the same into one styled run.
func (a article) paintSegs(b *strings.Builder, cuts []int, mentions, dyn []mark) {
	runStart, runSGR := -1, ""
	flush := func(end int) {
		if runStart < 0 || runStart == end {
			return
		}
		writeStyled(b, runSGR, sanitize(a.text[runStart:end]))
	}
	for i := 1; i < len(cuts); i++ {
		s, e := cuts[i-1], cuts[i]
		if s == e {
			continue
		}
		sgr := a.segSGR(s, e, mentions, dyn)
		if runStart >= 0 && sgr == runSGR {
			continue // the run goes on
		}
		flush(s)
		runStart, runSGR = s, sgr
	}
	if len(cuts) > 0 {
		flush(cuts[len(cuts)-1])
	}
}

// segSGR is the SGR sequence that starts the segment [s, e), "" for plain.
// segStyle decides the look (so every layer it knows, the review caret
// included, counts); the cache turns equal looks into one shared sequence.
func (a article) segSGR(s, e int, mentions, dyn []mark) string {
	st := a.segStyle(s, e, mentions, dyn)
	if a.paint == nil {
		return sgrOf(st)
	}
	fp := fingerprint(st)
	if sgr, hit := a.paint.sgr[fp]; hit {
		return sgr
	}
	sgr := sgrOf(st)
	a.paint.sgr[fp] = sgr
	return sgr
}

// look is what a style does to text: the comparable part of a
// lipgloss.Style that sgrOf reads.
type look struct {
	attrs          uint16
	fg, bg, ulc    [4]uint32
	hasFg, hasBg   bool
	hasUlc         bool
	underlineStyle ansi.Underline
}

// fingerprint is st's look, cheap to compute and usable as a map key.
func fingerprint(st lipgloss.Style) look {
	var l look
	for i, on := range [...]bool{st.GetBold(), st.GetFaint(), st.GetItalic(), st.GetBlink(),
		st.GetReverse(), st.GetStrikethrough()} {
		if on {
			l.attrs |= 1 << i
		}
	}
	l.underlineStyle = st.GetUnderlineStyle()
	l.fg, l.hasFg = rgba(st.GetForeground())
	l.bg, l.hasBg = rgba(st.GetBackground())
	l.ulc, l.hasUlc = rgba(st.GetUnderlineColor())
	return l
}

// rgba is c's components, ok false when c is unset.
func rgba(c color.Color) (v [4]uint32, ok bool) {
	if !isColor(c) {
		return v, false
	}
	v[0], v[1], v[2], v[3] = c.RGBA()
	return v, true
}

// writeStyled writes text between an SGR sequence and a reset.
func writeStyled(b *strings.Builder, sgr, text string) {
	if sgr == "" {
		b.WriteString(text)
		return
	}
	b.WriteString(sgr)
	b.WriteString(text)
	b.WriteString(ansi.ResetStyle)
}

// sgrOf is the SGR sequence that turns on a lipgloss style's text
// attributes and colours, "" when it sets none. Layout properties (padding,
// width, borders) are ignored: the painter only styles runs of text.
func sgrOf(st lipgloss.Style) string {
	var s ansi.Style
	if st.GetBold() {
		s = s.Bold()
	}
	if st.GetFaint() {
		s = s.Faint()
	}
	if st.GetItalic() {
		s = s.Italic(true)
	}
	if st.GetUnderline() {
		s = s.UnderlineStyle(st.GetUnderlineStyle())
	}
	if st.GetBlink() {
		s = s.Blink(true)
	}
	if st.GetReverse() {
		s = s.Reverse(true)
	}
	if st.GetStrikethrough() {
		s = s.Strikethrough(true)
	}
	if c := st.GetForeground(); isColor(c) {
		s = s.ForegroundColor(c)
	}
	if c := st.GetBackground(); isColor(c) {
		s = s.BackgroundColor(c)
	}
	if c := st.GetUnderlineColor(); isColor(c) {
		s = s.UnderlineColor(c)
	}
	if len(s) == 0 {
		return ""
	}
	return s.String()
}

// isColor reports whether c is a colour rather than lipgloss's "unset".
func isColor(c color.Color) bool {
	if c == nil {
		return false
	}
	_, none := c.(lipgloss.NoColor)
	return !none
}
