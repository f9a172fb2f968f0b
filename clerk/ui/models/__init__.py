"""Item models: one Qt adapter per collection of the meeting record (or of the set-up)."""
