"""`python -m kzconst`."""

from kzconst.cli.main import run

run()
