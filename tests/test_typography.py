"""Typography rules, one behaviour per case, and the properties every language style keeps.

Invisible characters are spelled out so a case shows what it expects: NBSP (U+00A0), NNBSP
(U+202F, narrow) and WJ (U+2060, word joiner).
"""

from msgspec.structs import replace
import re

import pytest
from hypothesis import given, settings, strategies as st

from ebookify.model import (
    BlockQuote, Book, Chapter, Emphasis, LineBreak, Metadata, Note, Paragraph, Preformatted, SceneBreak, Section,
    Strike, Strong, Text,
)
from ebookify.typography import QUOTE_STYLES, smarten, typeset

NBSP, NNBSP, WJ = "\u00a0", "\u202f", "\u2060"


def book(*blocks, language="en", title="A Title"):
    return Book(Metadata(title=title, language=language), (Chapter(1, tuple(blocks)),))


def paragraphs(*texts, language="en", quotes=None):
    """Typeset one paragraph per text and return their texts."""
    done = typeset(book(*(Paragraph((Text(t),)) for t in texts), language=language), quotes=quotes)
    return [block.inlines[0].text for block in done.chapters[0].blocks]


def inlines(*inline, language="en"):
    """Typeset one paragraph of these inlines (a second paragraph keeps the book valid)."""
    done = typeset(book(Paragraph(tuple(inline)), Paragraph((Text("x"),)), language=language))
    return done.chapters[0].blocks[0].inlines


# English quotes and apostrophes ------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, typeset_",
    [
        pytest.param('"Hello," she said.', "“Hello,” she said.", id="double quotes"),
        pytest.param("'Hi,' he said.", "‘Hi,’ he said.", id="single quotes"),
        pytest.param("\"She said 'no'.\"", "“She said ‘no’.”", id="single quotes nest in double"),
        pytest.param("'She said \"no\".'", "‘She said “no”.’", id="double quotes nest in single"),
        pytest.param("\"'Tis,\" he said", "“’Tis,” he said", id="quote then elision"),
        pytest.param("'\"Never,\" he said,' she said", "‘“Never,” he said,’ she said", id="two marks open together"),
        pytest.param("don't, it's, I'd", "don’t, it’s, I’d", id="contractions"),
        pytest.param("the dog's bone", "the dog’s bone", id="possessive"),
        pytest.param("the dogs' bones", "the dogs’ bones", id="plural possessive"),
        pytest.param("'em", "’em", id="elision 'em"),
        pytest.param("'til dawn", "’til dawn", id="elision 'til"),
        pytest.param("'cause I said", "’cause I said", id="elision 'cause"),
        pytest.param("'Tis true", "’Tis true", id="elision 'tis"),
        pytest.param("the '90s", "the ’90s", id="elision of a decade's century"),
        pytest.param("rock 'n' roll", "rock ’n’ roll", id="rock 'n' roll"),
        pytest.param("'Scuse me, I'm 'fraid that's a whole 'nother story, 'specially now",
                     "’Scuse me, I’m ’fraid that’s a whole ’nother story, ’specially now", id="elisions of speech"),
        pytest.param("'Hello' 'em", "‘Hello’ ’em", id="a quote is not an elision"),
        pytest.param("\"The boat 'll sink if we 'd stayed, 'kase I 'm sure,\" he said.",
                     "“The boat ’ll sink if we ’d stayed, ’kase I ’m sure,” he said.", id="dialect written apart"),
        pytest.param("\"Tell 'im it's a good 'un, 'f you please; I 'uz there.\"",
                     "“Tell ’im it’s a good ’un, ’f you please; I ’uz there.”", id="dropped letters in speech"),
        pytest.param("'Imogen,' she said, 'Mind the 'im.'", "‘Imogen,’ she said, ‘Mind the ’im.’",
                     id="capitals and whole words open quotes"),
        pytest.param("—\"'man's'", "—“‘man’s’", id="quotes opening together after a dash open"),
        pytest.param("Hey — 'net's down", f"Hey{WJ}—’net’s down", id="a leading elision after a spaced dash"),
        pytest.param("Hey—'bout time", f"Hey{WJ}—’bout time", id="a leading elision after a closed dash"),
        pytest.param("—'Sure,' he said", "—‘Sure,’ he said", id="a quote after a dash that closes is a quote"),
        pytest.param("He was 5'10\" tall", "He was 5′10″ tall", id="feet and inches are primes"),
        pytest.param("3'20\" of arc, 12'30.5\"", "3′20″ of arc, 12′30.5″", id="minutes and seconds are primes"),
        pytest.param("a 6' fence, a 12\" record", "a 6′ fence, a 12″ record", id="one number and a prime"),
        pytest.param('"It was 1990," he said', "“It was 1990,” he said", id="a quote after a number closes"),
        pytest.param("'It was 1990' then", "‘It was 1990’ then", id="a single quote after a number closes"),
        pytest.param("the 1990's, 1'000", "the 1990’s, 1’000", id="an apostrophe in a number is no prime"),
        pytest.param('—"No!"', "—“No!”", id="quote after an em dash opens"),
        pytest.param('He said --"No!"', "He said —“No!”", id="quote after a typed dash opens"),
        pytest.param('"Wait--" he said', f"“Wait{WJ}—” he said", id="quote after a dash at a word's end closes"),
        pytest.param('"Wait—"', f"“Wait{WJ}—”", id="quote after a dash at the paragraph's end closes"),
        pytest.param('"Well..."', "“Well…”", id="quote after an ellipsis closes"),
        pytest.param('He paused..."Yes."', "He paused…“Yes.”", id="quote after an ellipsis before a word opens"),
        pytest.param("'Wait--'\" he said", f"‘Wait{WJ}—’” he said", id="quotes after a dash close together"),
        pytest.param('("Quoted")', "(“Quoted”)", id="quote after a bracket opens"),
        pytest.param('He said " and left', "He said “ and left", id="a lone mark with nothing open opens"),
        pytest.param('"Hi " and left', "“Hi ” and left", id="a lone mark closes what is open"),
        pytest.param("“Already” ‘curly’ don’t", "“Already” ‘curly’ don’t", id="curly stays curly"),
        pytest.param('“Half-curly," she said', "“Half-curly,” she said", id="straight quote beside curly ones"),
        pytest.param('"Unclosed dialogue that goes on', "“Unclosed dialogue that goes on",
                     id="a paragraph that does not close its quote"),
        pytest.param('no," he said.', "no,” he said.", id="a paragraph that closes a quote it never opened"),
    ],
)
def test_english_quotes(typed, typeset_):
    assert smarten(typed) == typeset_


def test_dialogue_over_several_paragraphs_opens_each_paragraph():
    assert paragraphs('"I walked all night.', '"And then I saw it."') == [
        "“I walked all night.", "“And then I saw it.”"]


def test_an_unbalanced_quote_never_leaks_into_the_next_paragraph():
    assert paragraphs("\"He said 'no", "'Hi,' he said, \"and bye.\"") == [
        "“He said ‘no", "‘Hi,’ he said, “and bye.”"]


def test_quotes_pair_across_emphasis():
    assert inlines(Text('He said "'), Emphasis((Text("never"),)), Text('" twice.')) == (
        Text("He said “"), Emphasis((Text("never"),)), Text("” twice."))


def test_a_quote_opening_inside_emphasis_closes_outside():
    assert inlines(Emphasis((Text('"Stop'),)), Strong((Text("!"),)), Text('" he said')) == (
        Emphasis((Text("“Stop"),)), Strong((Text("!"),)), Text("” he said"))


def test_an_apostrophe_after_emphasis_sees_the_word_before_it():
    assert inlines(Emphasis((Text("Tom"),)), Text("'s hat")) == (Emphasis((Text("Tom"),)), Text("’s hat"))


def test_a_line_break_counts_as_a_space():
    assert inlines(Text("roses,"), LineBreak(), Text("'violets'")) == (
        Text("roses,"), LineBreak(), Text("‘violets’"))


# Quotes per language -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, typed, typeset_",
    [
        pytest.param("fr", '"Bonjour," dit-il.', f"«{NNBSP}Bonjour,{NNBSP}» dit-il.",
                     id="fr: guillemets with narrow spaces"),
        pytest.param("fr", "\"Il a dit 'non'.\"", f"«{NNBSP}Il a dit “non”.{NNBSP}»",
                     id="fr: nested quotes are English doubles"),
        pytest.param("fr", "l'homme qu'il voit", "l’homme qu’il voit", id="fr: apostrophes"),
        pytest.param("fr", 'le passager de l\'"Atlanta"', f"le passager de l’«{NNBSP}Atlanta{NNBSP}»",
                     id="fr: a quote right after an elided article opens"),
        pytest.param("fr", "« Oui », dit-il", f"«{NNBSP}Oui{NNBSP}», dit-il",
                     id="fr: typed guillemets get narrow spaces"),
        pytest.param("fr", "«Oui»", f"«{NNBSP}Oui{NNBSP}»", id="fr: closed-up guillemets get narrow spaces"),
        pytest.param("fr", f"«{NNBSP}Oui{NNBSP}»", f"«{NNBSP}Oui{NNBSP}»", id="fr: narrow spaces are not doubled"),
        pytest.param("fr-CA", '"Allô"', f"«{NNBSP}Allô{NNBSP}»", id="fr-CA is French"),
        pytest.param("de", '"Hallo", sagte er.', "„Hallo“, sagte er.", id="de: low-high double quotes"),
        pytest.param("de", "\"Er sagte 'nein'.\"", "„Er sagte ‚nein‘.“", id="de: nested low-high single quotes"),
        pytest.param("de", "Wie geht's?", "Wie geht’s?", id="de: apostrophe"),
        pytest.param("de", "»Hallo«, sagte er.", "»Hallo«, sagte er.", id="de: typed guillemets are kept"),
        pytest.param("de", "»Er sagte 'nein'.«", "»Er sagte ‚nein‘.«", id="de: a quote after a German » opens"),
        pytest.param("de-AT", '"Servus"', "„Servus“", id="de-AT is German"),
        pytest.param("de-CH", '"Grüezi"', "«Grüezi»", id="de-CH uses guillemets"),
        pytest.param("es", "\"Dijo 'no'.\"", "«Dijo “no”.»", id="es: guillemets, nested English doubles"),
        pytest.param("it", '"Ciao", disse.', "«Ciao», disse.", id="it: guillemets"),
        pytest.param("ru", "\"Он сказал 'нет'.\"", "«Он сказал “нет”.»", id="ru: guillemets, nested English doubles"),
        pytest.param("ru", "«Да»", "«Да»", id="ru: typed guillemets stay closed up"),
        pytest.param("en-GB", '"Hello"', "“Hello”", id="en-GB is English"),
        pytest.param("nl", '"Hallo"', "“Hallo”", id="an unlisted language gets English quotes"),
        pytest.param("nl", "op 't dek, 's morgens in 's-Gravenhage, 'T Was heet, 'k Weet 't",
                     "op ’t dek, ’s morgens in ’s-Gravenhage, ’T Was heet, ’k Weet ’t", id="nl: 't, 's and 'k are elisions"),
        pytest.param("nl", "Hij zei: 'tot morgen.'", "Hij zei: ‘tot morgen.’", id="nl: a quotation starting with t still opens"),
        pytest.param("pl", "\"Powiedział 'nie'.\"", "„Powiedział «nie».”", id="pl: low-high doubles, guillemets inside"),
        pytest.param("ro", '"Da"', "„Da”", id="ro: low-high doubles"),
        pytest.param("hu", "\"Azt mondta 'nem'.\"", "„Azt mondta »nem«.”", id="hu: low-high doubles, »inner«"),
        pytest.param("sv", "\"Hej,\" sa han. 'Nej.'", "”Hej,” sa han. ’Nej.’", id="sv: the same mark opens and closes"),
        pytest.param("fi", '"Hei"', "”Hei”", id="fi: as Swedish"),
        pytest.param("cs", '"Ahoj"', "„Ahoj“", id="cs: German marks"),
        pytest.param("sk", '"Ahoj"', "„Ahoj“", id="sk: German marks"),
        pytest.param("da", "\"Hej,\" sagde han", "»Hej,« sagde han", id="da: guillemets pointing in"),
        pytest.param("nb", '"Hei"', "«Hei»", id="nb: guillemets"),
        pytest.param("ja", '彼は"こんにちは"と言った。"はい"', "彼は「こんにちは」と言った。「はい」",
                     id="ja: corner brackets, without spaces to tell direction"),
        pytest.param("ja", "\"彼は'はい'と\"", "「彼は『はい』と」", id="ja: nested white corner brackets"),
        pytest.param("zh-TW", '他說"你好"', "他說「你好」", id="zh-TW: corner brackets"),
        pytest.param("zh-Hant", '"好"', "「好」", id="zh-Hant: corner brackets"),
        pytest.param("zh", '他说"你好"', "他说“你好”", id="zh (simplified): curly doubles, as GB/T 15834"),
        pytest.param("ja", "it's", "it’s", id="ja: an apostrophe between Latin letters stays one"),
    ],
)
def test_quotes_per_language(language, typed, typeset_):
    assert smarten(typed, language) == typeset_


@pytest.mark.parametrize(
    "quotes, typeset_",
    [
        pytest.param("en", "“Hi,” he said, ‘no’", id="en"),
        pytest.param("fr", f"«{NNBSP}Hi,{NNBSP}» he said, “no”", id="fr"),
        pytest.param("de", "„Hi,“ he said, ‚no‘", id="de"),
        pytest.param("de-guillemets", "»Hi,« he said, ›no‹", id="de-guillemets"),
        pytest.param("guillemets", "«Hi,» he said, “no”", id="guillemets"),
        pytest.param("pl", "„Hi,” he said, «no»", id="pl"),
        pytest.param("hu", "„Hi,” he said, »no«", id="hu"),
        pytest.param("sv", "”Hi,” he said, ’no’", id="sv"),
        pytest.param("corner", "「Hi,」 he said, 『no』", id="corner"),
    ],
)
def test_quote_styles_override_the_language(quotes, typeset_):
    assert paragraphs("\"Hi,\" he said, 'no'", language="de", quotes=quotes) == [typeset_]


def test_the_quote_styles_are_the_documented_ones():
    assert QUOTE_STYLES == ("en", "fr", "de", "de-guillemets", "guillemets", "pl", "hu", "sv", "corner")
    assert all(f'"{style}"' in typeset.__doc__ for style in QUOTE_STYLES)


def test_an_unknown_quote_style_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="en, fr, de, de-guillemets, guillemets, pl"):
        typeset(book(Paragraph((Text("x"),))), quotes="klingon")


def test_the_override_changes_quotes_not_the_language_rules():
    assert paragraphs("Quoi? one - two", language="en", quotes="fr") == [f"Quoi? one{WJ}—two"]


# Dashes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, typed, typeset_",
    [
        pytest.param("en", "wait--what", f"wait{WJ}—what", id="two hyphens are an em dash"),
        pytest.param("en", "wait---what", f"wait{WJ}—what", id="three hyphens are an em dash"),
        pytest.param("en", "a row of dashes: ----", "a row of dashes: ----", id="four hyphens are a drawn line"),
        pytest.param("en", "two rungs -- five", f"two rungs{WJ}—five", id="en: spaced typed dash closes up"),
        pytest.param("en", "two rungs - five", f"two rungs{WJ}—five", id="en: spaced hyphen is a closed em dash"),
        pytest.param("en", "two rungs – five", f"two rungs{WJ}—five", id="en: spaced en dash is a closed em dash"),
        pytest.param("en", "two rungs — five", f"two rungs{WJ}—five", id="en: spaced em dash closes up"),
        pytest.param("en", '"I was -- "', f"“I was{WJ}—”", id="en: spaced dash before a closing quote"),
        pytest.param("fr", "un - deux", f"un{NBSP}– deux", id="fr: spaced hyphen is a spaced en dash"),
        pytest.param("fr", "un -- deux", f"un{NBSP}– deux", id="fr: spaced typed dash is a spaced en dash"),
        pytest.param("fr", "un – deux", f"un{NBSP}– deux", id="fr: typed en dash keeps its line"),
        pytest.param("fr", "-- Bonjour, dit-il.", "— Bonjour, dit-il.", id="fr: a dialogue dash opens a paragraph"),
        pytest.param("ru", "- Да, конечно, - сказал он.", f"— Да, конечно,{NBSP}— сказал он.",
                     id="ru: a typed hyphen opening speech is the dialogue dash"),
        pytest.param("es", "-Hola -dijo.", "—Hola -dijo.", id="es: an opening raya stays closed up"),
        pytest.param("sv", "- Hej, sa hon.", "– Hej, sa hon.", id="sv: the dialogue dash is an en dash"),
        pytest.param("ru", "-5 градусов", "-5 градусов", id="a minus is no dialogue dash"),
        pytest.param("fr", "- 'Oui', dit-il.", "— “Oui”, dit-il.", id="fr: a dialogue dash before a single quote"),
        pytest.param("en", "- milk\n- bread", "- milk\n- bread", id="en: a hyphen opening a line is left alone"),
        pytest.param("de", "eins - zwei", f"eins{NBSP}– zwei", id="de: spaced en dash"),
        pytest.param("it", "uno - due", f"uno{NBSP}– due", id="it: spaced en dash"),
        pytest.param("ru", "один - два", f"один{NBSP}— два", id="ru: spaced em dash (тире)"),
        pytest.param("es", "uno - dos", f"uno{NBSP}— dos", id="es: spaced em dash (raya)"),
        pytest.param("en", "5 - 3 = 2", "5 - 3 = 2", id="a minus between numbers is left alone"),
        pytest.param("en", "from 1990-1995", "from 1990–1995", id="a year range takes an en dash"),
        pytest.param("en", "pages 10-20.", "pages 10–20.", id="a page range takes an en dash"),
        pytest.param("en", "on 2024-01-15", "on 2024-01-15", id="a date is not a range"),
        pytest.param("en", "ISBN 978-3-16", "ISBN 978-3-16", id="a chain of numbers is not a range"),
        pytest.param("en", "an M-16", "an M-16", id="a number glued to letters is not a range"),
        pytest.param("en", "M-m-m-maybe", "M-m-m-maybe", id="a stammer is left alone"),
        pytest.param("en", "the lamp-post", "the lamp-post", id="a compound word is left alone"),
        pytest.param("en", "pre- and post-war", "pre- and post-war", id="a suspended hyphen is left alone"),
        pytest.param("en", "— Well", "— Well", id="no word joiner after a space"),
        pytest.param("en", "“No”—", "“No”—", id="no word joiner after a closing quote: no break there (UAX 14 LB19)"),
        pytest.param("en", "(—so)", "(—so)", id="no word joiner after an opening bracket (LB14)"),
        pytest.param("en", "so)—and", f"so){WJ}—and", id="a word joiner after a closing bracket"),
        pytest.param("en", "wait——", f"wait{WJ}——", id="one word joiner before a two-em dash"),
        pytest.param("en", f"wait{WJ}—what", f"wait{WJ}—what", id="a word joiner is not doubled"),
    ],
)
def test_dashes(language, typed, typeset_):
    assert smarten(typed, language) == typeset_


def test_a_word_joiner_glues_a_dash_to_an_emphasised_word():
    assert inlines(Emphasis((Text("never"),)), Text("--and")) == (Emphasis((Text("never"),)), Text(f"{WJ}—and"))


def test_titles_and_the_blurb_get_no_word_joiner():
    done = typeset(Book(Metadata(title="Lamps--and Light", language="en",
                                 description=(Paragraph((Text("Dark--"), Emphasis((Text("light--on"),)))),)),
                        (Chapter(1, (Paragraph((Text("x"),)),), title="Dark--light"),)))
    assert done.metadata.title == "Lamps—and Light"
    assert done.chapters[0].title == "Dark—light"
    assert done.metadata.description == (Paragraph((Text("Dark—"), Emphasis((Text("light—on"),)))),)


# Ellipses and spaces -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, typed, typeset_",
    [
        pytest.param("en", "and then...", "and then…", id="three dots"),
        pytest.param("en", "and then. . .", "and then…", id="three spaced dots"),
        pytest.param("en", "and then....", "and then.…", id="four dots are a full stop and an ellipsis"),
        pytest.param("en", "and then.....", "and then.....", id="five dots are a row of dots, kept"),
        pytest.param("en", "I thought ...", f"I thought{NBSP}…", id="an ellipsis ending a thought stays on its line"),
        pytest.param("en", "then ... nothing", f"then{NBSP}… nothing", id="a spaced ellipsis hangs on the word before"),
        pytest.param("en", "said ...and", "said …and", id="an ellipsis before a word keeps its space"),
        pytest.param("en", "a  b   c", "a b c", id="runs of spaces collapse"),
        pytest.param("en", "a\tb", "a b", id="a tab is a space"),
        pytest.param("en", f"a {NBSP}b", f"a{NBSP}b", id="a space beside a no-break space goes"),
        pytest.param("en", "Mr. Smith", f"Mr.{NBSP}Smith", id="Mr."),
        pytest.param("en", "Mrs. Abernathy", f"Mrs.{NBSP}Abernathy", id="Mrs."),
        pytest.param("en", "Ms. Jones", f"Ms.{NBSP}Jones", id="Ms."),
        pytest.param("en", "Dr. Watson", f"Dr.{NBSP}Watson", id="Dr."),
        pytest.param("en", "St. Ives", f"St.{NBSP}Ives", id="St."),
        pytest.param("en", "Mr Smith", f"Mr{NBSP}Smith", id="Mr without a point"),
        pytest.param("en", "Mr.  Smith", f"Mr.{NBSP}Smith", id="Mr. with two spaces"),
        pytest.param("en", "the St. 5 bus", "the St. 5 bus", id="no no-break space before a number"),
        pytest.param("fr", "Dr. Who", "Dr. Who", id="English titles are English only"),
    ],
)
def test_ellipses_and_spaces(language, typed, typeset_):
    assert smarten(typed, language) == typeset_


@pytest.mark.parametrize(
    "typed, typeset_",
    [
        pytest.param("Quoi !", f"Quoi{NNBSP}!", id="narrow no-break space before !"),
        pytest.param("Quoi?", f"Quoi{NNBSP}?", id="narrow no-break space added before ?"),
        pytest.param("oui ; non", f"oui{NNBSP}; non", id="narrow no-break space before ;"),
        pytest.param("voici : rien", f"voici{NBSP}: rien", id="no-break space before :"),
        pytest.param("Quoi ?!", f"Quoi{NNBSP}?!", id="one space before a pair of signs"),
        pytest.param("à 12:30", "à 12:30", id="a time is left alone"),
        pytest.param("http://exemple.fr", "http://exemple.fr", id="a web address is left alone"),
        pytest.param('"Non !"', f"«{NNBSP}Non{NNBSP}!{NNBSP}»", id="inside guillemets"),
        pytest.param("«Non»!", f"«{NNBSP}Non{NNBSP}»{NNBSP}!", id="after a closing guillemet"),
        pytest.param("? dit-il", "? dit-il", id="nothing before a sign that opens the paragraph"),
    ],
)
def test_french_spacing(typed, typeset_):
    assert smarten(typed, "fr") == typeset_


def test_french_spacing_is_french_only():
    assert smarten("Quoi ? voici : rien", "en") == "Quoi ? voici : rien"


def test_french_spacing_reaches_across_emphasis():
    assert inlines(Emphasis((Text("Non"),)), Text("!"), language="fr") == (
        Emphasis((Text("Non"),)), Text(f"{NNBSP}!"))


# The book -----------------------------------------------------------------------------------


def plain(text):
    return Paragraph((Text(text),))


def test_every_part_of_the_book_is_typeset():
    source = Book(
        Metadata(title="The Lamplighter's Apprentice", language="en", subtitle='A "cosy" story',
                 description=(plain("It's short."),)),
        (Chapter(1, (plain("Don't."), SceneBreak(), BlockQuote((plain("'Dear Sir,'"),))), title="Mira's Lamp",
                 label="Chapter 1", part="Part One: Mira's Road", notes=(Note((plain("I'm back."),)),)),),
        front_notes=(Note((plain("Thanks, y'all."),)),),
        back_matter=(Section("Author's Notes", (plain("That's all."),)),),
    )
    done = typeset(source)
    assert done.metadata.title == "The Lamplighter’s Apprentice"
    assert done.metadata.subtitle == "A “cosy” story"
    assert done.metadata.description == (plain("It’s short."),)
    assert done.chapters[0].title == "Mira’s Lamp"
    assert done.chapters[0].part == "Part One: Mira’s Road"
    assert done.chapters[0].blocks == (plain("Don’t."), SceneBreak(), BlockQuote((plain("‘Dear Sir,’"),)))
    assert done.chapters[0].notes == (Note((plain("I’m back."),)),)
    assert done.front_notes == (Note((plain("Thanks, y’all."),)),)
    assert done.back_matter == (Section("Author’s Notes", (plain("That’s all."),)),)


def test_preformatted_text_and_chapter_labels_stay_as_typed():
    code = Preformatted('print("--...")  # it\'s code')
    done = typeset(Book(Metadata(title="T", language="en"), (Chapter(1, (plain("x"), code), label="Chapter -- 1"),)))
    assert done.chapters[0].blocks[1] == code
    assert done.chapters[0].label == "Chapter -- 1"


def test_strike_is_read_with_the_rest_of_the_paragraph():
    assert inlines(Text('"It was '), Strike((Text("red"),)), Text(' blue."')) == (
        Text("“It was "), Strike((Text("red"),)), Text(" blue.”"))


# Properties ---------------------------------------------------------------------------------

TOKENS = [
    "a", "b", "Z", "é", "ж", "7", "1990", " ", "  ", "\t", NBSP, NNBSP, WJ, "\n", "'", '"', "“", "”", "‘", "’",
    "«", "»", "„", "‚", "-", "--", "---", "–", "—", ".", "...", ". . .", "…", ",", "!", "?", ":", ";", "(", ")",
    "/", "Mr.", "Dr", "St. ", "'em", "'90s", "1990-1995", "12:30", "http://", "<", "&",
    "5'10\"", "....", "—'", "こ", "「", "′",
]
prose = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
STYLES = [(language, style) for language in ("en", "fr", "de", "ru") for style in (None, *QUOTE_STYLES)] + [
    (language, None) for language in ("pl", "sv", "ja", "zh-TW")]
WORD = re.compile(r"[^\W_]+")


@pytest.mark.parametrize("language, quotes", STYLES)
@settings(max_examples=150, deadline=None)
@given(text=prose)
def test_typography_is_idempotent(language, quotes, text):
    once = smarten(text, language, quotes)
    assert smarten(once, language, quotes) == once


@pytest.mark.parametrize("language, quotes", STYLES)
@settings(max_examples=150, deadline=None)
@given(text=prose)
def test_typography_never_changes_words_letters_or_digits(language, quotes, text):
    assert WORD.findall(smarten(text, language, quotes)) == WORD.findall(text)


@pytest.mark.parametrize("language, quotes", STYLES)
@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=60) | prose)
def test_typography_never_introduces_markup_characters(language, quotes, text):
    result = smarten(text, language, quotes)
    assert result.count("<") == text.count("<") and result.count("&") == text.count("&")


@st.composite
def emphasised(draw):
    """A paragraph cut into text, emphasis and line breaks at random places."""
    pieces = draw(st.lists(prose.filter(bool), min_size=1, max_size=5))
    out = []
    for piece in pieces:
        kind = draw(st.sampled_from(["text", "em", "strong", "br"]))
        if kind == "text":
            out.append(Text(piece))
        elif kind == "br":
            out += [LineBreak(), Text(piece)]
        else:
            out.append((Emphasis if kind == "em" else Strong)((Text(piece),)))
    return tuple(out)


def _paragraph_text(inlines_):
    return "".join(i.text if isinstance(i, Text) else "\n" if isinstance(i, LineBreak) else _paragraph_text(i.children)
                   for i in inlines_)


def _shape(inlines_):
    return [(type(i).__name__, _shape(i.children)) if hasattr(i, "children") else type(i).__name__ for i in inlines_]


@pytest.mark.parametrize("language", ["en", "fr", "de"])
@settings(max_examples=150, deadline=None)
@given(parts=emphasised())
def test_across_emphasis_typography_is_idempotent_and_keeps_words_and_shape(language, parts):
    once = inlines(*parts, language=language)
    twice = inlines(*once, language=language)
    assert twice == once
    assert _shape(once) == _shape(parts)
    assert WORD.findall(_paragraph_text(once)) == WORD.findall(_paragraph_text(parts))


@pytest.mark.parametrize("language", ["en", "fr", "de"])
@settings(max_examples=150, deadline=None)
@given(texts=st.lists(prose, min_size=2, max_size=4))
def test_paragraphs_typeset_together_come_out_as_typeset_alone(language, texts):
    assert paragraphs(*texts, "x", language=language)[:-1] == [smarten(t, language) for t in texts]


def test_a_book_that_uses_every_separator_is_typeset_one_paragraph_at_a_time():
    odd = "\u2029\u2028\x1c\x1d\x1e\x1f"
    assert paragraphs(f"'Hi' {odd}", '"Bye--"') == [f"‘Hi’ {odd}", f"“Bye{WJ}—”"]


def test_a_book_that_uses_every_private_character_is_typeset_one_text_node_at_a_time():
    from ebookify.typography import _CUTS  # every character that could mark an emphasis boundary

    done = typeset(book(plain(_CUTS), Paragraph((Text("don't "), Emphasis((Text("'em"),)), Text("--go")))))
    assert done.chapters[0].blocks[0] == plain(_CUTS)
    assert done.chapters[0].blocks[1] == Paragraph((Text("don’t "), Emphasis((Text("’em"),)), Text("—go")))


def test_a_quote_around_bold_italic_turns_the_right_way():
    assert inlines(Text('"'), Strong((Emphasis((Text("Yes!"),)),)), Text('" she said')) == (
        Text("“"), Strong((Emphasis((Text("Yes!"),)),)), Text("” she said"))


def test_a_section_in_another_language_is_set_by_its_own_rules():
    from ebookify.model import Section

    licence = Section("Project Gutenberg Licence", (Paragraph((Text('the phrase "Project Gutenberg"'),)),
                                                     Paragraph((Text("- You pay a royalty fee."),))), "en")
    done = typeset(replace(book(Paragraph((Text('Il dit "oui".'),)), language="fr"), back_matter=(licence,)))
    assert [p.inlines[0].text for p in done.back_matter[0].blocks] == [
        "the phrase “Project Gutenberg”", "- You pay a royalty fee."]
    assert done.chapters[0].blocks[0].inlines[0].text == f"Il dit «{NNBSP}oui{NNBSP}»."


@pytest.mark.parametrize("typed, shown", [
    ("`To college?' she asked.", "‘To college?’ she asked."),
    ("``Yes,'' he said, ``I will.''", "“Yes,” he said, “I will.”"),
    ("He said `no' and left; it's fine.", "He said ‘no’ and left; it’s fine."),
    ("Run `make` and `ls` now.", "Run `make` and `ls` now."),  # a code span: a backtick answers it
    ("Type `it's` here", "Type `it’s` here"),
    ("aloud: \"`Wait at Dover.' It's not long.\"", "aloud: “‘Wait at Dover.’ It’s not long.”"),  # not AsciiDoc's "`
])
def test_an_old_etexts_grave_accent_opens_the_quote_a_straight_one_closes(typed, shown):
    assert smarten(typed) == shown


@pytest.mark.parametrize("typed, language, shown", [
    ("He said \"`yes`\" twice.", "en", "He said “yes” twice."),
    ("Er sagte \"`ja`\" zweimal.", "de", "Er sagte „ja“ zweimal."),
    ("and '`the many`' below", "en", "and ‘the many’ below"),
    ("`Was passiert ist?´ ruft sie", "de", "`Was passiert ist?´ ruft sie"),  # a German typewriter's pair: as typed
])
def test_asciidoc_s_curved_quotes_take_the_language_s_marks(typed, language, shown):
    assert smarten(typed, language) == shown
