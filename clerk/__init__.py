"""Clerk: live meeting recording, minutes and action trackers for council committee clerks."""

__version__ = "0.1.0"
APP_NAME = "Clerk"
APP_ID = "clerk"
