# Cuecard. The two commands a new machine needs: `make run` and `make test`.
SHELL := /bin/bash
CARGO ?= cargo
JOBS ?= 2
CARDS ?= 100000

.PHONY: run test lint test-core test-ui e2e ui app cli bench bindings soak setup-core setup-app setup-e2e

## Set up, build and open the desktop app on your library (the sample deck on first run).
run: app
	./target/debug/cuecard-app $(if $(LIBRARY),--library $(LIBRARY),)

## Everything CI checks: formatting, clippy (warnings denied), core tests, UI tests and
## end-to-end tests of the real window under Xvfb.
test: lint test-core test-ui e2e

setup-core:
	scripts/setup.sh core
setup-app:
	scripts/setup.sh app
setup-e2e:
	scripts/setup.sh e2e

cli:
	$(CARGO) build -j$(JOBS) -p cuecard

ui: setup-app
	cd ui && npm run build

app: ui
	$(CARGO) build -j$(JOBS) -p cuecard-app

lint: ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy -j$(JOBS) --workspace --all-targets -- -D warnings

test-core: setup-core
	$(CARGO) test -j$(JOBS) -p cuecard

test-ui: setup-app
	cd ui && npm test

e2e: setup-e2e app cli
	PATH="$(HOME)/.cargo/bin:$$PATH" node --test --test-concurrency=1 tests/e2e/

## Performance figures: import of a generated 100,000-card deck and search latency (core),
## then launch time, search latency and memory of the release window over 10,000 cards.
bench: setup-e2e ui
	$(CARGO) build -j$(JOBS) --release -p cuecard --bins --examples
	./target/release/examples/bench $(CARDS)
	./target/release/examples/resume_speed
	$(CARGO) build -j$(JOBS) --release -p cuecard-app
	PATH="$(HOME)/.cargo/bin:$$PATH" node tests/e2e/bench.mjs

## Several processes on one library at once (not in CI): import, searches, notes, reviews and
## a restore attempt; then integrity and an account of every write.
soak: cli
	python3 tools/soak.py target/debug/cuecard

## Regenerate the TypeScript types in ui/src/lib/bindings from the Rust types.
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -j$(JOBS) -p cuecard --lib bindings
