# The project's commands. Each installs what it is missing first (scripts/setup-build.sh for
# building; scripts/setup-test.sh adds the test lab), then does its work.
.PHONY: serve dev test bench check-data

# The release, built and served at http://127.0.0.1:8080 (PORT=… to choose).
serve:
	scripts/serve.sh

# A debug build served at http://127.0.0.1:8081, rebuilt on save, the page reloaded.
dev:
	scripts/dev.sh

# Every test; CI runs exactly this.
test:
	scripts/test.sh

# Sizes and speeds of the release (docs/performance.md).
bench:
	scripts/bench.sh

# Every guide's data file checked against its JSON Schema and the app's decoder: every error at
# once, with file, line and field path (docs/adding-a-guide.md).
check-data:
	scripts/setup-build.sh
	node scripts/check-data.mjs
