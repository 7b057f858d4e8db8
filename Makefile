# ducha: see README.md. The two commands a new user needs:
#   make site   builds the sample campaign's site and PDF briefing into public/
#   make test   runs every test
# Both install what they need first (Go modules, the pinned npm assets).

GO      ?= go
BIN     := bin/ducha
DIST    := generator/assets/dist
NPMMOD  := node_modules
ASSETS  := $(DIST)/echarts.min.js $(DIST)/NotoSerifSC-Regular.ttf $(DIST)/NotoSerifSC-Bold.ttf $(DIST)/NotoSansSC-Regular.ttf $(DIST)/NotoSansSC-Bold.ttf
GOFILES := $(shell find . -name '*.go' -not -path './node_modules/*' 2>/dev/null)
EMBEDDED := ducha.yaml $(shell find data content templates -type f 2>/dev/null)

.PHONY: all build site check test test-short update serve bench fuzz assets clean

all: build

# assets installs the pinned third-party files (package-lock.json) with npm
# and copies the ones ducha embeds into generator/assets/dist/. axe-core is
# installed with them but only the browser tests read it, from node_modules:
# it is never embedded.
assets: $(ASSETS)

$(NPMMOD)/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

$(DIST)/echarts.min.js: $(NPMMOD)/.package-lock.json
	@mkdir -p $(DIST)
	cp $(NPMMOD)/echarts/dist/echarts.min.js $@
$(DIST)/NotoSerifSC-Regular.ttf: $(NPMMOD)/.package-lock.json
	@mkdir -p $(DIST)
	cp $(NPMMOD)/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf $@
$(DIST)/NotoSerifSC-Bold.ttf: $(NPMMOD)/.package-lock.json
	@mkdir -p $(DIST)
	cp $(NPMMOD)/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf $@
$(DIST)/NotoSansSC-Regular.ttf: $(NPMMOD)/.package-lock.json
	@mkdir -p $(DIST)
	cp $(NPMMOD)/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf $@
$(DIST)/NotoSansSC-Bold.ttf: $(NPMMOD)/.package-lock.json
	@mkdir -p $(DIST)
	cp $(NPMMOD)/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf $@

build: $(BIN)

$(BIN): $(ASSETS) $(GOFILES) $(EMBEDDED) go.mod go.sum
	$(GO) build -o $(BIN) ./cmd/ducha

# site builds the sample campaign (this folder is the sample project).
site: $(BIN)
	$(BIN) build .

check: $(BIN)
	$(BIN) check .

serve: $(BIN)
	$(BIN) serve .

test: $(ASSETS) $(NPMMOD)/.package-lock.json
	$(GO) vet ./...
	$(GO) test ./...

# test-short is the quick loop while editing: go test -short skips the
# headless-browser tests and the slowest briefing, font, build and command
# tests (each says "skipped with -short"); make test runs them all.
test-short: $(ASSETS)
	$(GO) test -short ./...

# update rewrites the golden files and the expected output of the test
# scripts, in the packages whose tests read the -update flag (found afresh
# each time: those using golden.Update); review the diff before committing
# it. go test ./... -update does the same and runs every other test too:
# every package's tests accept the flag (internal/golden).
update: $(ASSETS)
	$(GO) test $$(grep -rl --include='*_test.go' 'golden.Update' generator internal cmd | xargs -n1 dirname | sort -u | sed 's|^|./|') -update

bench: $(ASSETS)
	$(GO) test -run '^$$' -bench . -benchmem -count 5 -timeout 60m ./generator/... ./internal/... | tee bench.txt

# fuzz runs every fuzz target of the repository (each func Fuzz... in a
# _test.go file, found afresh each time, so a new one is never left out),
# one after the other, each for FUZZTIME; it stops at the first failure,
# whose input go test keeps under the package's testdata/fuzz/.
FUZZTIME ?= 30s

fuzz: $(ASSETS)
	@grep -r --include='*_test.go' -o '^func Fuzz[A-Za-z0-9_]*' generator internal cmd | sort | \
	while IFS=: read -r file fn; do \
		name=$${fn#func }; pkg=./$$(dirname $$file); \
		echo "$(GO) test -run '^$$' -fuzz '^$$name$$' -fuzztime $(FUZZTIME) $$pkg"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

clean:
	rm -rf bin public $(DIST)
