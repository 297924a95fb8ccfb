package ui

import (
	"sort"

	"github.com/dossier-reader/dossier/extract"
)

// markKind says how a marked span of the article is painted.
type markKind uint8

// The mark kinds: the three mention styles, then the marks of a selection.
const (
	markPerson markKind = iota
	markCountry
	markWeapon
	markClaim    // the content of any claim (drawn as a bar in the gutter)
	markClaimSel // the content of the selected claim
	markSource   // the source span of the selected claim
	markCue      // the cue span of the selected claim
	markMatch    // a search match
)

// mentionMark maps a mention kind to its mark; demonyms look like countries.
func mentionMark(k extract.Kind) markKind {
	switch k {
	case extract.Person:
		return markPerson
	case extract.Weapon:
		return markWeapon
	}
	return markCountry
}

// mark is a styled span of the article.
type mark struct {
	extract.Span
	kind markKind
}

// markIndex finds the marks that overlap a byte range in O(log n): marks are
// sorted by start, and maxEnd[i] is the largest end among marks[:i+1], so the
// first candidate is the first mark whose running maximum passes the range.
type markIndex struct {
	marks  []mark
	maxEnd []int
}

// newMarkIndex sorts marks by start and indexes them.
func newMarkIndex(marks []mark) markIndex {
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	maxEnd := make([]int, len(marks))
	m := 0
	for i, mk := range marks {
		m = max(m, mk.End)
		maxEnd[i] = m
	}
	return markIndex{marks: marks, maxEnd: maxEnd}
}

// overlapping appends to dst the marks that share a byte with [a, b).
func (x markIndex) overlapping(dst []mark, a, b int) []mark {
	i := sort.SearchInts(x.maxEnd, a+1)
	for ; i < len(x.marks) && x.marks[i].Start < b; i++ {
		if x.marks[i].End > a {
			dst = append(dst, x.marks[i])
		}
	}
	return dst
}

// lineAt returns the index of the line that holds byte offset off: the last
// line starting at or before it.
func lineAt(lines []line, off int) int {
	i := sort.Search(len(lines), func(i int) bool { return lines[i].start > off })
	return max(i-1, 0)
}
