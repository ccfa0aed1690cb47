from siteplanner.cli import entry

entry()
