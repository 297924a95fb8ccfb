package ner

import (
	"slices"
	"testing"

	"github.com/dossier-reader/dossier/extract/text"
)

// names returns the text of every person mention of src, in text order.
func names(src string) []string {
	a := text.Analyze(src)
	var out []string
	for _, sp := range Spans(a) {
		out = append(out, src[sp.Start:sp.End])
	}
	return out
}

// TestHardCases: each row is a text and exactly the person mentions the
// tagger must find in it.
func TestHardCases(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"dateline", "LONDON 1996-08-30\nThe match was abandoned because of rain.", nil},
		{"all-caps headline", "SOCCER - BLINKEN WINS AGAIN.\nMOSCOW 1996-08-30\nStriker Antony Blinken scored twice for Spartak on Friday.",
			[]string{"BLINKEN", "Antony Blinken"}},
		{"title cut", "U.S. Secretary of State Antony Blinken said on Saturday the talks would go on.", []string{"Antony Blinken"}},
		{"possessive", "It was Antony Blinken’s first visit to Kyiv.", []string{"Antony Blinken"}},
		{"sentence-initial surname", "Sergei Lavrov met reporters in Moscow.\nLavrov said nothing new.", []string{"Sergei Lavrov", "Lavrov"}},
		{"sentence-initial common word", "Meanwhile, prices rose sharply in Tokyo.", nil},
		{"sentence-initial adverb before a name", "Later, Sergey Lavrov told reporters the meeting was frank.", []string{"Sergey Lavrov"}},
		{"particle de", "The talks were chaired by UN envoy Staffan de Mistura in Geneva.", []string{"Staffan de Mistura"}},
		{"particle bin", "Al Qaeda leader Osama bin Laden was killed in Pakistan in 2011.", []string{"Osama bin Laden"}},
		{"particle al-", "Iraqi Prime Minister Haider al-Abadi visited Washington on Tuesday.", []string{"Haider al-Abadi"}},
		{"diacritics", "UN Secretary-General António Guterres called for a ceasefire.", []string{"António Guterres"}},
		{"initials", "England captain P. Johnson made 84 before lunch.", []string{"P. Johnson"}},
		{"hyphenated", "French striker Jean-Pierre Papin scored on Sunday.", []string{"Jean-Pierre Papin"}},
		{"place not person", "Jordan and Syria signed a trade accord in Amman on Monday.", nil},
		{"person and place", "Michael Jordan scored 30 points as Chicago beat Houston.", []string{"Michael Jordan"}},
		{"company not person", "Shares of Johnson Controls rose 2 percent on the New York Stock Exchange.", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := names(c.src); !slices.Equal(got, c.want) {
				t.Errorf("names(%q)\n got %q\nwant %q", c.src, got, c.want)
			}
		})
	}
}

func TestFindEmpty(t *testing.T) {
	for _, s := range []string{"", "   ", "\n\n", "..."} {
		if got := Find(text.Analyze(s)); got != nil {
			t.Errorf("Find(%q) = %v, want nil", s, got)
		}
	}
}
