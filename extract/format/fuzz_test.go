package format

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadJSON feeds ReadJSON arbitrary bytes: it may refuse them but must
// not panic, and what it accepts must write and read back unchanged.
func FuzzReadJSON(f *testing.F) {
	var b bytes.Buffer
	WriteJSON(&b, unicodeDoc(f))
	f.Add(b.Bytes())
	f.Add([]byte(`{"text":"ab","entities":[{"start":0,"end":1,"type":"person","entity":"A"}],"claims":[]}`))
	f.Add([]byte(`{"text":"ab","entities":[],"claims":[{"content":[1,0],"source":[0,9]}]}`))
	f.Add([]byte(`{"text":"\u00e9","entities":[{"start":0,"end":1,"type":"weapon","entity":"x","also":["y",""]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteJSON(&out, d); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadJSON(&out); err != nil {
			t.Fatalf("ReadJSON refuses what WriteJSON wrote: %v", err)
		}
	})
}

// FuzzReadBrat feeds ReadBrat an arbitrary text and .ann: no panic, and an
// accepted document writes and reads back.
func FuzzReadBrat(f *testing.F) {
	d := unicodeDoc(f)
	var b bytes.Buffer
	WriteBrat(&b, d)
	f.Add(d.Text, b.String())
	f.Add("Blinken said.", "T1\tPerson 0 7\tBlinken\n#1\tAnnotatorNotes T1\tentity: A \\| B | role: x\n")
	f.Add("ab\ncd", "T1\tClaim 0 2;3 5\tab cd\nT2\tSource 0 1\ta\nR1\tHasSource Arg1:T1 Arg2:T2\nA1\tKind T1 direct\n")
	f.Add("x", "T1\tWeapon 0 1;0 1\tx x\nA1\tState T1\nR1\tHasCue Arg1:T9 Arg2:T1\n")
	f.Fuzz(func(t *testing.T, text, ann string) {
		d, err := ReadBrat(strings.NewReader(text), strings.NewReader(ann))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteBrat(&out, d); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadBrat(strings.NewReader(text), &out); err != nil {
			t.Fatalf("ReadBrat refuses what WriteBrat wrote: %v\n%s", err, out.String())
		}
	})
}
