# Cuecard: the two commands a new machine needs are `make run` and `make test`.
SHELL := /bin/bash
CARGO ?= cargo
JOBS ?= 2
CARDS ?= 100000

.PHONY: run test test-core lint bench build release setup-rust

## Build the CLI and open the sample deck in a fresh library (~/.local/share/cuecard).
run: build
	./target/debug/cuecard sample
	./target/debug/cuecard decks
	./target/debug/cuecard cards --deck Sample

build:
	$(CARGO) build -j$(JOBS)

release:
	$(CARGO) build -j$(JOBS) --release

## Everything CI checks: formatting, clippy with warnings denied, all tests.
test: lint test-core

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy -j$(JOBS) --all-targets -- -D warnings

test-core:
	$(CARGO) test -j$(JOBS)

## Performance figures: import of a generated 100,000-card deck, search latency.
bench:
	$(CARGO) build -j$(JOBS) --release --bins --examples
	./target/release/examples/bench $(CARDS)

## Regenerate the TypeScript types in ui/src/lib/bindings from the Rust types.
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -j$(JOBS) --lib bindings
