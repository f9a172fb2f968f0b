"""The ``clerk`` command."""
