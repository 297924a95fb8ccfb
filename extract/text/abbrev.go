package text

// abbreviations are words that take a period without ending a sentence.
// Lower-cased for lookup; the titles among them also help the person tagger.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "mt": true, "ft": true, "gen": true, "lt": true, "col": true, "maj": true,
	"capt": true, "cpt": true, "sgt": true, "cpl": true, "adm": true, "cmdr": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "hon": true, "pres": true, "supt": true, "insp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "bros": true, "dept": true, "univ": true,
	"no": true, "nos": true, "vol": true, "vs": true, "etc": true, "approx": true, "est": true, "fig": true,
	"ave": true, "blvd": true, "rd": true, "mass": true, "calif": true, "fla": true, "ill": true,
	"penn": true, "wash": true, "tex": true, "ariz": true, "conn": true, "mich": true, "minn": true,
}

// IsAbbreviation reports whether word (without its period) is a known
// abbreviation that takes a period ("Jan", "Mr", "Gen").
func IsAbbreviation(word string) bool {
	if len(word) > 6 {
		return false
	}
	var buf [6]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(word)])]
}
