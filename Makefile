# `make bench` runs every benchmark (docs/benchmarks.md says what each measures and its goal);
# `make test` is the README's test command.
PY ?= .venv/bin/python

.PHONY: bench test compiled pure

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

# The engine's turn loop and the scripted bots compiled by mypyc beside their sources (docs/benchmarks.md):
# `pip install -e .` (the quick start, .ci/run) compiles them where a C compiler is there (setup.py); a source
# edited afterwards runs from source (all of them do) until this builds them again, with mypy in .venv.
compiled:
	$(PY) -m pip install -q 'mypy>=1.11,<3'
	CISLUNAR_COMPILE=1 $(PY) setup.py -q build_ext --inplace --force

# Back to pure Python: remove the compiled modules (`CISLUNAR_COMPILE=0 pip install -e .` installs without them).
pure:
	find game/engine game/bots -name '*.so' -delete
