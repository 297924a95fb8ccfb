package score

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzParse: reading any bytes as gold or prediction lines, and scoring
// what was read, never panics, and the result always marshals.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Putin said ΟΔΟΣ.","entities":[{"start":0,"end":5,"type":"person","entity":"Putin"}],` +
		`"claims":[{"source":[0,5],"cue":[6,10],"content":[11,16],"content_pieces":[[11,12],[13,16]],"speaker":"Putin"}]}`))
	f.Add([]byte("{\"id\":1,\"text\":\"x\",\"entities\":\"ab\",\"claims\":{\"a\":1}}\r{\"id\":1e400}\n[1]\nnull"))
	f.Add([]byte(`{"id":"a","text":"xy","entities":[{"start":1.0,"end":true,"type":5,"entity":3},7],"claims":[1,{"content":[0,99]}]}`))
	f.Add([]byte(`{"id":"a","text":"ab","annotated":["person"],"entities":[{"start":-9223372036854775809,"end":99999999999999999999,"type":"person"}]}`))
	gold, _ := ReadGold(bytes.NewReader([]byte(`{"id":"a","text":"Putin said ΟΔΟΣ.","entities":[{"start":0,"end":5,"type":"person","entity":"Putin","text":"Putin"}],` +
		`"claims":[{"source":[0,5],"cue":[6,10],"content":[11,16],"speaker":"Putin"}]}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		pred, err := ReadPred(bytes.NewReader(data))
		if err != nil {
			return // a line longer than the limit
		}
		for _, opts := range []Options{{}, {Types: "person,person", Claims: true}} {
			mustMarshal(t, Score(gold, pred, opts))
		}
		if g, err := ReadGold(bytes.NewReader(data)); err == nil {
			mustMarshal(t, Score(g, pred, Options{}))
			mustMarshal(t, Score(g, g, Options{Types: "country"}))
		}
	})
}

func mustMarshal(t *testing.T, r Result) {
	if _, err := json.Marshal(r); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if r.WriteText(&b) != nil || r.WriteJSON(&b) != nil {
		t.Fatal("cannot write")
	}
}
