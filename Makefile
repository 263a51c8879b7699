# Developer shortcuts. The scripts do the real work so a fresh machine
# without make can still use them (see README).
.PHONY: run demo test lint bench screenshots package clean

run:
	./scripts/run

demo:
	./scripts/run --demo

test:
	./scripts/test

lint:
	.venv/bin/ruff check src tests bench scripts packaging

bench:
	./scripts/bench

screenshots:
	./scripts/screenshots

package:
	./scripts/package

clean:
	rm -rf build dist .pytest_cache .ruff_cache
