# CivicDesk: `make run` installs what is missing, builds and starts the app on its demo;
# `make test` installs, builds and runs every test (unit, adapter, CLI and GUI).
SHELL := /bin/bash
SWIFT_BIN := $(shell dirname "$$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)")
export PATH := $(SWIFT_BIN):$(PATH)
SWIFT_FLAGS ?=

.PHONY: all deps build build-tests run demo-reset test unit-test ui-test test-pki bench-roster faults clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	swift build $(SWIFT_FLAGS)

build-tests: deps
	swift build --build-tests $(SWIFT_FLAGS)

run: build
	scripts/run-app.sh

# The demo workspace (.build/demo/) is made on the first `make run`; this makes it afresh.
demo-reset: build
	scripts/demo-data.sh --reset

test: build-tests
	$(MAKE) --no-print-directory unit-test
	$(MAKE) --no-print-directory ui-test

# The card labs stop themselves when their test process ends; reap waits for that and removes them.
unit-test:
	swift test --skip-build $(SWIFT_FLAGS); status=$$?; scripts/card-lab.sh reap; exit $$status

ui-test:
	Tests/UITests/run.sh; status=$$?; scripts/card-lab.sh reap; exit $$status

# Adds what is missing to the test PKI; `data/test-pki/make-test-pki.sh --regenerate` remakes it all.
test-pki:
	data/test-pki/make-test-pki.sh

# Import and pack a full petition (300,000 records) in a release build; prints the figures.
bench-roster: deps
	scripts/bench-roster.sh

# Damaged batches imported one per process (FAULT_RUNS), then kill -9 during import and pack
# (FAULT_TRIALS each), the disk filling up (a small tmpfs; needs root), the card pulled from its
# reader (CARD_PULL_TRIALS each), and the privacy checks; prints deaths by signal, hangs and
# anything left behind or lost.
FAULT_RUNS ?= 1500
FAULT_TRIALS ?= 50
CARD_PULL_TRIALS ?= 10
faults: build
	scripts/faults/damaged-imports.py --runs $(FAULT_RUNS)
	scripts/faults/kill-outputs.py --trials $(FAULT_TRIALS)
	scripts/faults/disk-full.py
	scripts/faults/card-pull.py --trials $(CARD_PULL_TRIALS)
	scripts/faults/privacy.py

clean:
	rm -rf .build
