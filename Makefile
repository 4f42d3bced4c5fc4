# `make bench` runs every benchmark (docs/benchmarks.md says what each measures and its goal);
# `make test` is the README's test command.
PY ?= .venv/bin/python

.PHONY: bench test

bench:
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/campaigns.py
	$(PY) benchmarks/forecast.py
	$(PY) benchmarks/turn.py
	$(PY) benchmarks/validation.py
	$(PY) benchmarks/memory.py
	$(PY) benchmarks/parallel.py
	$(PY) benchmarks/bench_saves.py
	$(PY) benchmarks/bench_authoring.py

test:
	.ci/run
