"""kzconst: the Constitution of the Republic of Kazakhstan at the command line."""

__version__ = "0.1.0"
