package weapons

import (
	"bufio"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/text"
)

// sentenceCase is one line of testdata/sentences.txt.
type sentenceCase struct {
	line   int
	kind   string // "pos" or "trap"
	text   string // the sentence without markup
	want   []string
	groups map[string]string // mention text → expected Groups[0], where given
}

// parseCase strips [[mention]] and [[mention|Group]] markup from a sentence.
func parseCase(line int, kind, marked string) sentenceCase {
	c := sentenceCase{line: line, kind: kind, groups: map[string]string{}}
	var b strings.Builder
	for {
		i := strings.Index(marked, "[[")
		if i < 0 {
			b.WriteString(marked)
			break
		}
		j := strings.Index(marked[i:], "]]") + i
		b.WriteString(marked[:i])
		mention, group, hasGroup := strings.Cut(marked[i+2:j], "|")
		b.WriteString(mention)
		c.want = append(c.want, mention)
		if hasGroup {
			c.groups[mention] = group
		}
		marked = marked[j+2:]
	}
	c.text = b.String()
	return c
}

func readCases(t *testing.T) []sentenceCase {
	f, err := os.Open("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []sentenceCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		kind, marked, ok := strings.Cut(line, "\t")
		if !ok || (kind != "pos" && kind != "trap") {
			t.Fatalf("sentences.txt:%d: want pos|trap<TAB>sentence", n)
		}
		cases = append(cases, parseCase(n, kind, marked))
	}
	return cases
}

// TestSentences runs the table in testdata/sentences.txt and reports how many
// positive mentions were found and how many trap sentences were passed.
func TestSentences(t *testing.T) {
	cases := readCases(t)
	var found, wanted, avoided, traps int
	for _, c := range cases {
		ms := Find(text.Analyze(c.text), nil)
		var got []string
		for _, m := range ms {
			got = append(got, c.text[m.Start:m.End])
			if g, ok := c.groups[c.text[m.Start:m.End]]; ok && m.Groups[0] != g {
				t.Errorf("line %d: %q: Groups %q, want %q first", c.line, c.text[m.Start:m.End], m.Groups, g)
			}
		}
		ok := reflect.DeepEqual(got, c.want) || len(got) == 0 && len(c.want) == 0
		if c.kind == "trap" {
			traps++
			if ok {
				avoided++
			}
		} else {
			wanted += len(c.want)
			for _, w := range c.want {
				for _, g := range got {
					if g == w {
						found++
						break
					}
				}
			}
		}
		if !ok {
			t.Errorf("line %d: %s\n got  %q\n want %q", c.line, c.text, got, c.want)
		}
	}
	t.Logf("positives: %d/%d mentions found; traps: %d/%d sentences avoided", found, wanted, avoided, traps)
}

func TestLexiconParses(t *testing.T) {
	l, err := parseLexicon(lexiconTSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.names) < 100 || len(l.words) < 200 {
		t.Errorf("lexicon looks short: %d names, %d words", len(l.names), len(l.words))
	}
	for _, bad := range []string{"head\t", "bogus\tx", "head\tx\tfrobnicate", "name\tFoo"} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q): no error", bad)
		}
	}
}

func TestGroupsAndClass(t *testing.T) {
	tests := []struct {
		src    string
		groups []string
		class  string
	}{
		{"They sent U.S.-made anti-tank and anti-aircraft missiles.",
			[]string{"anti-tank and anti-aircraft missiles", "anti-tank missiles", "anti-aircraft missiles"}, ""},
		{"Ukraine received Javelin missiles from the army.", []string{"Javelin", "anti-tank missiles"}, "anti-tank missile"},
		{"A missile hit the house.", []string{"missile", "missiles"}, ""},
		{"Soldiers found IEDs.", []string{"IEDs"}, ""},
		{"The T-72B3 tanks rolled in.", []string{"T-72", "main battle tanks"}, "main battle tank"},
	}
	for _, tt := range tests {
		ms := Find(text.Analyze(tt.src), nil)
		if len(ms) != 1 {
			t.Errorf("%q: %d matches, want 1", tt.src, len(ms))
			continue
		}
		if !reflect.DeepEqual(ms[0].Groups, tt.groups) || ms[0].Class != tt.class {
			t.Errorf("%q: Groups %q Class %q, want %q %q", tt.src, ms[0].Groups, ms[0].Class, tt.groups, tt.class)
		}
	}
}

func TestPeopleSkipped(t *testing.T) {
	src := "Bradley said the Bradley fighting vehicles arrived with the troops."
	a := text.Analyze(src)
	ms := Find(a, []text.Span{{Start: 0, End: 7}})
	if len(ms) != 1 || src[ms[0].Start:ms[0].End] != "Bradley fighting vehicles" {
		t.Errorf("got %v", ms)
	}
}
