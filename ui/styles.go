package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles holds every style the screen uses, built once per theme by
// newStyles; View code takes styles from here and never names a colour.
type Styles struct {
	Text    lipgloss.Style
	Person  lipgloss.Style // person mentions, and the People title
	Country lipgloss.Style // country and demonym mentions, and the Countries title
	Weapon  lipgloss.Style // weapon mentions, and the Weapons title
	Claim   lipgloss.Style // the Claims title and speakers

	Current  lipgloss.Style // laid over the current mention or match
	ClaimSel lipgloss.Style // laid over the selected claim's content
	Source   lipgloss.Style // the selected claim's source
	Cue      lipgloss.Style // the selected claim's cue
	Match    lipgloss.Style // a search match

	ClaimBar    lipgloss.Style // gutter bar beside claim lines
	ClaimBarSel lipgloss.Style // gutter bar beside the selected claim

	Border        lipgloss.Style // an unfocused pane's border
	BorderFocused lipgloss.Style // the focused pane's border
	Dim           lipgloss.Style // roles, classes, claim text in rows
	Count         lipgloss.Style // mention counts
	Cursor        lipgloss.Style // the selected row of the focused pane
	CursorBlur    lipgloss.Style // the selected row of another pane
	Empty         lipgloss.Style // "no weapons found"

	Status      lipgloss.Style // the status line's background
	StatusTitle lipgloss.Style // the article title in the status line
	StatusInfo  lipgloss.Style // position and selection in the status line
	Prompt      lipgloss.Style // the search prompt

	Caret     lipgloss.Style // the article's text cursor
	Selection lipgloss.Style // the article's selection (v)
	Rejected  lipgloss.Style // a rejected row's name

	Help help.Styles

	dark, mono bool // the theme, for glamour's standard style (markdown.go)
}

// Bar characters for the article gutter; distinct without colour.
const (
	claimBar    = "│"
	claimBarSel = "┃"
)

// palette is the colour choice for one background.
type palette struct {
	person, country, weapon, claim, match, dim, subtle, accent, barBg, barFg color.Color
}

// newPalette picks colours that read well on a dark or a light background.
func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return palette{
		person:  ld(c("#005FAF"), c("#7DC4FF")),
		country: ld(c("#2E7D32"), c("#8FD694")),
		weapon:  ld(c("#B3441E"), c("#FFA05C")),
		claim:   ld(c("#7B3FC4"), c("#C9A8F5")),
		match:   ld(c("#FFE08A"), c("#8A6D00")),
		dim:     ld(c("#7A7A7A"), c("#8A8A8A")),
		subtle:  ld(c("#C8C8C8"), c("#4A4A4A")),
		accent:  ld(c("#D7005F"), c("#FF5FAF")),
		barBg:   ld(c("#E4E4E4"), c("#303030")),
		barFg:   ld(c("#303030"), c("#D0D0D0")),
	}
}

// newStyles builds the styles for a background; with noColor the kinds stay
// apart by attributes alone (bold, underline, italic, reverse).
func newStyles(isDark, noColor bool) Styles {
	if noColor {
		return monoStyles()
	}
	p := newPalette(isDark)
	n := lipgloss.NewStyle
	return Styles{
		Text:          n(),
		Person:        n().Foreground(p.person).Bold(true),
		Country:       n().Foreground(p.country),
		Weapon:        n().Foreground(p.weapon),
		Claim:         n().Foreground(p.claim),
		Current:       n().Reverse(true).Bold(true),
		ClaimSel:      n().Underline(true),
		Source:        n().Foreground(p.claim).Reverse(true).Bold(true),
		Cue:           n().Foreground(p.claim).Bold(true).Underline(true),
		Match:         n().Background(p.match),
		ClaimBar:      n().Foreground(p.subtle),
		ClaimBarSel:   n().Foreground(p.claim),
		Border:        n().Foreground(p.subtle),
		BorderFocused: n().Foreground(p.accent),
		Dim:           n().Foreground(p.dim),
		Count:         n().Foreground(p.dim),
		Cursor:        n().Background(p.barBg).Bold(true),
		CursorBlur:    n().Background(p.barBg),
		Empty:         n().Foreground(p.dim).Italic(true),
		Status:        n().Background(p.barBg).Foreground(p.barFg),
		StatusTitle:   n().Background(p.accent).Foreground(lipgloss.Color("#FFFFFF")).Bold(true),
		StatusInfo:    n().Background(p.barBg).Foreground(p.barFg).Bold(true),
		Prompt:        n().Foreground(p.accent).Bold(true),
		Caret:         n().Background(p.accent).Foreground(lipgloss.Color("#FFFFFF")),
		Selection:     n().Background(p.match).Underline(true),
		Rejected:      n().Foreground(p.dim).Strikethrough(true),
		Help:          help.DefaultStyles(isDark),
		dark:          isDark,
	}
}

// monoStyles are the attribute-only styles for Options.NoColor.
func monoStyles() Styles {
	n := lipgloss.NewStyle
	return Styles{
		Text:          n(),
		Person:        n().Bold(true),
		Country:       n().Underline(true),
		Weapon:        n().Italic(true),
		Claim:         n().Bold(true).Italic(true),
		Current:       n().Reverse(true).Bold(true),
		ClaimSel:      n().Underline(true),
		Source:        n().Reverse(true),
		Cue:           n().Bold(true).Underline(true),
		Match:         n().Reverse(true),
		ClaimBar:      n(),
		ClaimBarSel:   n().Bold(true),
		Border:        n(),
		BorderFocused: n().Bold(true),
		Dim:           n().Faint(true),
		Count:         n(),
		Cursor:        n().Reverse(true),
		CursorBlur:    n().Underline(true),
		Empty:         n().Italic(true),
		Status:        n().Reverse(true),
		StatusTitle:   n().Reverse(true).Bold(true),
		StatusInfo:    n().Reverse(true).Bold(true),
		Prompt:        n().Bold(true),
		Caret:         n().Reverse(true),
		Selection:     n().Reverse(true).Underline(true),
		Rejected:      n().Faint(true).Strikethrough(true),
		Help:          monoHelp(),
		mono:          true,
	}
}

// monoHelp is help.Styles without colour.
func monoHelp() help.Styles {
	n := lipgloss.NewStyle
	return help.Styles{
		Ellipsis: n(), ShortKey: n().Bold(true), ShortDesc: n(), ShortSeparator: n(),
		FullKey: n().Bold(true), FullDesc: n(), FullSeparator: n(),
	}
}

// markStyle lays the style of mark kind k over s.
func (st Styles) markStyle(k markKind, s lipgloss.Style) lipgloss.Style {
	switch k {
	case markPerson:
		return st.Person
	case markCountry:
		return st.Country
	case markWeapon:
		return st.Weapon
	case markClaimSel:
		return st.ClaimSel.Inherit(s)
	case markSource:
		return st.Source
	case markCue:
		return st.Cue
	case markMatch:
		return st.Match.Inherit(s)
	}
	return s
}
