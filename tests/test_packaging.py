"""Assets travel inside the wheel and are found through importlib.resources."""

import subprocess
import sys
import zipfile

from ebookify.resources import read_asset

from conftest import ROOT


def test_assets_are_found_through_the_package():
    assert read_asset("css/style.css").startswith(b"@charset")
    assert read_asset("templates/page.xhtml").startswith(b"<?xml")
    assert read_asset("fonts/EBGaramond12-Regular.otf")[:4] == b"OTTO"
    assert b"SIL OPEN FONT LICENSE" in read_asset("fonts/OFL.txt")


def test_the_wheel_carries_templates_stylesheet_fonts_and_their_licence(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("ebookify-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for asset in ("css/style.css", "templates/chapter.xhtml", "templates/page.xhtml",
                  "fonts/EBGaramond12-Regular.otf", "fonts/EBGaramond12-Italic.otf", "fonts/OFL.txt"):
        assert f"ebookify/assets/{asset}" in names
