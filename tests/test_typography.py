import re

import pytest
from hypothesis import given, strategies as st

from ebookify.model import Emphasis, Text
from ebookify.typography import _smarten_inlines, smarten


@pytest.mark.parametrize(
    "typed, typeset",
    [
        pytest.param('"Hello," she said.', "“Hello,” she said.", id="double quotes"),
        pytest.param("'Hi,' he said.", "‘Hi,’ he said.", id="single quotes"),
        pytest.param("\"She said 'no'.\"", "“She said ‘no’.”", id="nested quotes"),
        pytest.param("don't, it's, the dogs' bone", "don’t, it’s, the dogs’ bone", id="apostrophes"),
        pytest.param("'Tis 'em, 'til the '90s, rock 'n' roll",
                     "’Tis ’em, ’til the ’90s, rock ’n’ roll", id="leading elisions"),
        pytest.param('—"No!"', "—“No!”", id="quote after a dash opens"),
        pytest.param('"Wait—" he said', "“Wait—” he said", id="quote after a dash at a word's end closes"),
        pytest.param('"Well..."', "“Well…”", id="quote after an ellipsis closes"),
        pytest.param("wait--what---no", "wait—what—no", id="typewriter dashes"),
        pytest.param("and then... . . . nothing", "and then… … nothing", id="ellipses"),
        pytest.param("a row of dashes: ----", "a row of dashes: ----", id="long rules are left alone"),
        pytest.param("“Already” ‘curly’", "“Already” ‘curly’", id="curly stays curly"),
        pytest.param('"Unclosed dialogue that goes on', "“Unclosed dialogue that goes on",
                     id="a paragraph that does not close its quote"),
    ],
)
def test_rules(typed, typeset):
    assert smarten(typed) == typeset


def test_quotes_pair_across_emphasis():
    inlines = (Text('He said "'), Emphasis((Text("never"),)), Text('" twice.'))
    assert _smarten_inlines(inlines) == (Text("He said “"), Emphasis((Text("never"),)), Text("” twice."))


prose = st.text(alphabet=st.sampled_from("abcXYZ019 '\".-…—,!?\n(é"), max_size=80)


@given(prose)
def test_typography_is_idempotent(text):
    assert smarten(smarten(text)) == smarten(text)


@given(prose)
def test_typography_never_changes_letters_digits_or_their_order(text):
    assert re.findall(r"\w", smarten(text)) == re.findall(r"\w", text)


@given(st.text(max_size=80))
def test_typography_never_introduces_markup_characters(text):
    result = smarten(text)
    assert result.count("<") == text.count("<") and result.count("&") == text.count("&")
