"""Output targets: a transform of the rendered pages between render and package.

A plain EPUB needs none; a device's own flavour (Kobo's KEPUB) rewrites pages here, so neither
render nor package learns about devices. Each target is a function ``Rendition → Rendition``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Rendition
from .kobo import kepub


def _plain(rendition: Rendition) -> Rendition:
    return rendition


TARGETS: dict[str, Callable[[Rendition], Rendition]] = {"epub": _plain, "kepub": kepub}


def transform(rendition: Rendition, target: str) -> Rendition:
    return TARGETS[target](rendition)
