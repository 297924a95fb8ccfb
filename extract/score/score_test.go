package score

import (
	"encoding/json"
	"strings"
	"testing"
)

// docs parses JSON lines written with single quotes for readability.
func docs(t *testing.T, gold bool, lines ...string) []Doc {
	t.Helper()
	r := strings.NewReader(strings.ReplaceAll(strings.Join(lines, "\n"), "'", `"`))
	if gold {
		d, err := ReadGold(r)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	d, err := ReadPred(r)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func typeResult(t *testing.T, r Result, typ string) TypeResult {
	t.Helper()
	for _, x := range r.Types {
		if x.Type == typ {
			return x
		}
	}
	t.Fatalf("no %s in %+v", typ, r.Types)
	return TypeResult{}
}

const text = `Vladimir Putin met Joe Biden. Putin said the talks were useful.`

func TestEntities(t *testing.T) {
	gold := `{'id':'a','annotated':['person'],'text':'` + text + `','entities':[` +
		`{'start':0,'end':14,'type':'person','text':'Vladimir Putin','entity':'Vladimir Putin'},` +
		`{'start':19,'end':28,'type':'person','text':'Joe Biden','entity':'Joe Biden'},` +
		`{'start':30,'end':35,'type':'person','text':'Putin','entity':'Vladimir Putin'}]}`
	for _, tt := range []struct {
		name             string
		pred             string
		gold, pred1      int
		exact, over, pan PRF
	}{
		{"all exact", `[{'start':0,'end':14,'type':'person','entity':'Vladimir Putin'},{'start':19,'end':28,'type':'person'},{'start':30,'end':35,'type':'person'}]`,
			3, 3, PRF{1, 1, 1}, PRF{1, 1, 1}, PRF{1, 1, 1}},
		{"partial spans overlap", `[{'start':9,'end':14,'type':'person'},{'start':23,'end':28,'type':'person'}]`,
			3, 2, PRF{0, 0, 0}, PRF{1, 0.6667, 0.8}, PRF{0.5, 0.5, 0.5}}, // putin is an alias, biden is not
		{"one-to-one: two preds on one gold", `[{'start':0,'end':8,'type':'person'},{'start':9,'end':14,'type':'person'}]`,
			3, 2, PRF{0, 0, 0}, PRF{0.5, 0.3333, 0.4}, PRF{0.5, 0.5, 0.5}},
		{"duplicate spans count once, other types ignored", `[{'start':0,'end':14,'type':'person'},{'start':0,'end':14,'type':'person'},{'start':19,'end':28,'type':'country'}]`,
			3, 1, PRF{1, 0.3333, 0.5}, PRF{1, 0.3333, 0.5}, PRF{1, 0.5, 0.6667}},
		{"pane is case- and space-insensitive", `[{'start':30,'end':35,'type':'person','entity':' VLADIMIR   putin '}]`,
			3, 1, PRF{1, 0.3333, 0.5}, PRF{1, 0.3333, 0.5}, PRF{1, 0.5, 0.6667}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pred := `{'id':'a','entities':` + tt.pred + `}`
			r := typeResult(t, Score(docs(t, true, gold), docs(t, false, pred), Options{}), "person")
			if r.Gold != tt.gold || r.Pred != tt.pred1 || r.Exact != tt.exact || r.Overlap != tt.over || r.Pane == nil || r.Pane.PRF != tt.pan {
				t.Errorf("got gold %d pred %d exact %v overlap %v pane %+v", r.Gold, r.Pred, r.Exact, r.Overlap, r.Pane)
			}
		})
	}
}

// TestOverlapGreedy: the largest overlap is matched first, so a greedy
// pass can miss the best total (as score.py does).
func TestOverlapGreedy(t *testing.T) {
	for _, tt := range []struct {
		pred, gold [][2]int
		want       int
	}{
		{[][2]int{{0, 10}}, [][2]int{{0, 4}, {5, 10}}, 1},
		{[][2]int{{0, 6}, {5, 10}}, [][2]int{{0, 10}}, 1},
		{[][2]int{{2, 9}, {0, 3}}, [][2]int{{0, 5}, {5, 9}}, 2},
		{[][2]int{{3, 8}, {7, 9}}, [][2]int{{0, 5}, {5, 9}}, 1}, // 3-8 takes 5-9 (3 > 2), 7-9 is left with nothing
		{[][2]int{{0, 5}}, [][2]int{{5, 9}}, 0},
	} {
		if got := overlapMatches(tt.pred, tt.gold); got != tt.want {
			t.Errorf("overlap(%v, %v) = %d, want %d", tt.pred, tt.gold, got, tt.want)
		}
	}
}

func TestClaims(t *testing.T) {
	// words: Kirby said | that the talks were very useful and long | (7 more)
	const tx = `Kirby said that the talks were very useful and long. Pentagon press secretary John Kirby spoke today.`
	gold := `{'id':'c','text':'` + tx + `','claims':[{'source':[0,5],'cue':[6,10],'content':[11,51],'speaker':'John Kirby'}]}`
	for _, tt := range []struct {
		name            string
		claim           string
		matched         int
		sourceOK, cueOK bool
	}{
		{"same spans", `{'source':[0,5],'cue':[6,10],'content':[11,51]}`, 1, true, true},
		{"half of gold's words", `{'source':null,'cue':[6,10],'content':[11,30]}`, 1, false, true}, // that the talks were: 4 of 8
		{"just under half", `{'source':[0,5],'cue':[6,10],'content':[16,30]}`, 0, false, false},    // the talks were: 3 of 8
		{"half of pred's words", `{'source':[0,5],'cue':[6,10],'content':[0,51]}`, 1, true, true},  // 8 of 10
		{"too long", `{'source':[0,5],'cue':[6,10],'content':[0,101]}`, 0, false, false},           // 8 of 17
		{"source by speaker's last word", `{'source':[53,88],'cue':[6,10],'content':[11,51],'speaker':'Kirby'}`, 1, true, true},
		{"source by speaker's full name", `{'source':null,'cue':null,'content':[11,51],'speaker':' john  KIRBY'}`, 1, true, false},
		{"wrong speaker", `{'source':null,'cue':[6,10],'content':[11,51],'speaker':'Biden'}`, 1, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(docs(t, true, gold), docs(t, false, `{'id':'c','claims':[`+tt.claim+`]}`), Options{})
			c := r.Claims
			if c == nil || c.Matched != tt.matched {
				t.Fatalf("claims %+v, want %d matched", c, tt.matched)
			}
			ok := func(v *float64) bool { return v != nil && *v == 1 }
			if tt.matched == 1 && (ok(c.SourceAcc) != tt.sourceOK || ok(c.CueAcc) != tt.cueOK) {
				t.Errorf("source %v cue %v, want %v %v", fmtAcc(c.SourceAcc), fmtAcc(c.CueAcc), tt.sourceOK, tt.cueOK)
			}
		})
	}
}

func TestAnnotatedAndErrors(t *testing.T) {
	gold := docs(t, true,
		`{'id':'a','annotated':['country'],'text':'Russia and Putin','entities':[{'start':0,'end':6,'type':'country','text':'Russia'},{'start':11,'end':16,'type':'person','text':'Putin'}]}`,
		`{'id':'b','text':'Ukraine','entities':[{'start':0,'end':7,'type':'country','text':'Ukraine'}]}`,
		`{'id':'m','text':'Kyiv','entities':[]}`)
	pred := docs(t, false,
		`{'id':'a','text':'Russia and Putin','entities':[{'start':0,'end':6,'type':'country'},{'start':11,'end':16,'type':'person'},{'start':5,'end':99,'type':'country'},{'start':1.0,'end':3,'type':'country'},7]}`,
		`not json`, `{'no':'id'}`,
		`{'id':'b','text':'changed','claims':[{'content':[0,3],'source':[9,2]},{'content':null}]}`,
		`{'id':'other','entities':'xyz'}`)
	r := Score(gold, pred, Options{})
	want := Errors{{"bad_line", 2}, {"entity", 3}, {"text_differs", 1}, {"claim_source", 1}, {"claim", 1}}
	// person is scored for 'b' (no "annotated": the types of the file), not for 'a'.
	if r.MissingInPred != 1 || len(r.Types) != 2 || r.Types[0].Type != "person" || r.Types[0].Gold != 0 ||
		r.Types[1].Gold != 2 || r.Types[1].Exact.P != 1 || r.Types[1].Exact.R != 0.5 || r.Claims != nil {
		t.Errorf("got %+v", r)
	}
	if len(r.Errors) != len(want) {
		t.Fatalf("errors %v, want %v", r.Errors, want)
	}
	for i := range want {
		if r.Errors[i] != want[i] {
			t.Errorf("errors %v, want %v", r.Errors, want)
		}
	}
	r = Score(gold, pred, Options{Types: " country ,"})
	if len(r.Types) != 1 || r.Types[0].Gold != 2 || r.Claims != nil {
		t.Errorf("--types person: %+v", r.Types)
	}
}

func TestGoldErrors(t *testing.T) {
	for _, line := range []string{
		`{'text':'x'}`, `{'id':1}`, `{'id':1,'text':2}`, `[1]`, `null`,
		`{'id':1,'text':'x','entities':[{'start':0,'end':1}]}`,
		`{'id':1,'text':'x','entities':[{'start':0.5,'end':1,'type':'person'}]}`,
		`{'id':1,'text':'x','entities':null}`, `{'id':1,'text':'x','claims':[3]}`,
		`{'id':1,'text':'x','annotated':'person'}`,
	} {
		if _, err := ReadGold(strings.NewReader(strings.ReplaceAll(line, "'", `"`))); err == nil {
			t.Errorf("%s: no error", line)
		}
	}
}

func TestPython(t *testing.T) {
	for _, tt := range []struct{ in, lower, last string }{
		{"ΟΔΟΣ ΟΔΟΣ.", "οδος οδος.", "οδος"},
		{"İstanbul", "i\u0307stanbul", "i\u0307stanbul"},
		{"Mr. O’Neil-Smith.", "mr. o’neil-smith.", "o’neil-smith"},
		{"...", "...", ""},
	} {
		if got := pyLower(tt.in); got != tt.lower {
			t.Errorf("lower(%q) = %q, want %q", tt.in, got, tt.lower)
		}
		if got := lastWord(tt.in); got != tt.last {
			t.Errorf("lastWord(%q) = %q, want %q", tt.in, got, tt.last)
		}
	}
	for raw, want := range map[string]string{`"x"`: "x", `12`: "12", `-0`: "0", `1.0`: "1.0", `1e16`: "1e+16",
		`1e15`: "1000000000000000.0", `0.00001`: "1e-05", `true`: "True", `null`: "None", `1e400`: "inf"} {
		if got := pyStr(json.RawMessage(raw)); got != want {
			t.Errorf("pyStr(%s) = %q, want %q", raw, got, want)
		}
	}
	if got := wordSpans([]rune("a_b, é1 x\u0301y")); len(got) != 4 {
		t.Errorf("wordSpans: %v", got) // a_b | é1 | x | y (a combining mark is not \w)
	}
	if round4(0.66665) != 0.6666 || round4(2.0/3) != 0.6667 {
		t.Errorf("round4")
	}
}
