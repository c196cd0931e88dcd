"""The command line: the app and its shared options, the commands grouped by what they do."""

import contextlib
import os
import signal
import sys
from typing import Any


def quiet_interrupt(signum: int, frame: Any) -> None:
    """Ctrl-C outside the error boundary (importing, exiting): exit 130, no traceback."""
    os._exit(130)


# Run as the `kzconst` program, Ctrl-C while the CLI is still importing exits quietly; the
# boundary (cli/boundary.py) restores Python's handler around the command itself.
if os.path.basename(sys.argv[0] if sys.argv else "") in ("kzconst", "kzconst.exe", "__main__.py"):
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, quiet_interrupt)
