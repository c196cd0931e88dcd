"""The command line: the app and its shared options, the commands grouped by what they do."""
