"""Regular expressions compiled when first used, not when their module is imported.

The reading rules define over a hundred patterns, and a conversion uses about half of them (a
fan-fiction story has no Gutenberg licence, no contents list, no transcriber's notes). Python
compiles a pattern in pure Python: the unused half cost a short story's whole process a tenth
of its time. ``lazy`` keeps the source; the first call of any method compiles it and puts the
compiled pattern's methods on the object, so every later call costs what a compiled one does.
"""

from __future__ import annotations

import re

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A stand-in for ``re.Pattern`` (its methods and attributes), compiled on first use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):  # reached only until the first compile fills the methods in
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groups, self.groupindex, self.flags = compiled.groups, compiled.groupindex, compiled.flags
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern:
    return LazyPattern(pattern, flags)  # type: ignore[return-value]  (it behaves as one)


# The letters of the scripts that put no spaces between words, as ranges for a character class:
# Han ideographs (with 々〆〇) and kana; and Korean Hangul, which does space its words.
HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9d"  # not the middle dot ・
HANGUL = "\uac00-\ud7af"
CJK_MARKS = "\u3000-\u3004\u3008-\u303f\u30fb\uff01-\uff60"  # their spaces, brackets and punctuation


_FROM_U3000 = lazy("[^\\x00-\u2fff]")  # 1 ms to compile, and faster to search than the classes themselves


def may_be_cjk(text: str) -> bool:
    """Whether ``text`` can hold a character of the classes above, all of which sort from U+3000
    on. Compiling one of those classes costs 3.6 ms (sre lists the 28,000 ideographs one by one):
    this test spares that to every text in other scripts, curly quotes and dashes included."""
    return not text.isascii() and _FROM_U3000.search(text) is not None
