"""Plain-Python model of committee business and the rules that govern it."""
