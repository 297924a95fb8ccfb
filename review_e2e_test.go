package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-reader/dossier/extract/review"
	"github.com/dossier-reader/dossier/samples"
)

// tmuxSession runs a command in a detached tmux session of its own socket.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func (s tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// waitFor polls cond for up to 10 seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestReviewSurvivesSIGKILL starts the real binary in tmux on a copy of the
// sample under a temporary XDG_DATA_HOME, makes decisions, kills it with
// SIGKILL, starts it again and checks the decisions are back.
func TestReviewSurvivesSIGKILL(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the kill -9 test")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dossier")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	art := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(art, []byte(samples.Default), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	s := tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock"), name: "dossier"}
	start := func() {
		s.tmux("new-session", "-d", "-s", s.name, "-x", "120", "-y", "40",
			"env", "XDG_DATA_HOME="+data, "TERM=xterm-256color", bin, "--theme", "dark", art)
		waitFor(t, "the reader", func() bool { return strings.Contains(s.tmux("capture-pane", "-p", "-t", s.name), "pending") })
	}
	t.Cleanup(func() { exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	t.Cleanup(func() { exec.Command("tmux", "-S", s.socket+"2", "kill-server").Run() })
	start()
	reviewFile := review.PathFor(filepath.Join(data, "dossier"), samples.Default)
	saved := func(n int) func() bool {
		return func() bool {
			b, err := os.ReadFile(reviewFile)
			if err != nil {
				return false
			}
			f, err := review.Decode(b)
			return err == nil && len(f.Actions) == n
		}
	}
	n := 0
	for _, k := range []string{"2", "a", "x", "4", "l", "j", "a"} {
		s.tmux("send-keys", "-t", s.name, k)
		if k == "a" || k == "x" {
			n++
			waitFor(t, "decision "+strconv.Itoa(n)+" saved", saved(n))
		}
	}
	// The decision is saved before the frame that shows it is drawn.
	waitFor(t, "the counts on screen", func() bool {
		return strings.Contains(s.tmux("capture-pane", "-p", "-t", s.name), "2 accepted · 1 rejected")
	})
	before := s.tmux("capture-pane", "-p", "-t", s.name)
	pid, err := strconv.Atoi(strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_pid}")))
	if err != nil {
		t.Fatal(err)
	}
	s.tmux("set-option", "-t", s.name, "remain-on-exit", "on")
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the kill", func() bool {
		return strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_dead}")) == "1"
	})
	s.tmux("kill-server")
	s.socket += "2" // a fresh server: the old one may still be exiting
	start()
	after := s.tmux("capture-pane", "-p", "-t", s.name)
	want := statusCounts(before)
	if want == "" || statusCounts(after) != want || !strings.Contains(want, "2 accepted · 1 rejected") {
		t.Errorf("counts before the kill %q, after the restart %q\n%s", want, statusCounts(after), after)
	}
	if !strings.Contains(after, "✓") || !strings.Contains(after, "✗") {
		t.Errorf("row marks lost:\n%s", after)
	}
}

// statusCounts finds "N pending · N accepted · N rejected" on a screen.
func statusCounts(screen string) string {
	i := strings.Index(screen, " pending · ")
	if i < 0 {
		return ""
	}
	j := strings.LastIndexByte(screen[:i], ' ')
	k := strings.Index(screen[i:], " rejected")
	if k < 0 {
		return ""
	}
	return screen[j+1 : i+k+len(" rejected")]
}
