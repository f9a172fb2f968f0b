"""Minutes and action trackers: one composer, three renderers (Word, tagged PDF, HTML)."""
