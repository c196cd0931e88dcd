"""`python -m kzconst`."""

from kzconst.cli import run

run()
