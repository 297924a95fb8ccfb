package extract_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoTerminalImports keeps the data side pure: nothing under extract/ may
// import ui/, Charm's libraries or terminal packages (DESIGN.md §1).
func TestNoTerminalImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"/ui", "charm.land/", "github.com/charmbracelet/", "golang.org/x/term", "github.com/mattn/go-isatty"} {
			if strings.Contains(pkg, banned) {
				t.Errorf("extract depends on %s", pkg)
			}
		}
	}
}
