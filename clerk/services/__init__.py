"""The use cases, Qt-free: the CLI, the tests and the window all drive this code."""
