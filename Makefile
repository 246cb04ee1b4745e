# The project's commands. Each installs what it is missing first (scripts/setup-build.sh for
# building; scripts/setup-test.sh adds the test lab), then does its work.
.PHONY: serve dev test bench

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
