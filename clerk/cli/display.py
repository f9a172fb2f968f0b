"""Is there a display for the window? Asked before Qt is loaded, so that a machine without
one (a server, a container, an SSH session) gets one sentence saying how to run Clerk there,
not Qt's abort with its plugin list.

Only Linux and the other X11/Wayland systems are asked: Windows and macOS always have a
display for a desktop session. A platform chosen with ``QT_QPA_PLATFORM`` other than xcb or
wayland (offscreen, vnc, eglfs, ...) needs no display either.
"""

from __future__ import annotations

import os
import shlex
import socket
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

#: Qt platforms that draw on a desktop display.
DESKTOP_PLATFORMS = ("xcb", "wayland", "wayland-egl")


def _connects(address: str | bytes) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        try:
            sock.connect(address)
        except OSError:
            return False
        return True


def x11_reachable(display: str) -> bool:
    """Whether an X server answers on ``display`` (``:0``, ``:99.0``). A display on another
    host, or one named in a way this does not parse, is taken as reachable."""
    host, _, rest = display.partition(":")
    number = rest.split(".", 1)[0]
    if host not in ("", "unix") or not number.isdigit():
        return True
    path = f"/tmp/.X11-unix/X{number}"
    return _connects(b"\0" + path.encode()) or _connects(path)


def wayland_reachable(name: str, env: Mapping[str, str]) -> bool:
    socket_path = Path(name)
    if not socket_path.is_absolute():
        runtime = env.get("XDG_RUNTIME_DIR")
        if not runtime:
            return False
        socket_path = Path(runtime) / name
    return _connects(str(socket_path))


def no_display_reason(env: Mapping[str, str] | None = None) -> str | None:
    """Why the window cannot be shown here, in a few words; None when it can (or when this is
    not a system where a display is asked for)."""
    env = os.environ if env is None else env
    if sys.platform in ("win32", "darwin"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip()
    if platform and platform not in DESKTOP_PLATFORMS:
        return None
    x11, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if wayland and platform != "xcb" and wayland_reachable(wayland, env):
        return None
    if x11 and not platform.startswith("wayland") and x11_reachable(x11):
        return None
    if not x11 and not wayland:
        return "there is no display here (DISPLAY is not set)"
    named = f"DISPLAY={x11}" if x11 else f"WAYLAND_DISPLAY={wayland}"
    return f"no display answers at {named}"


def how_to_run(reason: str, argv: Sequence[str]) -> str:
    """The one sentence: why there is no window, and the two ways to run Clerk here."""
    args = list(argv)
    shot = shlex.join(["clerk", *args, "--screenshot", "clerk-window.png"])
    virtual = shlex.join(["xvfb-run", "-a", "clerk", *args])
    return (
        f"Clerk's window needs a display and {reason}: `{shot}` draws the window offscreen "
        f"into a picture, or `{virtual}` runs it on a virtual display (package xvfb)."
    )
