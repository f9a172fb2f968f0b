"""Minutes and action trackers: one composer, two renderers (Word and PDF)."""
