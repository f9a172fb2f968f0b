"""Load the scripts under installers/ (they are not part of the clerk package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"


def load(relative: str) -> ModuleType:
    path = INSTALLERS / relative
    name = "clerk_installers_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
