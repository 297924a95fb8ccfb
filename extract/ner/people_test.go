package ner

import (
	"fmt"
	"slices"
	"testing"

	"github.com/dossier-reader/dossier/extract/text"
)

// summary renders people as "Name [Role] xN" for comparison.
func summary(ps []Person) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s [%s] x%d", p.Name, p.Role, len(p.Mentions)))
	}
	return out
}

func TestGrouping(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"surname joins full name",
			"Russian Foreign Minister Sergei Lavrov arrived in Geneva. Lavrov said the talks were useful.",
			[]string{"Sergei Lavrov [Russian Foreign Minister] x2"}},
		{"spelling variants merge",
			"Sergei Lavrov met Antony Blinken on Friday. Later, Sergey Lavrov told reporters the meeting was frank.",
			[]string{"Sergei Lavrov [] x2", "Antony Blinken [] x1"}},
		{"surname before full name",
			"Blinken flew to Berlin on Thursday. U.S. Secretary of State Antony Blinken met German officials there.",
			[]string{"Antony Blinken [U.S. Secretary of State] x2"}},
		{"same surname, other first name",
			"Mark Waugh scored 120 and his brother Steve Waugh made 40 before tea.",
			[]string{"Mark Waugh [] x1", "Steve Waugh [] x1"}},
		{"role with lower-case title",
			"\"We have nothing to announce,\" Pentagon press secretary John Kirby told reporters.",
			[]string{"John Kirby [Pentagon press secretary] x1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := summary(Find(text.Analyze(c.src)))
			if !slices.Equal(got, c.want) {
				t.Errorf("Find(%q)\n got %q\nwant %q", c.src, got, c.want)
			}
		})
	}
}

func TestSameFirstName(t *testing.T) {
	for _, c := range []struct {
		x, y string
		want bool
	}{
		{"sergei", "sergey", true},
		{"j", "john", true},
		{"john", "jim", false},
		{"mark", "steve", false},
		{"dmitry", "dmitri", true},
		{"ann", "anna", false}, // too short to call a spelling variant
		{"alexander", "alexandr", true},
	} {
		if got := sameFirstName(c.x, c.y); got != c.want {
			t.Errorf("sameFirstName(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		x, y string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"sergei", "sergey", 1}, {"ö", "o", 1},
	} {
		if got := editDistance([]rune(c.x), []rune(c.y)); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.x, c.y, got, c.want)
		}
	}
}
