"""The command line: the app and its shared options, the commands grouped by what they do."""

import os
import signal
import sys


def quiet_interrupt(signum: int, frame: object) -> None:
    """Ctrl-C outside the error boundary (importing, exiting): exit 130, no traceback."""
    os._exit(130)


# Run as the `kzconst` program, Ctrl-C while the CLI is still importing exits quietly; the
# boundary (cli/boundary.py) restores Python's handler around the command itself. Nothing is
# imported before this: every millisecond here is a window for a traceback.
if os.path.basename(sys.argv[0] if sys.argv else "") in ("kzconst", "kzconst.exe", "__main__.py"):
    try:  # noqa: SIM105 (contextlib would be imported before the handler is set)
        signal.signal(signal.SIGINT, quiet_interrupt)
    except (ValueError, OSError):  # not the main thread: the boundary still catches it
        pass
