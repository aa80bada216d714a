"""How to read a text, when the user overrides a detection. Every guess the parser makes can be
switched off here, and the two that matter most can be forced."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH_STYLES = ("auto", "line", "wrapped")


@dataclass(frozen=True)
class Settings:
    chapters: bool = True  # --no-chapters: the whole story is one chapter
    pattern: re.Pattern | None = None  # --chapter-pattern: lines matching it start chapters
    front_matter: bool = True  # --no-front-matter: the top of the file is story too
    gutenberg: bool = True  # --no-gutenberg: keep a Project Gutenberg licence where it stands
    paragraphs: str = "auto"  # --paragraphs line|wrapped: a paragraph per line, or unwrap lines
    emphasis: bool = True  # --no-emphasis: *stars* and _underscores_ stay as typed
    scene_breaks: bool = True  # --no-scene-breaks: divider lines stay as typed
