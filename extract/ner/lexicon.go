package ner

// titles are lower-cased words that come before a person's name as a title,
// office or job ("Secretary of State Antony Blinken", "striker Alan Shearer").
// They feed the model as a feature (so it learns, rather than is told, that
// a title word is usually outside the name) and mark where a Role starts and
// which leading words are cut off a predicted span.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "madam": true, "mister": true,
	"president": true, "vice": true, "president-elect": true, "premier": true, "prime": true,
	"minister": true, "secretary": true, "secretary-general": true, "chancellor": true,
	"senator": true, "sen": true, "rep": true, "representative": true, "congressman": true,
	"congresswoman": true, "governor": true, "gov": true, "mayor": true, "ambassador": true,
	"envoy": true, "deputy": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"chairman": true, "chairwoman": true, "chair": true, "chief": true, "director": true,
	"commissioner": true, "leader": true, "speaker": true, "king": true, "queen": true,
	"prince": true, "princess": true, "emperor": true, "pope": true, "cardinal": true,
	"archbishop": true, "bishop": true, "rev": true, "reverend": true, "father": true,
	"sheikh": true, "sheik": true, "emir": true, "ayatollah": true, "imam": true, "rabbi": true,
	"judge": true, "justice": true, "attorney": true, "general": true, "gen": true,
	"lieutenant": true, "lt": true, "colonel": true, "col": true, "major": true, "maj": true,
	"captain": true, "capt": true, "sergeant": true, "sgt": true, "corporal": true, "cpl": true,
	"admiral": true, "adm": true, "commander": true, "cmdr": true, "marshal": true,
	"officer": true, "inspector": true, "detective": true, "coach": true, "manager": true,
	"striker": true, "midfielder": true, "defender": true, "goalkeeper": true,
	"champion": true, "counterpart": true, "correspondent": true, "reporter": true,
	"analyst": true, "economist": true, "dealer": true, "trader": true, "strategist": true,
	"executive": true, "ceo": true, "founder": true, "head": true, "aide": true, "adviser": true,
	"advisor": true, "negotiator": true, "mediator": true, "official": true, "opposition": true,
	"dictator": true, "rebel": true, "warlord": true, "militant": true, "journalist": true,
}

// isTitle reports whether the lower-cased word (a trailing period is
// ignored: "Gen.", "Mr.") is a title word.
func isTitle(lower []byte) bool {
	if n := len(lower); n > 1 && lower[n-1] == '.' {
		lower = lower[:n-1]
	}
	return titles[string(lower)] // no allocation: the compiler converts in place for lookups
}

// roleWords may sit inside a role before a name without being titles
// themselves ("Secretary of State", "Foreign Minister", "press secretary").
var roleWords = map[string]bool{
	"of": true, "state": true, "foreign": true, "defense": true, "defence": true,
	"press": true, "interior": true, "finance": true, "affairs": true, "for": true,
	"national": true, "security": true, "adviser": true, "army": true, "staff": true,
	"joint": true, "executive": true, "former": true, "acting": true, "senior": true,
	"top": true, "junior": true, "assistant": true, "associate": true, "under": true,
}
