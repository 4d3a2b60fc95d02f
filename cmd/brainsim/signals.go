package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// exitError is an error with the exit status it asks for (130 after
// SIGINT, 143 after SIGTERM: 128 + the signal number, as shells report).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// exitCode returns the status err asks for: 0 for nil, the code of an
// exitError, else 1.
func exitCode(err error) int {
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	}
	return 1
}

// interrupts turns the first SIGINT or SIGTERM into the cancellation of a
// context, and restores the default handling at once, so that a second
// signal ends the process immediately.
type interrupts struct {
	ch     chan os.Signal
	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
	mu     sync.Mutex
	got    os.Signal
}

// watchSignals returns a context cancelled by the first SIGINT or SIGTERM
// and the watcher; call stop when the run is over.
func watchSignals(parent context.Context) (context.Context, *interrupts) {
	ctx, cancel := context.WithCancel(parent)
	in := &interrupts{ch: make(chan os.Signal, 1), cancel: cancel, done: make(chan struct{})}
	signal.Notify(in.ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-in.ch:
			signal.Reset(os.Interrupt, syscall.SIGTERM) // the next one kills
			in.mu.Lock()
			in.got = s
			in.mu.Unlock()
			cancel()
		case <-in.done:
		}
	}()
	return ctx, in
}

// signal returns the signal received, or nil.
func (in *interrupts) signal() os.Signal {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.got
}

// stop stops watching (a signal after it gets the default handling, or
// the caller's) and releases the context.
func (in *interrupts) stop() {
	in.once.Do(func() {
		signal.Stop(in.ch)
		close(in.done)
		in.cancel()
	})
}

// status returns the exit status for the signal received: 130 for SIGINT,
// 143 for SIGTERM, 1 for none (a cancellation of another kind).
func (in *interrupts) status() int {
	switch in.signal() {
	case os.Interrupt:
		return 130
	case syscall.SIGTERM:
		return 143
	}
	return 1
}
