"""The procedural rules a clerk must not get wrong."""
