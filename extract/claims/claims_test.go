package claims

import (
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/text"
)

// want is one expected claim, by the texts of its spans.
type want struct {
	source, cue, content string
	pieces               int
	speaker              string
	kind                 Kind
}

func spanText(src string, sp *text.Span) string {
	if sp == nil {
		return ""
	}
	return src[sp.Start:sp.End]
}

func TestFindConstructions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"said that", "Blinken said that the talks had failed.",
			[]want{{"Blinken", "said", "that the talks had failed", 0, "Blinken", Indirect}}},
		{"told object that", "A senior State Department official later told VOA that no order has come down.",
			[]want{{"A senior State Department official", "told", "that no order has come down", 0, "senior State Department official", Indirect}}},
		{"quote then attribution", "“We will respond to any deterioration,” she said.",
			[]want{{"she", "said", "“We will respond to any deterioration,”", 0, "she", Direct}}},
		{"split quote", "“We conduct rigorous planning,” the spokesperson added. “We are already at Level Four.”",
			[]want{{"the spokesperson", "added", "“We conduct rigorous planning,” the spokesperson added. “We are already at Level Four.”", 2, "spokesperson", Direct}}},
		{"inverted", "There should not be any military intervention, said Secretary-General António Guterres.",
			[]want{{"Secretary-General António Guterres", "said", "There should not be any military intervention", 0, "Secretary-General António Guterres", Indirect}}},
		{"according to", "According to the source, the evacuation plan was relayed on Friday.",
			[]want{{"the source", "According to", "the evacuation plan was relayed on Friday", 0, "source", Indirect}}},
		{"according to after", "The plan was relayed on Friday, according to the source.",
			[]want{{"the source", "according to", "The plan was relayed on Friday", 0, "source", Indirect}}},
		{"mixed", "Lavrov called the talks “constructive and useful.”",
			[]want{{"Lavrov", "called", "the talks “constructive and useful.”", 0, "Lavrov", Mixed}}},
		{"straight quotes, mismatched close", "“We are ready,\" he said.",
			[]want{{"he", "said", "“We are ready,\"", 0, "he", Direct}}},
		{"quote over two paragraphs", "“The first paragraph goes on.\n\n“The second one ends it,” Blinken said.",
			[]want{{"Blinken", "said", "“The first paragraph goes on.\n\n“The second one ends it,”", 0, "Blinken", Direct}}},
		{"scare quotes", "The so-called “peace plan” was rejected by both sides.", nil},
		{"adding", "Blinken said the talks were useful, adding that more work was needed.",
			[]want{{"Blinken", "said", "the talks were useful", 0, "Blinken", Indirect},
				{"Blinken", "adding", "that more work was needed", 0, "Blinken", Indirect}}},
		{"appositive source", "Richard Revesz, director of the institute, said the states were exaggerating.",
			[]want{{"Richard Revesz, director of the institute", "said", "the states were exaggerating", 0, "Richard Revesz, director of the institute", Indirect}}},
		{"orphan quote inherits", "“We are ready,” Blinken said.\n\n“The alliance stands united today.”",
			[]want{{"Blinken", "said", "“We are ready,”", 0, "Blinken", Direct},
				{"", "", "“The alliance stands united today.”", 0, "Blinken", Direct}}},
		{"organisation", "The State Department said the talks were useful.",
			[]want{{"The State Department", "said", "the talks were useful", 0, "State Department", Indirect}}},
		{"nominal refers back", "A State Department spokesperson told VOA that no order was given. The spokesperson said flights are available.",
			[]want{{"A State Department spokesperson", "told", "that no order was given", 0, "State Department spokesperson", Indirect},
				{"The spokesperson", "said", "flights are available", 0, "State Department spokesperson", Indirect}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(text.Analyze(tt.in), nil)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d claims, want %d: %+v", len(got), len(tt.want), describe(tt.in, got))
			}
			for i, w := range tt.want {
				c := got[i]
				g := want{spanText(tt.in, c.Source), spanText(tt.in, c.Cue), tt.in[c.Content.Start:c.Content.End], len(c.Pieces), c.Speaker, c.Kind}
				if g != w {
					t.Errorf("claim %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

func TestSpeakerResolution(t *testing.T) {
	const in = "U.S. Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov. " +
		"NATO spokesperson Oana Lungescu spoke later. She said the alliance is united. " +
		"The Russian foreign minister said the talks were useful. Blinken said more work is needed."
	at := func(s string) text.Span {
		i := strings.Index(in, s)
		return text.Span{Start: i, End: i + len(s)}
	}
	people := []Person{
		{Name: "Antony Blinken", Role: "U.S. Secretary of State", Mentions: []text.Span{at("Antony Blinken")}},
		{Name: "Sergei Lavrov", Role: "Russian Foreign Minister", Mentions: []text.Span{at("Sergei Lavrov")}},
		{Name: "Oana Lungescu", Role: "NATO spokesperson", Mentions: []text.Span{at("Oana Lungescu")}},
	}
	got := Find(text.Analyze(in), people)
	wantSpk := []struct {
		name   string
		person int
	}{{"Oana Lungescu", 2}, {"Sergei Lavrov", 1}, {"Antony Blinken", 0}}
	if len(got) != len(wantSpk) {
		t.Fatalf("got %d claims, want %d: %v", len(got), len(wantSpk), describe(in, got))
	}
	for i, w := range wantSpk {
		if got[i].Speaker != w.name || got[i].Person != w.person {
			t.Errorf("claim %d: speaker %q person %d, want %q %d", i, got[i].Speaker, got[i].Person, w.name, w.person)
		}
	}
}

// describe renders claims for failure messages and the golden file.
func describe(src string, cs []Claim) []string {
	var out []string
	for _, c := range cs {
		content := strings.Join(strings.Fields(src[c.Content.Start:c.Content.End]), " ")
		if f := strings.Fields(content); len(f) > 6 {
			content = strings.Join(f[:6], " ") + " …"
		}
		out = append(out, content+" | "+spanText(src, c.Cue)+" | "+c.Speaker+" | "+c.Kind.String())
	}
	return out
}

func TestFindEmpty(t *testing.T) {
	if got := Find(text.Analyze(""), nil); got != nil {
		t.Errorf("empty text: %v", got)
	}
	if got := Find(nil, nil); got != nil {
		t.Errorf("nil analysis: %v", got)
	}
}
