# CivicDesk: `make run` installs what is missing, builds and starts the app on its demo;
# `make test` installs, builds and runs every test (unit, adapter, CLI, GUI and packaging).
# What users get is a release build (`make run`, `make install`, `make deb`); the tests use debug.
SHELL := /bin/bash
SWIFT_BIN := $(shell dirname "$$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)")
export PATH := $(SWIFT_BIN):$(PATH)
SWIFT_FLAGS ?=
# The Swift runtime linked in, so the installed program needs Debian's libraries only.
RELEASE_FLAGS := -c release --static-swift-stdlib
PREFIX ?= /usr/local
DESTDIR ?=
export PREFIX DESTDIR

.PHONY: all deps build build-tests release run demo-reset test unit-test ui-test check-packaging test-pki \
	bench-roster bench-documents faults fuzz install uninstall deb i18n i18n-check clean

# The catalogues and data beside a build's binaries, where the program looks for them
# (share/ next to the folder of the binary, see Sources/CivicServices/Folders/InstalledFiles.swift).
stage = share=$$(dirname "$$(swift build $(1) --show-bin-path)")/share; \
	scripts/i18n.sh compile "$$share/locale" && ln -sfn "$(CURDIR)/data" "$$share/civicdesk"
release_bin = $$(swift build $(RELEASE_FLAGS) --show-bin-path)

all: build

deps:
	@scripts/install-deps.sh

build: deps
	swift build $(SWIFT_FLAGS)
	@$(call stage,$(SWIFT_FLAGS))

build-tests: deps
	swift build --build-tests $(SWIFT_FLAGS)
	@$(call stage,$(SWIFT_FLAGS))

release: deps
	swift build $(RELEASE_FLAGS)
	@$(call stage,$(RELEASE_FLAGS))

run: release
	CIVICDESK_BUILD_DIR=$(release_bin) scripts/run-app.sh

# `make install PREFIX=/usr/local DESTDIR=…`: the freedesktop layout (scripts/install.sh).
install: release
	scripts/install.sh install $(release_bin)

uninstall:
	scripts/install.sh uninstall -

# .build/deb/civicdesk_{version}_{arch}.deb (scripts/make-deb.sh).
deb: release
	scripts/make-deb.sh $(release_bin) .build/deb

# po/civicdesk.pot from the sources' tr("…") strings, merged into po/*.po.
i18n:
	scripts/i18n.sh update

# Fails when a string of the sources is missing from the catalogue or has no English.
i18n-check:
	scripts/i18n.sh check

# The demo workspace (.build/demo/) is made on the first `make run`; this makes it afresh.
demo-reset: build
	scripts/demo-data.sh --reset

test: build-tests
	$(MAKE) --no-print-directory i18n-check
	$(MAKE) --no-print-directory unit-test
	$(MAKE) --no-print-directory ui-test
	$(MAKE) --no-print-directory check-packaging

# The card labs stop themselves when their test process ends; reap waits for that and removes them.
unit-test:
	swift test --skip-build $(SWIFT_FLAGS); status=$$?; scripts/card-lab.sh reap; exit $$status

ui-test:
	Tests/UITests/run.sh; status=$$?; scripts/card-lab.sh reap; exit $$status

# The desktop entry, metainfo, file types, catalogues, icons, and the Debian package (a release build).
check-packaging: deb
	scripts/check-packaging.sh $(release_bin) .build/deb

# Adds what is missing to the test PKI; `data/test-pki/make-test-pki.sh --regenerate` remakes it all.
test-pki:
	data/test-pki/make-test-pki.sh

# Import and pack a full petition (300,000 records) in a release build; prints the figures.
bench-roster: deps
	scripts/bench-roster.sh

# Damaged batches imported one per process (FAULT_RUNS), then kill -9 during import and pack
# (FAULT_TRIALS each), the disk filling up (a small tmpfs; needs root), the card pulled from its
# reader (CARD_PULL_TRIALS each), the token's module failing mid-way (FAULT_TRIALS each), and the
# privacy checks; prints deaths by signal, hangs and anything left behind or lost.
FAULT_RUNS ?= 1500
FAULT_TRIALS ?= 50
CARD_PULL_TRIALS ?= 10
faults: build
	scripts/faults/damaged-imports.py --runs $(FAULT_RUNS)
	scripts/faults/kill-outputs.py --trials $(FAULT_TRIALS)
	scripts/faults/disk-full.py
	scripts/faults/card-pull.py --trials $(CARD_PULL_TRIALS)
	scripts/faults/card-pull.py --fault module --trials $(FAULT_TRIALS)
	scripts/faults/privacy.py

# Fuzzes every parser of outside data (Fuzz/Targets/) with libFuzzer and AddressSanitizer for
# FUZZ_SECONDS each, seeded from the test data, and prints the table; not part of `make test`.
# FUZZ_TARGETS="dates ids" runs only those. The build and the corpora live in .build-fuzz/.
FUZZ_SECONDS ?= 60
fuzz: deps
	swift build --product civicdesk-rostergen $(SWIFT_FLAGS)
	CIVICDESK_ROSTERGEN="$$(swift build --show-bin-path $(SWIFT_FLAGS))/civicdesk-rostergen" \
		FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh $(FUZZ_TARGETS)

# Export and import a 20-page official letter as a DI file in a release build; prints the figures.
bench-documents: deps
	scripts/bench-documents.sh

clean:
	rm -rf .build
