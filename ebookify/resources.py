"""The one door to ``assets/`` (templates, stylesheet, fonts), wherever the package is installed.

``assets/`` ships inside the wheel as the ``ebookify.assets`` package, so ``importlib.resources``
finds it the same way in a normal install, an editable install and a zip.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def read_asset(path: str) -> bytes:
    """``path`` is relative to ``assets/``, with forward slashes: ``"css/style.css"``."""
    return files("ebookify.assets").joinpath(path).read_bytes()
