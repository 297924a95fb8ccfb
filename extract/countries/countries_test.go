package countries

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-reader/dossier/extract/text"
)

// found runs Find and renders each match as "text=ISO3" (country) or
// "text~ISO3" (demonym).
func found(src string, people []text.Span) []string {
	var out []string
	for _, m := range Find(text.Analyze(src), people) {
		sep := "="
		if m.Demonym {
			sep = "~"
		}
		out = append(out, src[m.Start:m.End]+sep+m.Country.ISO3)
	}
	return out
}

func TestFind(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"names", "Russia and Ukraine met in Belarus.", []string{"Russia=RUS", "Ukraine=UKR", "Belarus=BLR"}},
		{"us forms", "U.S. troops, the US, the United States and America.", []string{"U.S.=USA", "US=USA", "United States=USA", "America=USA"}},
		{"uk forms", "Britain, Great Britain, the UK and the U.K. agree", []string{"Britain=GBR", "Great Britain=GBR", "UK=GBR", "U.K.=GBR"}},
		{"korea", "South Korea, S. Korea, North Korea and Korea.", []string{"South Korea=KOR", "S. Korea=KOR", "North Korea=PRK", "Korea=KOR"}},
		{"renamed", "Ivory Coast or Côte d'Ivoire; Burma or Myanmar; Czechia or the Czech Republic.",
			[]string{"Ivory Coast=CIV", "Côte d'Ivoire=CIV", "Burma=MMR", "Myanmar=MMR", "Czechia=CZE", "Czech Republic=CZE"}},
		{"former states", "the Soviet Union, East Germany, West Germany, Yugoslavia and Czechoslovakia",
			[]string{"Soviet Union=SUN", "East Germany=DDR", "West Germany=DEU", "Yugoslavia=YUG", "Czechoslovakia=CSK"}},
		{"demonyms", "Russian and the Russians, a Briton, the Britons, a Soviet tank, a Pakistani, a Dutchman.",
			[]string{"Russian~RUS", "Russians~RUS", "Briton~GBR", "Britons~GBR", "Soviet~SUN", "Pakistani~PAK", "Dutchman~NLD"}},
		{"compound made", "U.S.-made anti-tank weapons and Soviet-made howitzers", []string{"U.S.=USA", "Soviet~SUN"}},
		{"compound pair", "the UK-France summit on the Syria-Iraq border", []string{"UK=GBR", "France=FRA", "Syria=SYR", "Iraq=IRQ"}},
		{"compound led", "a U.S.-led coalition and Russian-backed rebels", nil},
		{"all caps", "SOCCER - JAPAN BEAT SOUTH KOREA", []string{"JAPAN=JPN", "SOUTH KOREA=KOR"}},
		{"lowercase bird", "roast turkey on fine china", nil},
		{"turkey country", "Turkey and China", []string{"Turkey=TUR", "China=CHN"}},
		{"georgia state city", "He lives in Atlanta, Georgia.", nil},
		{"georgia tech", "Georgia Tech beat Clemson.", nil},
		{"georgia governor", "The Georgia governor signed it.", nil},
		{"georgia country", "Tbilisi, Georgia and Armenia, Georgia and Azerbaijan", []string{"Georgia=GEO", "Armenia=ARM", "Georgia=GEO", "Azerbaijan=AZE"}},
		{"jordan person", "Michael Jordan scored 30. Jordan said he was tired.", nil},
		{"jordan speech", "Jordan said he would retire.", nil},
		{"jordan country", "Jordan and Syria share a border. King Hussein of Jordan spoke.", []string{"Jordan=JOR", "Syria=SYR", "Jordan=JOR"}},
		{"chad person", "Chad Johnson caught two passes.", nil},
		{"chad country", "troops in Chad and Niger", []string{"Chad=TCD", "Niger=NER"}},
		{"guinea pig", "a Guinea pig and Papua New Guinea, not New Guinea, nor Guinea-Bissau but Guinea",
			[]string{"Papua New Guinea=PNG", "Guinea-Bissau=GNB", "Guinea=GIN"}},
		{"us open", "She won the U.S. Open and the Australian Open.", nil},
		{"org names", "American Airlines, American Express, Air France and the Bank of Japan", nil},
		{"border", "the Ukraine border", []string{"Ukraine=UKR"}},
		{"capitals", "Moscow, Kyiv and Washington", nil},
		{"new mexico", "New Mexico and Mexico", []string{"Mexico=MEX"}},
		{"dominican", "the Dominican Republic, Dominica and a Dominican", []string{"Dominican Republic=DOM", "Dominica=DMA", "Dominican~DOM"}},
		{"niger nigeria", "Nigeria and Niger, the Nigerians and a Nigerien", []string{"Nigeria=NGA", "Niger=NER", "Nigerians~NGA", "Nigerien~NER"}},
		{"congo", "Congo and the Democratic Republic of Congo", []string{"Congo=COG", "Democratic Republic of Congo=COD"}},
		{"indian", "the Indian Ocean, an American Indian tribe, an Indian reservation, Indian troops", []string{"Indian~IND"}},
		{"english", "English and British fans", []string{"British~GBR"}},
		{"swiss franc", "the Swiss franc", []string{"Swiss~CHE"}},
		{"ira", "the Irish Republican Army and the Irish government", []string{"Irish~IRL"}},
		{"ethnic", "Iraqi Kurds and Bosnian Serbs met Iraqi officials", []string{"Iraqi~IRQ"}},
		{"period at line end", "not expected in U.S.\nWASHINGTON", []string{"U.S=USA"}},
		{"no line crossing", "Czech\nRepublic", []string{"Czech~CZE"}},
		{"plural actor", "The Israelis and Palestinians met. Libyans are wary.", []string{"Israelis~ISR", "Palestinians~PSE", "Libyans~LBY"}},
		{"plural counted", "292 Iraqis died; many Syrians work here; firms employ Syrians.", nil},
		{"language", "VOA Russian service and Russian speakers", nil},
		{"currency", "worth US$ 300 million in the US", []string{"US=USA"}},
		{"caps tour", "TOUR OF NETHERLANDS STAGE", nil},
		{"possessive org", "Iraq's Kurdistan Democratic Party and the Pakistan People's Party", []string{"Iraq=IRQ"}},
		{"org run", "the U.S. Agriculture Department and U.S. President Bill Clinton", []string{"U.S.=USA"}},
		{"possessive", "Russia's army and Britain’s navy", []string{"Russia=RUS", "Britain=GBR"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := found(c.src, nil); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Find(%q) = %q, want %q", c.src, got, c.want)
			}
		})
	}
}

func TestFindSkipsPeople(t *testing.T) {
	src := "Chad Smith met officials from Chad."
	people := []text.Span{{Start: 0, End: len("Chad Smith")}}
	if got, want := found(src, people), []string{"Chad=TCD"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTable(t *testing.T) {
	seen2, seen3 := map[string]string{}, map[string]string{}
	for _, c := range All() {
		if c.ISO2 != strings.ToUpper(c.ISO2) || c.ISO3 != strings.ToUpper(c.ISO3) {
			t.Errorf("%s: codes %s/%s not upper case", c.Name, c.ISO2, c.ISO3)
		}
		// West Germany shares Germany's codes (the state continued as Germany).
		if o, ok := seen3[c.ISO3]; ok && c.Name != "West Germany" {
			t.Errorf("%s and %s share %s", o, c.Name, c.ISO3)
		}
		if o, ok := seen2[c.ISO2]; ok && c.Name != "West Germany" {
			t.Errorf("%s and %s share %s", o, c.Name, c.ISO2)
		}
		seen2[c.ISO2], seen3[c.ISO3] = c.Name, c.Name
	}
	if n := len(All()); n < 195 {
		t.Errorf("table has %d states, want at least 195", n)
	}
	for name, iso := range map[string]string{"Soviet Union": "SU/SUN", "East Germany": "DD/DDR",
		"Yugoslavia": "YU/YUG", "Czechoslovakia": "CS/CSK", "United Kingdom": "GB/GBR"} {
		c := Lookup(name)
		if c == nil || c.ISO2+"/"+c.ISO3 != iso {
			t.Errorf("Lookup(%q) = %v, want %s", name, c, iso)
		}
	}
	if _, err := parseTable("name\tx\n"); err == nil {
		t.Error("parseTable accepted a malformed line")
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"Russian": "Russians", "German": "Germans", "Dutchman": "Dutchmen",
		"Frenchwoman": "Frenchwomen", "Swiss": "", "Chinese": "", "Polish": "", "Seychellois": "", "Iraqi": "Iraqis"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func ExampleFind() {
	src := "Lithuania will send U.S.-made anti-tank weapons to Ukraine, a Ukrainian official said."
	for _, m := range Find(text.Analyze(src), nil) {
		fmt.Println(src[m.Start:m.End], m.Country.Name, m.Country.ISO2, m.Demonym)
	}
	// Output:
	// Lithuania Lithuania LT false
	// U.S. United States US false
	// Ukraine Ukraine UA false
	// Ukrainian Ukraine UA true
}

// TestSplitWordsMatchesReference compares splitWords with refSplitWords
// (fuzz_test.go) on the hyphens and dashes the tokenizer makes.
func TestSplitWordsMatchesReference(t *testing.T) {
	for _, src := range []string{
		"", "U.S.-made anti-tank", "wait -- no --- yes ---- ok", "1996-08-30 -", "-Russian- Korea- -x",
		"UK-France-Germany", "a - b", "Guinea-Bissau’s", "x-'s", "\xff-\xfe", "—-—",
	} {
		a := text.Analyze(src)
		if ws, ref := splitWords(a.Tokens, src, nil), refSplitWords(a.Tokens, src); !slices.Equal(ws, ref) {
			t.Errorf("splitWords(%q) =\n%+v\nreference\n%+v", src, ws, ref)
		}
	}
}
