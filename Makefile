# One entry point for set-up, demo, tests, lint and benchmarks.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: bench-claims install demo test lint bench bench-all bench-dates bench-quotes bench-scale bench-formats bench-entities bench-minutes bench-incremental bench-additions clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/corpusmine extract seeds/ --db corpusmine.db
	$(VENV)/bin/corpusmine entities --db corpusmine.db

# Headless Chromium (Debian package) for the HTML report test; best effort off Debian.
BROWSER := $(VENV)/.browser
$(BROWSER): | $(PY)
	@command -v chromium >/dev/null 2>&1 || ( command -v apt-get >/dev/null 2>&1 && \
	  ( apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ) ) || \
	  echo "warning: chromium could not be installed; the HTML browser test will be skipped"
	touch $(BROWSER)

test: $(STAMP) $(BROWSER)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

# Speed and memory against plain nlp.pipe on 300 BBC articles (bench-all: all 2,225 too).
bench: $(STAMP)
	$(PY) benchmarks/extract.py

bench-all: $(STAMP)
	$(PY) benchmarks/extract.py --all

# Issue 17: a local Dask cluster against --jobs 2, resolution, one new article and the
# queries up to 17,800 documents (the large databases are built once, then cached).
bench-scale: $(STAMP)
	$(PY) benchmarks/scale.py

# Issue 17 item 2: 300 BBC articles in one run against three runs adding to the last
# (resolution must be identical), then how far one document reaches by name key.
bench-incremental: $(STAMP)
	$(PY) benchmarks/incremental.py steps --n 300

# Would an exact incremental path be taken? 20 BBC articles each added to 1,000.
bench-additions: $(STAMP)
	$(PY) benchmarks/additions.py --n 1000 --sample 20

# Who is who on ECB+ topics 1-35 (B-cubed, cross-document links) beside exact strings.
bench-entities: $(STAMP)
	$(PY) benchmarks/entities.py --jobs 2

# Date values against the MEANTIME gold annotation.
bench-dates: $(STAMP)
	$(PY) benchmarks/dates.py

# Quotes and speakers side by side with textacy (installs the 'bench' extra): PolNeAR dev
# from ../shared/corpora/polnear, then the seeds against benchmarks/gold/seed_quotes.yaml.
bench-quotes: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/quotes_polnear.py --split dev
	$(PY) benchmarks/quotes_textacy.py

# Saved news pages: title, date, words kept and the expected.json check per page.
bench-formats: $(STAMP)
	$(PY) benchmarks/formats.py

# Minutes: recognition, attendance and decisions on the London council set, the seed 002
# and passages in other house styles; no article of BBC or PolNeAR may become minutes.
bench-minutes: $(STAMP)
	$(PY) benchmarks/minutes.py

clean:
	rm -rf $(VENV) corpusmine.db build *.egg-info src/*.egg-info

# Claims and the consistency report on PolNeAR dev/train, the BBC corpus and three ECB+
# topics (issue 15); BENCH_CLAIMS_ARGS="--bbc 300" for a fixed subset while iterating.
bench-claims: $(STAMP)
	$(PY) benchmarks/claims.py $(BENCH_CLAIMS_ARGS)
