# Sejawat — `make run` and `make test` set themselves up (a virtual environment in .venv).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 \
	&& $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
	&& { command -v $$p; break; }; done)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint bench clean sandbox model-soak

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Sejawat needs Python 3.11 or newer"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

config.toml:
	cp config.example.toml config.toml
	@echo "Created config.toml from config.example.toml: edit it for your school."

# With telegram.token set (config.toml or SEJAWAT_TELEGRAM__TOKEN): the real bot.
# Without one: the local sandbox Bot API server, so you can try everything offline.
run: install config.toml
	$(BIN)/sejawat --config config.toml run

sandbox: install config.toml
	$(BIN)/sejawat --config config.toml sandbox

test: install
	$(BIN)/python -m pytest

# The model-based test with random seeds, again and again for MINUTES (default 60); a failure
# prints the steps that break a safety rule and how to replay them.
MINUTES ?= 60
model-soak: install
	@end=$$(( $$(date +%s) + $(MINUTES) * 60 )); round=0; \
	while [ $$(date +%s) -lt $$end ]; do round=$$((round + 1)); echo "model soak: round $$round"; \
	SEJAWAT_MODEL_SOAK=1 SEJAWAT_MODEL_EXAMPLES=$${EXAMPLES:-200} $(BIN)/python -m pytest -q \
	  -p no:cacheprovider -o timeout=0 tests/model/test_program_model.py || exit 1; done

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy .
	$(BIN)/lint-imports

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
