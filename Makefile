# The two commands of the README, plus the size report. Each installs what is missing first.
.PHONY: serve test bench

serve:
	scripts/serve.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh
