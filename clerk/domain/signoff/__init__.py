"""Signing off the minutes: the lifecycle, the confirming meeting, and the record's integrity.

``lifecycle``: draft -> circulated -> approved -> confirmed -> signed, and the lock.
``confirmation``: which meeting may confirm the minutes, and what it carries forward.
``integrity``: the record rebuilt from its journal and compared with what is stored.
"""
