"""Where Clerk's shipped files are: fonts, templates, icons, the demo and the schema."""

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("CLERK_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"Clerk's resource file {path} is missing: reinstall Clerk.")
    return path
