"""Views across meetings: search and the attendance record."""
