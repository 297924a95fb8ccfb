package claims

import (
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/text"
)

// TestSpeakerIntroducedBefore: a nominal source ("the spokesperson") names
// someone already introduced, never a person whose role matches but who
// only appears later in the article.
func TestSpeakerIntroducedBefore(t *testing.T) {
	src := "A State Department spokesperson told VOA that no order was given. " +
		"“We plan for every case,” the spokesperson added. " +
		"Later, NATO spokesperson Oana Lungescu said the alliance would not renounce its ability to defend itself."
	at := strings.Index(src, "Oana Lungescu")
	people := []Person{{Name: "Oana Lungescu", Role: "NATO spokesperson",
		Mentions: []text.Span{{Start: at, End: at + len("Oana Lungescu")}}}}
	cs := Find(text.Analyze(src), people)
	var got []string
	for _, c := range cs {
		got = append(got, c.Speaker)
		if strings.Contains(src[c.Content.Start:c.Content.End], "We plan") && c.Speaker != "State Department spokesperson" {
			t.Errorf("“We plan…” attributed to %q, want State Department spokesperson", c.Speaker)
		}
	}
	if len(cs) < 2 {
		t.Fatalf("found %d claims (%q), want the quotation and Lungescu's claim at least", len(cs), got)
	}
}

// TestSpeakerCountryIsNoRole: "The U.S." is the country speaking, not the
// person whose role happens to start with it ("U.S. President Joe Biden").
func TestSpeakerCountryIsNoRole(t *testing.T) {
	src := "U.S. President Joe Biden could talk to Vladimir Putin. " +
		"The U.S. also said that it would reassure its allies."
	at := strings.Index(src, "Joe Biden")
	people := []Person{{Name: "Joe Biden", Role: "U.S. President",
		Mentions: []text.Span{{Start: at, End: at + len("Joe Biden")}}}}
	for _, c := range Find(text.Analyze(src), people) {
		if c.Source != nil && src[c.Source.Start:c.Source.End] == "The U.S." && c.Speaker == "Joe Biden" {
			t.Errorf("“The U.S.” resolved to Joe Biden")
		}
	}
}
