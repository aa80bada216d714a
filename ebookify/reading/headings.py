"""Which lines are headings: chapters, parts, prologues and the like, in several languages.

A line only *can* be a heading here; ``structure.py`` then decides whether it has the look of
one in its file (space around it, a consistent pattern, text under it). Keywords are matched
case-insensitively in English, French, German, Spanish, Italian, Portuguese, Dutch and Russian.
"""

from __future__ import annotations

import re
from itertools import product

from msgspec import Struct
from msgspec.structs import replace

from .blocks import is_scene_break
from ..patterns import HAN, HANGUL, KANA, lazy, may_be_cjk

CHAPTER = "chapter"
PART = "part"
SPECIAL = "special"  # prologue, epilogue, interlude… : a chapter without a number
MARKDOWN = "markdown"  # "# Anything": explicit markup, trusted
NUMERAL = "numeral"  # "IV." or "12" alone: only a heading when the file keeps to the pattern
NUMBERED = "numbered"  # "1. AT THE BAY.": likewise
TITLED = "titled"  # "1. Der Froschkönig": a numbered title in small letters too: likewise, and set off by blank lines
LISTED = "listed"  # a title with no label that the file's contents list names ("HOW THE WHALE GOT HIS THROAT"), or its site's count confirms
LINE = "line"  # a heading-like line that is not a heading (a contents entry): a paragraph of its own
SECTION = "section"  # a section's heading inside a chapter ("II." in a story the contents list names)
ENTRY = "entry"  # the first line of a contents list's entry: a paragraph starts there, whatever the layout


class Heading(Struct, frozen=True):
    """A line read as a heading, split the way a table of contents shows it."""

    kind: str
    label: str  # the numbering as written: "Chapter 3", "Part Two", "Prologue", "IV"
    title: str = ""  # the rest: "The Storm"
    number: str = ""  # the numeral alone, for checking that a file's numbers run in sequence
    signal: str = ""  # what made it a heading, for --debug-structure
    part: str = ""  # the part the file's contents list puts it under, when the list has parts
    level: int = 0  # a Markdown heading's number of "#" (0: not one)


_CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt "
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig "
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce veinte "
    "due tre quattro cinque sei sette otto nove dieci undici dodici venti "
    "um dois três quatro cinco seis sete oito nove dez "
    "een twee drie vier vijf zes zeven acht negen tien "
    "один два три четыре пять шесть семь восемь девять десять"
).split()
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth last final "
    "premier première deuxième troisième quatrième cinquième dernier dernière "
    "erstes erste zweites zweite drittes dritte viertes vierte letztes letzte "
    "primero primera segundo segunda tercero tercera cuarto cuarta último última "
    "quinto quinta sexto sexta séptimo sétimo octavo oitavo noveno nono décimo decimo "
    "primo prima secondo seconda terzo terza quarto quarta sesto settimo ottavo ultimo ultima "
    "primeiro primeira terceiro terceira "
    "pierwsza piérwsza druga trzecia czwarta piąta szósta siódma ósma dziewiąta dziesiąta ostatnia "
    "последняя последний"
).split() + [
    # Polish "Rozdział pierwszy" (masculine), "Część jedenasta"; Russian "Глава четвертая", "Том первый",
    # "Действие второе": each ordinal in the three genders a keyword may take
    stem + ending for stem in ("pierwsz drug trzec czwart piąt szóst siódm ósm dziewiąt dziesiąt jedenast dwunast "
                               "trzynast czternast piętnast szesnast siedemnast osiemnast dziewiętnast dwudziest").split()
    for ending in ("y", "a", "i")] + [
    stem + ending for stem in ("перв втор четверт четвёрт пят шест седьм восьм девят десят одиннадцат двенадцат "
                               "тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат "
                               "тридцат").split()
    for ending in ("ая", "ый", "ой", "ое")] + "третья третий третье".split()
_NUMBER_WORDS = frozenset(_CARDINALS + _ORDINALS)
_WORD_NUMBER = "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
_FIGURES = r"\d{1,5}(?:\.[IVXLCDMivxlcdm]{1,7})?|(?-i:[IVXLCDM]{1,12}|[ivx]{1,5})"  # never "Dayı" (Turkish: uncle) as "Day I"
_SPELLED = rf"(?:the )?(?:{_WORD_NUMBER})(?:[- ](?:{_WORD_NUMBER}))?"  # "the Twenty-First", "Twenty One"
_BETWEEN = r"(?:\.\d{1,2}|[a-d])?"  # "Chapter 12.5", "Chapter 3a": a chapter slipped in between two others
_NUMERAL = rf"(?:{_FIGURES}|{_SPELLED}){_BETWEEN}"
# Chapter-level keywords, with the forms real editions use besides "chapter": letters (epistolary
# novels), staves (Dickens), cantos, adventures (story cycles), scenes of a play.
_CHAPTER_WORDS = (
    r"chapter|chap\.?|ch\.|chapitre|kapitel|cap[ií]tulo|capitolo|cap\.|глава|hoofdstuk|rozdzia[łl]|tratado"
    r"|kapitola|kapittel|b[öo]l[üu]m|chương|bab|luku|fejezet|розділ|κεφάλαιο|capitolul|poglavlje|poglavje|פרק|الفصل"
    r"|letter|lettre|brief|carta|lettera|письмо|stave|canto|gesang|песнь|fitt?"  # "Fit the First" (Carroll, old ballads)
    r"|adventure|aventure|abenteuer|aventura|avventura|scene|scène|szene|escena|scena|явление"
    r"|day|entry|jour|tag|eintrag|d[ií]a|giorno|dia|день|запись|dag"  # a diary's days and entries
)
_PART_WORDS = (
    r"part|book|volume|vol\.|partie|livre|teil|theil|buch|parte|libro|часть|книга|том|deel|boek|tomo|tome|band|cz[ęe][śs][ćc]|ksi[ęe]ga"
    r"|act|acte|akt|acto|atto|действие"
    r"|tom|osa|del|delen|d[ií]l|č[aá]st|kniha|kitap|k[ıi]s[ıi]m|cilt|phần|quyển|bagian|частина|μέρος|partea|r[ée]sz|חלק|الجزء"
    r"|arc"  # a web serial's story arc
)
_SPECIAL_WORDS = (
    r"prologue|prolog|pr[oó]logo|пролог|proloog|[eé]pilogue|epilog|ep[ií]logo|эпилог|epiloog"
    r"|interlude|intermission|interludio|zwischenspiel|интерлюдия|omake|side[- ]story|bonus chapter"
    r"|afterword|postface|nachwort|послесловие|foreword|preface|pr[eé]face|vorwort|prefacio|prefazione"
    r"|предисловие|introduction|einleitung|introducci[oó]n|introduzione|введение|appendix|finale"
    r"|conclusion|conclusi[oó]n|conclusione|заключение|alkulause|esipuhe|johdanto|jälkisanat|loppulause"
)
_SEPARATOR = r"(?P<separator>\s*[:.\-–—|]\s*|\s+)"
_DECORATION = "~=*_+-–—•·◇◆༺༻꧁꧂ \t"  # (Tibetan and Javanese ornaments frame a web novel's headings: "༺ Prologue ༻")

# The three keyword kinds in one pattern, so the numeral grammar compiles once (three times was a
# tenth of a short story's start-up); the group that took the keyword says the kind. A chapter or
# part needs its number; a prologue's title needs a mark before it ("Prologue: Rain", never
# "Prologue Rain"): both are checked by ``_keyword_heading``.
def _keyword_line(numeral: str) -> str:
    return (rf"^(?P<label>(?:(?P<chapter>{_CHAPTER_WORDS})\s*|(?P<part>{_PART_WORDS})\s+|(?P<special>{_SPECIAL_WORDS})\s*)"
            rf"(?P<number>{numeral})?)\.?(?:\s*[:\-–—]\s*$|{_SEPARATOR}(?P<title>\S.*?))?$")  # "Part 1:" has no title


_KEYWORD_LINE = lazy(_keyword_line(_NUMERAL), re.IGNORECASE)
# The same without spelled numbers, whose 300 words are most of the compile (5 ms of a short
# story's start-up): numbers in figures answer nearly every heading, and the whole grammar is
# compiled only for a line that names a number word (``_keyword_match``).
_KEYWORD_FIGURES = lazy(_keyword_line(f"(?:{_FIGURES}){_BETWEEN}"), re.IGNORECASE)
_LETTERS = lazy(r"[^\W\d_]+")


def _openings(words: str, size: int = 3) -> frozenset[str]:
    """Every way the keywords open, in their first ``size`` letters ("[eé]pilogue": epi, épi;
    0: the whole word, its letters alone: "vol\\." is "vol", "fitt?" "fit" and "fitt")."""
    found = set()
    for word in words.split("|"):
        choices: list[str | list[str]] = []  # each letter's choices
        rest = word
        while rest and (len(choices) < size or not size):
            if rest[0] == "[":
                letters, rest = rest[1:].split("]", 1)
            elif rest[0] == "\\":
                letters, rest = rest[1], rest[2:]
            elif rest[0] == "?":
                letters, rest = [choices.pop(), ""], rest[1:]
            else:
                letters, rest = rest[0], rest[1:]
            choices.append(letters)
        found.update("".join(c for c in spelt if c.isalpha() or size) for spelt in product(*choices))
    return frozenset(found)


# Most lines open with none of these: the keyword grammar need not look at them.
_KEYWORD_OPENINGS = _openings("|".join((_CHAPTER_WORDS, _PART_WORDS, _SPECIAL_WORDS)))
# Their letters, case-folded as the lines they are looked up for: "vol", "sidestory", "μέροσ".
_KEYWORDS = frozenset(k.casefold() for k in _openings("|".join((_CHAPTER_WORDS, _PART_WORDS, _SPECIAL_WORDS)), 0))


def _opens_with_keyword(folded: str) -> bool:
    """Whether a keyword opens the (case-folded) line, alone ("Chapter 3", "Ch.2", "Side Story:") or
    with its numeral glued on ("ChapterIV", "Chapterone"): the quick look before the keyword
    grammars (7 ms to compile). Three letters turn most lines away; the whole word, the prose
    lines that open like a keyword ("The sun…" like "Theil", "Charles", "Captain")."""
    if folded[:3] not in _KEYWORD_OPENINGS:
        return False
    words = _LETTERS.findall(folded[:_FIRST_WORDS])[:2]
    for size in (1, 2):  # a keyword of one word or two ("Side Story")
        opening = "".join(words[:size])
        if opening in _KEYWORDS or any(opening[:n] in _KEYWORDS and _may_be_glued_numeral(opening[n:])
                                       for n in range(2, len(opening))):
            return True
    return False


def _may_be_glued_numeral(letters: str) -> bool:
    """A numeral that can follow a keyword with no space: Roman ("iv", "xiia") or spelled ("one", "the")."""
    core = letters[:-1] if letters[-1:] in "abcd" else letters
    return not core.strip("ivxlcdm") or letters == "the" or _has_number_word([letters])

# "Erstes Kapitel", "Zweiundzwanzigstes Kapitel", "Drittes Buch": the German ordinal comes first.
_ORDINAL_FIRST = lazy(
    r"^(?P<label>(?P<number>[A-ZÄÖÜ][a-zäöüß]{2,30}?(?:t|st)e[rs]?)\s+(?P<word>kapitel|buch|th?eil|abschnitt))\.?"
    r"(?:\s*[:.\-–—]\s*(?P<title>\S.*?))?$",
    re.IGNORECASE,
)
# Chinese, Japanese and Korean number chapters "第三章", "第12話", "第一卷", "제3장": 第 (Korean 제),
# the number in digits or CJK numerals, then a unit that says the level: 章 回 話 节 集 幕 장 화 a
# chapter, 卷 部 篇 권 a part. The title follows after a space or a colon, or straight on when short.
_CJK_CHAPTER_UNITS = "章回话話节節集幕장화"
_CJK_PART_UNITS = "卷巻部篇권"
_CJK_SPECIALS = "序章|序幕|序言|楔子|引子|尾声|尾聲|终章|終章|后记|後記|番外篇?|プロローグ|エピローグ|あとがき|프롤로그|에필로그"
_CJK_OPENERS = frozenset("第제序楔引尾终終后後番プエあ프에正目《")
_CJK_LINE = lazy(  # Chinese TXT sites put "正文" (the text) or "《》目录" (a bookmark) before each heading
    rf"^(?:正文|(?:《[^》]{{0,30}}》\s*)?目录)?\s*(?P<label>(?:第|제)\s*(?P<number>[0-9０-９]{{1,5}}|[零〇一二两兩三四五六七八九十百千]{{1,8}})\s*"
    rf"(?P<unit>部分|[{_CJK_CHAPTER_UNITS}{_CJK_PART_UNITS}])|(?P<special>{_CJK_SPECIALS}))"
    r"(?P<separator>[\s:：.．、·・\-—]*)(?P<title>\S.*?)?$"
)
_CJK_END_WORDS = frozenset("终 終 完 完结 完結 结束 結束 终了 終了 終わり 끝 完 全文完".split())  # "第一卷 完": that part ends
_CJK_SENTENCE = frozenset("，。！？；、,.!?;")  # a title has none of these where no space set it apart
CJK_LETTER = lazy(f"[{HAN}{KANA}{HANGUL}]")  # a letter of Chinese, Japanese or Korean
_ORDINAL_WORDS = lazy(r"kapitel|buch|th?eil|abschnitt")  # in every line _ORDINAL_FIRST matches: the rest skip it
def _finnish_ordinals() -> dict[str, int]:
    """Finnish ordinals, 1st to 59th, as editions write them before "runo", "luku", "kirja":
    "Ensimmäinen" (or the older "Ensimäinen"), "Yhdestoista" (11th), "Kahdeskymmenes" (20th), and
    both ways of saying 21st: "Kahdeskymmenesensimmäinen" and the older "Yhdeskolmatta" (the
    first of the third ten), as the Kalevala numbers its runos."""
    units = "ensimmäinen toinen kolmas neljäs viides kuudes seitsemäs kahdeksas yhdeksäs".split()
    stems = "yhdes kahdes kolmas neljäs viides kuudes seitsemäs kahdeksas yhdeksäs".split()
    tens = {2: ("kahdeskymmenes", "kolmatta"), 3: ("kolmaskymmenes", "neljättä"),
            4: ("neljäskymmenes", "viidettä"), 5: ("viideskymmenes", "kuudetta")}
    found = {word: n for n, word in enumerate(units, 1)} | {"ensimäinen": 1, "kymmenes": 10}
    found |= {stem + "toista": 10 + n for n, stem in enumerate(stems, 1)}
    for ten, (word, next_ten) in tens.items():
        found[word] = 10 * ten
        found |= {word + unit: 10 * ten + n for n, unit in enumerate(units, 1)}
        found |= {stem + next_ten: 10 * ten + n for n, stem in enumerate(stems, 1)}
    return found


# "FIRST ACT", "Second Book", "Final Chapter", "Première partie": English and French put the ordinal
# first too (plays, older novels). Each ordinal with its value, for telling "ACT I" and "FIRST ACT" alike.
ORDINAL_VALUES = {
    **{word: n for n, word in enumerate(("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                                         "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                                         "nineteenth twentieth").split(), 1)},
    "première": 1, "premier": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
    "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12,
    # Spanish, Italian and Portuguese ("Primera parte"), Swedish, Danish and Norwegian ("Första kapitlet"),
    # Turkish ("Birinci Bölüm") and Czech ("První kapitola"): the forms that stand before the word.
    **{word: n for n, words in enumerate((
        "primera primer primero prima primo primeira primeiro första første förste birinci první",
        "segunda segundo seconda secondo andra andet anden andre ikinci druhá druhý druhé",
        "tercera tercer tercero terza terzo terceira terceiro tredje üçüncü třetí",
        "cuarta cuarto quarta quarto fjärde fjerde dördüncü čtvrtá čtvrtý",
        "quinta quinto femte beşinci pátá pátý",
        "sexta sexto sesta sesto sjätte sjette altıncı šestá šestý",
        "séptima séptimo settima settimo sétima sétimo sjunde syvende sjuende yedinci sedmá sedmý",
        "octava octavo ottava ottavo oitava oitavo åttonde ottende åttende sekizinci osmá osmý",
        "novena noveno nona nono nionde niende dokuzuncu devátá devátý",
        "décima décimo decima decimo tionde tiende onuncu desátá desátý",
        "undécima undécimo undicesima undicesimo elfte", "duodécima duodécimo dodicesima dodicesimo tolfte",
        "decimotercera decimotercero tredicesima tredicesimo trettonde",
        "decimocuarta decimocuarto quattordicesima quattordicesimo fjortonde",
        "decimoquinta decimoquinto quindicesima quindicesimo femtonde",
        "decimosexta decimosexto sedicesima sedicesimo sextonde",
        "decimoséptima decimoséptimo diciassettesima diciassettesimo sjuttonde",
        "decimoctava decimoctavo diciottesima diciottesimo artonde adertonde",
        "decimonovena decimonoveno diciannovesima diciannovesimo nittonde",
        "vigésima vigésimo ventesima ventesimo tjugonde"), 1) for word in words.split()},
    # Swedish joins tens and units: "tjugoförsta" (21st) to "trettionionde" (39th)
    **{tens + unit: base + n for tens, base in (("tjugo", 20), ("tjugu", 20), ("trettio", 30))
       for n, unit in enumerate("första andra tredje fjärde femte sjätte sjunde åttonde nionde".split(), 1)},
    "trettionde": 30,
    **_finnish_ordinals(),
    # German ("Erstes Kapitel", "Zweiter Teil", "Dritte Szene") and Dutch ("EERSTE HOOFDSTUK", "Tweede deel")
    **{stem + ending: n for n, stem in enumerate((
        "erst zweit dritt viert fünft sechst siebent acht neunt zehnt elft zwölft dreizehnt vierzehnt fünfzehnt "
        "sechzehnt siebzehnt achtzehnt neunzehnt zwanzigst").split(), 1) for ending in ("es", "er", "e")},
    "siebtes": 7, "siebter": 7, "siebte": 7,
    **{word: n for n, word in enumerate((
        "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde dertiende veertiende "
        "vijftiende zestiende zeventiende achttiende negentiende twintigste").split(), 1)},
    "vyfde": 5, "vyftiende": 15,  # older Dutch spelling: y for ij
}
_LAST_ORDINALS = ("last", "final", "dernière", "dernier")
_AFTER_ORDINAL = (  # the keywords an ordinal stands before
    r"chapter|book|part|act|volume|scene|canto|chapitre|partie|livre|acte|tome|scène"
    r"|cap[ií]tulo|capitolo|parte|libro|acto|atto|kapitlet|kapitel|kapittel|delen|del|boken|bog|bok|akten|akt"
    r"|b[öo]l[üu]m|k[ıi]s[ıi]m|kitap|kapitola|č[aá]st|d[ií]l|kniha|runo|luku|kirja|osa|laulu"
    r"|th?eil|buch|aufzug|auftritt|szene|abschnitt|gesang|hoofdstuk|deel|boek|bedrijf|tooneel|toneel|zang"
)
_ORDINAL_BEFORE = lazy(
    rf"^(?P<label>(?:the\s+)?(?P<number>{'|'.join((*ORDINAL_VALUES, *_LAST_ORDINALS))})\s+(?P<word>{_AFTER_ORDINAL}))\.?"
    r"(?:\s*[:.\-–—]\s*(?P<title>\S.*?))?$",
    re.IGNORECASE,
)
_ORDINALS_FIRST = frozenset((*ORDINAL_VALUES, *_LAST_ORDINALS))
_ORDINAL_KEYWORDS = _openings(_AFTER_ORDINAL, 0)
_ORDINAL_CHAPTER_WORDS = frozenset(("kapitel", "abschnitt", "chapter", "scene", "canto", "chapitre", "scène", "capítulo",
                                    "capitulo", "capitolo", "kapitlet", "kapittel", "bölüm", "bolum", "kapitola",
                                    "fejezet", "luku", "runo", "laulu", "auftritt", "szene", "gesang", "hoofdstuk",
                                    "tooneel", "toneel", "zang"))
# Hungarian, Finnish, Czech and Turkish put the number first: "1. fejezet", "2. luku", "3. Bölüm".
_NUMBER_FIRST = lazy(
    r"^(?P<label>(?P<number>\d{1,3}|[IVXLCDM]{1,8})\.\s+(?P<word>fejezet|luku|kapitola|b[öo]l[üu]m|r[ée]sz|osa|k[ıi]s[ıi]m|d[ií]l|č[aá]st))"
    r"\.?(?:\s*[:.\-–—]\s*(?P<title>\S.*?))?$",
    re.IGNORECASE,
)
_NUMERAL_LINE = lazy(r"^(?P<label>(?P<number>\d{1,3}|[IVXLCDM]{1,12}))\.?$")
_NUMBERED_LINE = lazy(r"^(?P<label>(?P<number>\d{1,3}|[IVXLCDM]{1,12}))\.\s+(?P<title>[^a-zà-ÿа-я]{2,80})$")
_MOST_NUMERAL = 300  # a bare Roman numeral above this numbers no chapter (a letter's "301." may)
_NOTE_MARK = lazy(r"(?<=[^\s\[(])(?:\[\d{1,4}\]|\(\*{1,3}\)|\[\*\])(?=\s|$)")
_LOOKALIKES = frozenset("ІХСМ")  # Cyrillic letters that look like Roman numerals' I, X, C, M
_TO_LATIN = str.maketrans("ІХСМ", "IXCM")
_CYRILLIC_NUMERAL = lazy(r"^(\S+\s+)((?=[IVXLCDMІХСМ]*[ІХСМ])[IVXLCDMІХСМ]{1,8})(?=[\s.:]|$)")
# "1. Der Froschkönig oder der eiserne Heinrich": a capital after the number, ten words at most, no
# sentence inside it (its family, kept in outline.py, tells a collection's tales from a list's lines)
_TITLED_LINE = lazy(r"^(?P<label>(?P<number>\d{1,3}))\.\s+(?P<title>(?=(?-i:[A-ZÀ-ÞА-ЯЁ]).)(?:(?![.!?]\s)[^\s:;]+\s*){1,10})$")  # ("14. В лесу" too)
_CJK_NUMERAL_OPENINGS = frozenset("一二三四五六七八九十百上中下")
_CJK_NUMERAL_LINE = lazy(r"^(?=[一二三四五六七八九十百])[一二三四五六七八九十百〇]{1,5}$")
_CJK_NUMBERED_LINE = lazy(r"^(?P<number>(?=[一二三四五六七八九十百])[一二三四五六七八九十百〇]{1,5})[\u3000 ]+(?P<title>“[^”]{1,15}”|[^\s。、！？「」（）]{1,15})$")
_CJK_PART_LINE = lazy(r"^(?P<label>[上中下])[\u3000 ]+(?P<title>[^\s。、！？「」（）]{1,20})$")
# "学而第一", "逍遥游第一": a classical book names its chapters by their opening words, then the ordinal
# "学而篇第一", "论语·学而篇第一": a classic's books, each named and then numbered, after the work's name
_ORDINAL_AFTER = lazy(f"^(?:[{HAN}]{{1,10}}[·・])?[{HAN}]{{1,10}}第(?P<number>[一二三四五六七八九十百〇]{{1,5}})$")
_PREFIX = lazy(r"^(?P<prefix>[^\W\d_][^•·.,;:!?]{0,39}?)\s*[•·]\s*(?P<rest>\S.*)$")
_MARKDOWN_LINE = lazy(r"^(?P<marks>#{1,6})\s+(?P<text>\S.*?)\s*#*$")
_MAX_LENGTH = 100
_MAX_TITLED = 250  # "Capítulo 6: Del donoso y grande escrutinio que el cura y el barbero hicieron en…": older
# novels' titles say what the chapter tells, in a sentence of 20 to 40 words
# AO3's own labels, which exporters may set as Markdown headings ("## Chapter End Notes").
AO3_END_LABELS = "chapter end notes|end notes|work end notes"
AO3_LABELS = f"summary|chapter summary|notes|chapter notes|{AO3_END_LABELS}"
_NOTE_LABEL = lazy(rf"^(?:{AO3_LABELS})\s*:?$", re.IGNORECASE)  # ("## Author's notes" over pages of them is a section)
# A translated web novel's credits, set as headings over each chapter ("#### Editor: Darkdhaos, Omega")
_CREDIT_LINE = lazy(r"^[*_]*(?:translat(?:or|ors|ion|ed\s+by)|tl|editors?|edit(?:ed|ing)\s+by|editied\s+by|ed|"
                    r"proof-?read(?:ers?|ing|\s+by)?|pr|raws?(?:\s+provider)?|typesett(?:er|ing)|qc|cleaners?|redrawers?)"
                    r"[*_]*\s*(?::|\s+by\b|\s*-\s)", re.IGNORECASE)


def is_keyword(word: str) -> bool:
    """A heading's keyword, in any language ("Chapter", "Interlude", "Księga")."""
    return "".join(c for c in word.casefold() if c.isalpha()) in _KEYWORDS


def is_credit(text: str) -> bool:
    """"Translators: Skythewood", "Edited by MythosIX": who made the copy, never a heading."""
    return _CREDIT_LINE.match(text) is not None


_MAX_MARKDOWN = 400  # "#### [WP] …": a marked heading may be a writing prompt of three sentences
_PAGE_NUMBER = lazy(r"(?:\s{2,}|[.…]{3,}\s*)(?:\d{1,4}|[(（][.…]*\d{1,4}[)）])$")  # "IV. THE SEA ....... 41": a contents entry


def _label_start(numeral: str) -> str:
    return rf"^(?:{_CHAPTER_WORDS}|{_PART_WORDS})\s*(?:{numeral})(?=[\s.:,;\-–—]|$)"


_LABEL_START = lazy(_label_start(_NUMERAL), re.IGNORECASE)
_LABEL_FIGURES = lazy(_label_start(f"(?:{_FIGURES}){_BETWEEN}"), re.IGNORECASE)  # (as _KEYWORD_FIGURES)


def ends_with_page_number(line: str) -> bool:
    text = line.strip()
    # The search tries every column of the line: only a line that ends in a digit can end in a page number.
    return (text[-1:].isdecimal() or text[-2:-1].isdecimal() and text[-1] in ")）") and bool(_PAGE_NUMBER.search(text))


def is_numeral_line(text: str) -> bool:
    """"IV." or "12" alone on its line."""
    return _NUMERAL_LINE.match(text.strip()) is not None


def _titled_label(text: str) -> bool:
    """A numbered keyword, then a mark, then more: "Capítulo 6: …", "CHAPTER XII. …"."""
    if len(text) <= _MAX_LENGTH or not _opens_with_keyword(text[:_FIRST_WORDS].casefold()):
        return False
    label = keyword_label(text)
    return bool(label) and text[len(label):].lstrip()[:1] in (":", ".", "-", "–", "—")


def keyword_label(text: str) -> str:
    """The "Chapter VI" a line opens with, however long the rest ("CHAPTER VI. He Went for …")."""
    text = text.strip()
    if not _opens_with_keyword(text[:_FIRST_WORDS].casefold()):  # (most lines: no keyword, no grammar to ask)
        return ""
    found = _LABEL_FIGURES.match(text)
    if found is None and _spells_a_number(text[:_FIRST_WORDS].casefold()):
        found = _LABEL_START.match(text)
    return found.group() if found else ""


def match_heading(line: str, custom: re.Pattern | None = None) -> Heading | None:
    """The heading this line would be, if any. ``custom`` (from --chapter-pattern) replaces the rules."""
    text = line.strip()
    if len(text) <= _MAX_LENGTH and ("]" in text or "(*" in text):  # "EERSTE HOOFDSTUK[1]", "CHAPTER XVIII(*)":
        text = _NOTE_MARK.sub("", text)  # an edition's note on the heading
    if not text.isascii() and _LOOKALIKES.intersection(text[:20]):  # "Глава Х", the Cyrillic letter for X
        text = _CYRILLIC_NUMERAL.sub(lambda m: m[1] + m[2].translate(_TO_LATIN), text, 1)
    longest = _MAX_MARKDOWN if text[:1] == "#" else _MAX_TITLED if _titled_label(text) else _MAX_LENGTH
    if not text or len(text) > longest or text[0] in "\"“”'‘«»(" or ends_with_page_number(text):
        return None
    if custom is not None:
        found = custom.search(text)
        if not found:
            return None
        groups = found.groupdict()
        return Heading(CHAPTER, (groups.get("label") or text).strip(), (groups.get("title") or "").strip())
    markdown = _MARKDOWN_LINE.match(text) if text[0] == "#" else None
    if markdown:
        inner = markdown["text"]
        if _NOTE_LABEL.match(inner) or is_credit(inner) or is_scene_break(text):  # "## Summary", "## Chapter
            return None  # End Notes": a label of the export, not a chapter; "#### Translators: Skythewood": who
            # made the copy; "### scenbrytning ###": a divider's word (scene break), no heading
        return replace(_keyword_heading(inner) or Heading(MARKDOWN, "", inner), level=len(markdown["marks"]))
    found = _keyword_heading(text.strip(_DECORATION))
    if found:
        return found
    if ("•" in text or "·" in text) and (prefixed := _prefixed(text)):
        return prefixed
    if text[0] in _CJK_NUMERAL_OPENINGS:
        return _cjk_numeral_or_part(text)
    if text[-1] in _CJK_NUMERAL_OPENINGS and (ordinal := _ORDINAL_AFTER.match(text)):
        return Heading(TITLED, text, "", ordinal["number"])  # a family of three or more, like "1. Der Froschkönig"
    bare = _bare_numeral(text)
    if not (text[0].isdecimal() or text[0] in "IVXLCDM" or bare):  # how the patterns below must open
        return None
    for kind, pattern in ((NUMERAL, _NUMERAL_LINE), (NUMBERED, _NUMBERED_LINE), (TITLED, _TITLED_LINE)):
        match = pattern.match(bare if kind == NUMERAL and bare else text)
        if match and kind == NUMERAL and not match["number"].isdigit() and (numeral_value(match["number"]) or 0) > _MOST_NUMERAL:
            return None  # "DI" (of, by), "MI", "CI" alone on a title page: words, not a 501st chapter
        if match and any(c.isalnum() for c in match["label"]):
            return Heading(kind, match["label"], (match.groupdict().get("title") or "").strip(), match["number"])
    return None


def markdown_level(line: str) -> int:
    """A Markdown heading's level: how many # open it (0 for any other line)."""
    text = line.strip()
    return len(text) - len(text.lstrip("#")) if text[:1] == "#" else 0


def _bare_numeral(text: str) -> str:
    """ "— I —", "[ 1 ]", "~ 4 ~": a numeral set off by dashes or in brackets, as Ulysses numbers its
    parts and episodes; the numeral alone, or "" when the line is no such thing."""
    if text[0] not in _DECORATION and text[0] != "[":
        return ""
    inner = text.strip(_DECORATION)
    if inner[:1] == "[" and inner[-1:] == "]":
        inner = inner[1:-1].strip()
    return inner if inner != text and inner[:1].isalnum() and _NUMERAL_LINE.match(inner) else ""


def _cjk_numeral_or_part(text: str) -> Heading | None:
    """A Japanese novel's sections numbered 一, 二 … 百十 alone on their lines (a numeral, kept only
    as a family, like "IV"), and its parts 上, 中, 下 with their titles ("上　先生と私")."""
    if _CJK_NUMERAL_LINE.match(text):
        return Heading(NUMERAL, text, "", text)
    part = _CJK_PART_LINE.match(text)
    if part:
        return Heading(PART, part["label"], part["title"])
    titled = _CJK_NUMBERED_LINE.match(text)  # "一　時代": a numbered title, kept only as a family too
    return Heading(NUMBERED, titled["number"], titled["title"], titled["number"]) if titled else None


def _prefixed(text: str) -> Heading | None:
    """ "Inferno • Canto I": a keyword heading after the name of what holds it (a cantica, a book),
    a bullet between: that name is its part."""
    match = _PREFIX.match(text)
    found = _keyword_heading(match["rest"].strip(_DECORATION)) if match else None
    return replace(found, part=match["prefix"]) if found and found.kind == CHAPTER and not found.part else None


def _keyword_heading(text: str) -> Heading | None:
    if text[:1] in _CJK_OPENERS:
        return _cjk_heading(text)
    folded = text.casefold()
    ordinal = _ORDINAL_FIRST.match(text) if _ORDINAL_WORDS.search(folded) else None
    if ordinal is None and _opens_with_ordinal(folded):
        ordinal = _ORDINAL_BEFORE.match(text)
    if ordinal is None and text[:1].isdigit():
        ordinal = _NUMBER_FIRST.match(text)
    if ordinal and not ordinal["label"][0].islower():
        kind = CHAPTER if ordinal["word"].lower() in _ORDINAL_CHAPTER_WORDS else PART
        return Heading(kind, ordinal["label"], (ordinal["title"] or "").strip(), ordinal["number"])
    match = _keyword_match(text, folded) if _opens_with_keyword(folded) else None
    if not match:
        return None
    kind = CHAPTER if match["chapter"] is not None else PART if match["part"] is not None else SPECIAL
    between = text[match.end("label"):match.start("title")] if match["title"] else ":"
    if (kind == SPECIAL and not between.strip()) or (kind != SPECIAL and not match["number"]):
        return None
    if kind == PART and match["number"] in ("L", "C", "D", "M"):  # no book has a 50th part: "Tom M. Riddle"
        return None
    if kind == SPECIAL and not (match["title"] or match["number"]) and text.rstrip()[-1] in ":-–—":
        return None  # "Interlude:" over a scene is the scene's label; "Interlude II:", "Part 3:" are headings
    if kind == SPECIAL and text.rstrip("_* ")[-1] in ",;":  # a play's speaker: "PROLOGUE. For us, and for our
        return None  # tragedy," (a numbered title ending so is wrapped: "Capítulo XIV. Donde … pastor,")
    if not _looks_like_title(match["title"] or "", between):
        return None
    title = (match["title"] or "").strip().strip(_DECORATION).strip()
    inner = _keyword_heading(title) if kind == PART and not between.strip() and _opens_with_keyword(title.casefold()) \
        else None  # (after a mark, "Part 6: Epilogue", the rest is the part's own title)
    if inner is not None:  # "Volume 1 Chapter 2: The Road", "Arc 1 Part 3": a chapter, with its part in front
        return replace(inner, kind=CHAPTER if inner.kind == PART else inner.kind, part=match["label"].strip())
    return Heading(kind, match["label"].strip(), title, match["number"] or "")


def _keyword_match(text: str, folded: str) -> re.Match | None:
    """``_KEYWORD_LINE.match(text)``, from the grammar without spelled numbers wherever that
    gives the same: where it finds a number in figures, or where no number word follows a
    keyword at the line's start."""
    match = _KEYWORD_FIGURES.match(text)
    if (match is None or match["number"] is None) and _spells_a_number(folded):
        return _KEYWORD_LINE.match(text)
    return match


_FIRST_WORDS = 80  # characters that hold a label's keyword and spelled number, however spaced


def _spells_a_number(folded: str) -> bool:
    """Whether a keyword opens the line with a number word after it ("Part One", "Chapter the
    Twenty-First", "Bonus Chapter Two", "Day Onea") or glued on ("Chapterone", "Ch.one"). Only
    then can the spelled-number grammars read more than the ones in figures, which compile in
    a fraction of their time; elsewhere a number word is the text's ("There was one table")."""
    words = _LETTERS.findall(folded[:_FIRST_WORDS])[:5]
    for size in (1, 2):  # a keyword of one word or two ("Side Story")
        opening = "".join(words[:size])
        if opening in _KEYWORDS and _has_number_word(words[size:size + 3]):
            return True
        if any(opening[:n] in _KEYWORDS and _has_number_word([opening[n:]]) for n in range(2, len(opening) - 1)):
            return True
    return False


def _has_number_word(words: list[str]) -> bool:
    """"one", "the first", "twenty one"; "onea" too (a chapter slipped in between: "Chapter 3a")."""
    return any(word in _NUMBER_WORDS or word[:-1] in _NUMBER_WORDS and word[-1] in "abcd" for word in words)


def _opens_with_ordinal(folded: str) -> bool:
    """Whether the line opens with an ordinal and its keyword, "the" before them or not ("First
    Book", "The Second Chapter", "Erstes Kapitel"): the test before the ordinal grammar (6 ms to
    compile), which a novel's "The first time…" never needs."""
    words = folded.replace("i̇", "i").split(None, 3)  # (Turkish "BİRİNCİ" folds to a dotted i)
    if words[:1] == ["the"]:
        words = words[1:]
    keyword = _LETTERS.match(words[1]) if len(words) > 1 and words[0] in _ORDINALS_FIRST else None
    return keyword is not None and keyword[0] in _ORDINAL_KEYWORDS


def _cjk_heading(text: str) -> Heading | None:
    match = _CJK_LINE.match(text)
    if not match:
        return None
    title = match["title"] or ""
    if title and not match["separator"] and (len(title) > 15 or any(c in _CJK_SENTENCE for c in title)):
        return None  # "第三回合他输了。": a sentence about a third round, not chapter 3
    if len(title) > 40 or title and title[-1] in "，。；、,;" or title.strip("（）() ") in _CJK_END_WORDS:
        return None  # "第二部分 终": the end of part two, under its last chapter
    kind = SPECIAL if match["special"] else PART if match["unit"] in _CJK_PART_UNITS + "部分" else CHAPTER
    label, title = match["label"], title.strip()
    if kind == SPECIAL and title and not match["separator"] and len(title.split()[0]) <= 3:  # "番外篇其一 …": the
        label, _, title = (label + title).partition(" ")  # extra's own number is part of its label
    return Heading(kind, label, title.strip(), match["number"] or "")


def episodes_under_arcs(found: dict[int, Heading], trace: list, offset: int) -> dict[int, Heading]:
    """A Japanese or Korean web novel numbers its episodes 第12話 (제12화) and groups them in arcs,
    第三章 (제3장): where a file has both, the 章 are its parts."""
    def unit(heading: Heading) -> str:
        return heading.label[-1:] if heading.kind == CHAPTER and heading.label[:1] in "第제" else ""

    units = {unit(h) for h in found.values()}
    if not (units & {"話", "话", "화"} and units & {"章", "장"}):
        return found
    arcs = {i for i, h in found.items() if unit(h) in ("章", "장")}
    for i in sorted(arcs):
        trace.append((offset + i, f"part: {found[i].label} groups the episodes (話) under it"))
    return {i: replace(h, kind=PART) if i in arcs else h for i, h in found.items()}


def _looks_like_title(title: str, separator: str) -> bool:
    """A title is short and is not the rest of a sentence ("Chapter 3 was the best")."""
    if not title:
        return True
    words = title.split()
    if separator.strip():  # "Chapter 3: the storm" is a title whatever its case; a long one says what the
        return len(words) <= 16 or len(words) <= 45 and title.rstrip()[-1:] not in ".!?"  # chapter tells, no sentence
    return len(words) <= 10 and not title[0].islower() and title[-1] not in ",;"


def is_title_line(line: str) -> bool:
    """A line under a bare numeral that names the chapter ("GIÙ NELLA CONIGLIERA."), in capitals
    but for a word or two in italics ("JONATHAN HARKER'S JOURNAL--_continued_")."""
    text = line.strip()
    if not text or len(text) > 80 or text[0] in "\"“'‘«(":
        return False
    letters = [c for c in (_ITALIC_WORDS.sub("", text) if "_" in text else text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_ITALIC_WORDS = lazy(r"(?<=\S)_[^_\s][^_]{0,20}_$")  # "--_continued_" at the end of a title


def numbered_label(heading: Heading) -> tuple[str, int] | None:
    """The label's word and its number's value ("chapter", 2), whether written "CHAPTER II." or
    "Second Chapter"; None for a label without a number it can tell."""
    number = heading.number.lower()
    value = numeral_value(number) if number else None
    value = ORDINAL_VALUES.get(number) if value is None else value
    word = " ".join(w for w in heading.label.lower().split() if w not in (number, "the"))
    return (word, value) if value is not None and word else None


def numeral_value(numeral: str) -> int | None:
    """12, XII or 十二 → 12; None for anything else."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    numeral = numeral.lower()
    if numeral.isdigit():
        return int(numeral)
    if numeral[:1] in _CJK_DIGITS or numeral[:1] in _CJK_UNITS:
        return cjk_value(numeral)
    if not numeral or any(c not in values for c in numeral):
        return None
    total = 0
    for current, following in zip(numeral, numeral[1:] + " "):
        value = values[current]
        total += -value if following != " " and values[following] > value else value
    return total


_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}


def cjk_value(numeral: str) -> int | None:
    """一 → 1, 十一 → 11, 一百二十 → 120, 一千零一 → 1001; None for anything else."""
    if not numeral or any(c not in _CJK_DIGITS and c not in _CJK_UNITS for c in numeral):
        return None
    total = digit = 0
    for char in numeral:
        if char in _CJK_DIGITS:
            digit = _CJK_DIGITS[char]
        else:
            total, digit = total + (digit or 1) * _CJK_UNITS[char], 0
    return total + digit


def heading_text(label: str, title: str) -> str:
    """One line for a table of contents: "Chapter 3: The Storm", "1. AT THE BAY.", "Prologue",
    "第三章 出发" (Chinese and Japanese set a space, never a colon, after the number)."""
    if label and title:
        between = " " if may_be_cjk(label[-1]) and CJK_LETTER.match(label[-1]) else ". " if _NUMERAL_ONLY.match(label) else ": "
        return f"{label}{between}{title}"
    return label or title


_NUMERAL_ONLY = lazy(r"^(?:\d{1,4}|[IVXLCDM]{1,12})$")
