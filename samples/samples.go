// Package samples holds the sample article that dossier opens when no file is
// given, embedded so an installed binary works anywhere.
package samples

import _ "embed"

// DefaultName is the file name of the default sample article.
const DefaultName = "voa-blinken-baltic-weapons.txt"

// Default is the text of the default sample: a public-domain Voice of America
// story (January 2022) about Baltic states sending US-made weapons to Ukraine.
//
//go:embed voa-blinken-baltic-weapons.txt
var Default string
