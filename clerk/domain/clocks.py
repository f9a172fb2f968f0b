"""The clock the recording service and the window read: the local time, or a test's."""

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def local_now() -> datetime:
    return datetime.now().astimezone()
