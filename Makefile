# marsad — one command to set up and run the demo, one to set up and run every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: setup demo test lint typecheck unit fuzz clean

$(BIN)/marsad: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

setup: $(BIN)/marsad node_modules/.package-lock.json

demo: setup
	$(BIN)/marsad extract examples/aden_2015.txt --published 2015-07-21 --format table
	$(BIN)/marsad extract examples/deir_ezzor_2017.txt --published 2017-10-12 --format table
	$(BIN)/marsad extract examples/baghdad_2019.txt --published 2019-10-03 --format table
	$(BIN)/marsad extract examples/khartoum_2023.txt --published 2023-04-17 --format table
	$(BIN)/marsad extract examples/gaza_2024.txt --published 2024-02-20 --format table
	rm -f demo.sqlite demo.sqlite-wal demo.sqlite-shm
	$(BIN)/marsad ingest examples/aden_2015.txt --published 2015-07-21 --db demo.sqlite --quiet
	$(BIN)/marsad ingest examples/deir_ezzor_2017.txt --published 2017-10-12 --db demo.sqlite --quiet
	$(BIN)/marsad ingest examples/baghdad_2019.txt --published 2019-10-03 --db demo.sqlite --quiet
	$(BIN)/marsad ingest examples/khartoum_2023.txt --published 2023-04-17 --db demo.sqlite --quiet
	$(BIN)/marsad ingest examples/gaza_2024.txt --published 2024-02-20 --db demo.sqlite --quiet
	$(BIN)/marsad serve --db demo.sqlite --port $(PORT)

lint: setup
	$(BIN)/ruff check src tests bench fuzz

# Coverage-guided fuzzing of the text pipeline for FUZZ_SECONDS (default 10 minutes); inputs it finds
# go to fuzz/found (ignored by git), a crashing one to fuzz/crash-* with its traceback on the screen.
FUZZ_SECONDS ?= 600
fuzz: setup
	mkdir -p fuzz/found
	$(BIN)/python fuzz/pipeline.py -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
		-artifact_prefix=fuzz/ fuzz/found examples

typecheck: setup
	$(BIN)/mypy

unit: setup
	bash .ci/chromium.sh
	MARSAD_TEST_PG="$$(bash .ci/postgres.sh)" $(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
