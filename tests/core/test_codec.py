"""The API's mask string and the detections' bbox list: strict writing, forgiving reading."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mask_editor.core.codec import (
    SERVER_MASK_PATTERN,
    BboxFormatError,
    DetectionBox,
    MaskReading,
    format_bboxes,
    format_coordinate,
    format_mask,
    matches_server_format,
    parse_bboxes,
    parse_mask,
)
from mask_editor.core.geometry import GRID, Box, QuantizeError, quantize
from tests.core.strategies import boxes, grid_boxes, unit

# The server's check, copied from CONTRACT.md ("Occlusion masks"), NOT imported from the code:
# `^\((0?\.[0-9]{1,3}|0|1),(same),(same),(same)\)$`, used with Python's re.match.
SERVER_MASK_RE = (
    r"^\((0?\.[0-9]{1,3}|0|1),(0?\.[0-9]{1,3}|0|1),(0?\.[0-9]{1,3}|0|1),(0?\.[0-9]{1,3}|0|1)\)$"
)
SERVER_NUMBER_RE = r"(0?\.[0-9]{1,3}|0|1)"


def server_accepts(text: str) -> bool:
    return re.match(SERVER_MASK_RE, text) is not None








def quantizable_boxes():
    # one grid step plus a margin: always storable (see test_geometry for the exact-one-step edge)
    return boxes(min_size=0.0011) | grid_boxes()


# Strings that look like masks, written every way a server or a person may have: the fuel for
# "never raises" and "re-saving never moves a box".
_number_text = st.one_of(
    st.sampled_from(
        ["0", "1", "0.0", "1.0", ".5", "0.", "1.", "00.1", "-0.1", "1.5", "2", "1e-1", "nan", "inf", ""]
    ),
    st.floats(-0.5, 1.5, allow_nan=False).map(repr),
    st.floats(0, 1, allow_nan=False).map(lambda v: f"{v:.{len(str(v))}f}"[:7]),
    st.integers(0, 1000).map(format_coordinate),
    st.integers(0, 99999).map(lambda d: f"0.{d}"),
)
_sep = st.sampled_from([",", ",", ",", ", ", " ,", ",\t"])


@st.composite
def mask_like_texts(draw) -> str:
    count = draw(st.sampled_from([4, 4, 4, 5, 3, 6]))
    numbers = [draw(_number_text) for _ in range(count)]
    body = numbers[0]
    for n in numbers[1:]:
        body += draw(_sep) + n
    opening, closing = draw(st.sampled_from([("(", ")"), ("(", ")"), ("[", "]"), ("(", ""), ("", "")]))
    before = draw(st.sampled_from(["", "", " ", "\n"]))
    after = draw(st.sampled_from(["", "", "\n", " ", "\r\n"]))
    return before + opening + body + closing + after


server_strings = st.from_regex(SERVER_MASK_RE[:-1] + r"\Z", fullmatch=True)


# --- the regex itself ------------------------------------------------------------------------------


def test_code_uses_the_contract_regex():
    """The code's copy of the server check is the one from CONTRACT.md, character for character."""
    assert SERVER_MASK_PATTERN.pattern == SERVER_MASK_RE


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("(0.1,0.2,0.3,0.4)", True),
        ("(.5,.2,.7,.4)", True),
        ("(0.0,0.2,0.3,0.4)", True),
        ("(1,0,1,0)", True),  # the server does not check the order
        ("(0,0,1,1)", True),
        ("(0.123,0.2,0.3,0.4)", True),
        ("(0.1,0.2,0.3,0.4)\n", True),  # `$` matches before a final newline: stored as is
        ("(0.1, 0.2, 0.3, 0.4)", False),
        ("(0.1,0.2,1.0,0.4)", False),
        ("(0.1234,0.2,0.3,0.4)", False),
        ("(0.1,0.2,0.3,0.4,0.9)", False),
        ("[0.1,0.2,0.3,0.4]", False),
        ("(-0.1,0.2,0.3,0.4)", False),
        ("(0.1,0.2,1.5,0.4)", False),
        ("(0.1,0.2,2,0.4)", False),
        ("(0.1,0.2,0.3,0.4)\n\n", False),
        (" (0.1,0.2,0.3,0.4)", False),
        ("(0.,0.2,0.3,0.4)", False),
        ("(00.1,0.2,0.3,0.4)", False),
        ("(1e-1,0.2,0.3,0.4)", False),
        ("", False),
        ("()", False),
    ],
)
def test_server_regex_cases_from_the_contract(text, accepted):
    assert server_accepts(text) is accepted
    assert matches_server_format(text) is accepted


# --- format_coordinate -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("milli", "text"),
    [(0, "0"), (1000, "1"), (100, "0.1"), (250, "0.25"), (10, "0.01"), (1, "0.001"), (120, "0.12"),
     (999, "0.999"), (500, "0.5"), (161, "0.161")],
)
def test_format_coordinate_known_values(milli, text):
    assert format_coordinate(milli) == text


@pytest.mark.parametrize("milli", [-1, 1001, 2000])
def test_format_coordinate_rejects_outside(milli):
    with pytest.raises(ValueError):
        format_coordinate(milli)


def test_format_coordinate_every_grid_value():
    for milli in range(GRID + 1):
        text = format_coordinate(milli)
        assert re.fullmatch(SERVER_NUMBER_RE, text), text
        assert text != "1.0" and text != "0.0"
        assert not text.endswith("0") or text == "0", text  # trailing zeros trimmed
        assert len(text.partition(".")[2]) <= 3
        assert round(float(text) * GRID) == milli


# --- format_mask -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("box", "text"),
    [
        (Box(0.1, 0.25, 1.0, 0.4), "(0.1,0.25,1,0.4)"),
        (Box(0.0, 0.0, 1.0, 1.0), "(0,0,1,1)"),
        (Box(0.1, 0.2, 0.3, 0.4), "(0.1,0.2,0.3,0.4)"),
        (Box(0.001, 0.01, 0.999, 0.5), "(0.001,0.01,0.999,0.5)"),
        (Box(0.16090000000000002, 0.2, 0.30000000000000004, 0.4), "(0.161,0.2,0.3,0.4)"),
        (Box(0.1234, 0.5678, 0.9999, 0.99951), "(0.123,0.568,1,1)"),
        (Box(0.0004, 0.1, 0.2, 0.3), "(0,0.1,0.2,0.3)"),
    ],
)
def test_format_mask_known_values(box, text):
    assert format_mask(box) == text
    assert server_accepts(text)


@pytest.mark.parametrize(
    ("box", "word"),
    [(Box(0.1, 0.2, 0.1004, 0.4), "narrow"), (Box(0.1, 0.2, 0.3, 0.2002), "short")],
)
def test_format_mask_refuses_too_thin_boxes(box, word):
    with pytest.raises(QuantizeError, match=word):
        format_mask(box)


def _assert_canonical(text: str) -> None:
    assert server_accepts(text), text
    assert "\n" not in text and " " not in text
    for value in text[1:-1].split(","):
        assert value != "1.0"
        assert len(value.partition(".")[2]) <= 3, text
        assert value in ("0", "1") or (value.startswith("0.") and not value.endswith("0")), text


@settings(deadline=None, max_examples=300)
@given(quantizable_boxes())
def test_format_mask_always_canonical_and_round_trips(box):
    text = format_mask(box)
    _assert_canonical(text)
    reading = parse_mask(text)
    assert reading.box == quantize(box)
    assert not reading.suspicious
    assert reading.notes == ()
    assert reading.usable
    assert reading.text == text
    # load-then-save is the identity on canonical strings
    assert format_mask(reading.box) == text


@settings(deadline=None)
@given(grid_boxes())
def test_every_canonical_string_survives_load_then_save(box):
    text = format_mask(box)
    assert format_mask(parse_mask(text).box) == text
    assert parse_mask(text).box == box


@settings(deadline=None, max_examples=300)
@given(boxes())
def test_format_mask_either_canonical_or_quantize_error(box):
    try:
        text = format_mask(box)
    except QuantizeError as exc:
        assert "narrow" in str(exc) or "short" in str(exc)
        return
    _assert_canonical(text)


# --- parse_mask: the CONTRACT cases ----------------------------------------------------------------

# text, the box it should mean (None: unusable), a word expected in the notes (None: no notes)
MASK_CASES = [
    pytest.param("(0.1,0.2,0.3,0.4)", (0.1, 0.2, 0.3, 0.4), None, id="canonical"),
    pytest.param("(.5,.2,.7,.4)", (0.5, 0.2, 0.7, 0.4), None, id="no-leading-zero"),
    pytest.param("(0.0,0.2,0.3,0.4)", (0.0, 0.2, 0.3, 0.4), None, id="0.0"),
    pytest.param("(0,0,1,1)", (0.0, 0.0, 1.0, 1.0), None, id="0-and-1"),
    pytest.param("(0.123,0.456,0.789,0.999)", (0.123, 0.456, 0.789, 0.999), None, id="3-decimals"),
    pytest.param("(0.1, 0.2, 0.3, 0.4)", (0.1, 0.2, 0.3, 0.4), "spaces", id="spaces"),
    pytest.param("( 0.1,0.2 ,0.3,\t0.4 )", (0.1, 0.2, 0.3, 0.4), "spaces", id="spaces-and-tab"),
    pytest.param("(0.1,0.2,1.0,0.4)", (0.1, 0.2, 1.0, 0.4), "server", id="1.0"),
    pytest.param("(0.1234,0.2,0.3,0.4)", (0.123, 0.2, 0.3, 0.4), "decimals", id="four-decimals"),
    pytest.param("(0.1,0.2,0.3,0.40006)", (0.1, 0.2, 0.3, 0.4), "decimals", id="five-decimals"),
    pytest.param("(0.1000,0.2,0.3,0.4)", (0.1, 0.2, 0.3, 0.4), "server", id="four-decimals-zeros"),
    pytest.param("(0.1,0.2,0.3,0.4,0.9)", (0.1, 0.2, 0.3, 0.4), "fifth", id="five-values"),
    pytest.param("[0.1,0.2,0.3,0.4]", (0.1, 0.2, 0.3, 0.4), "square", id="square-brackets"),
    pytest.param("(-0.1,0.2,0.3,0.4)", (0.0, 0.2, 0.3, 0.4), "outside", id="negative"),
    pytest.param("(0.1,0.2,1.5,0.4)", (0.1, 0.2, 1.0, 0.4), "outside", id="above-1"),
    pytest.param("(0.1,0.2,0.3,0.4)\n", (0.1, 0.2, 0.3, 0.4), "newline", id="trailing-newline"),
    pytest.param(" (0.1,0.2,0.3,0.4) \r\n", (0.1, 0.2, 0.3, 0.4), "whitespace", id="surrounding-space"),
    pytest.param("(0.3,0.2,0.1,0.4)", (0.1, 0.2, 0.3, 0.4), "swapped", id="swapped-x"),
    pytest.param("(0.1,0.4,0.3,0.2)", (0.1, 0.2, 0.3, 0.4), "swapped", id="swapped-y"),
    pytest.param("(1,1,0,0)", (0.0, 0.0, 1.0, 1.0), "swapped", id="swapped-both"),
    pytest.param("(0.,0.2,0.3,0.4)", (0.0, 0.2, 0.3, 0.4), "server", id="0-dot"),
    pytest.param("(00.1,0.2,0.3,0.4)", (0.1, 0.2, 0.3, 0.4), "server", id="double-zero"),
    pytest.param("(1e-1,0.2,0.3,0.4)", (0.1, 0.2, 0.3, 0.4), "server", id="exponent"),
    pytest.param("[0.3, 0.4, 0.1, 0.2, 0.95]\n", (0.1, 0.2, 0.3, 0.4), "swapped", id="everything-wrong"),
    # unusable
    pytest.param("(0.1,0.2,0.1,0.4)", None, "zero", id="zero-width"),
    pytest.param("(0.1,0.4,0.3,0.4)", None, "zero", id="zero-height"),
    pytest.param("(0,0,0,0)", None, "zero", id="all-zero"),
    pytest.param("(1,1,1,1)", None, "zero", id="all-one"),
    pytest.param("(1.2,0.2,1.5,0.4)", None, "zero", id="clamped-to-zero-width"),
    pytest.param("(0.1,0.2,0.1004,0.4)", None, "narrow", id="too-narrow-for-the-grid"),
    pytest.param("(0.1,0.2,0.3,0.2003)", None, "short", id="too-short-for-the-grid"),
    pytest.param("(0.1,0.2,0.3)", None, "3 values", id="three-values"),
    pytest.param("(0.1,0.2,0.3,0.4,0.5,0.6)", None, "6 values", id="six-values"),
    pytest.param("(a,b,c,d)", None, "not a number", id="letters"),
    pytest.param("(0.1,0.2,,0.4)", None, "not a number", id="empty-value"),
    pytest.param("(nan,0.2,0.3,0.4)", None, "finite", id="nan"),
    pytest.param("(0.1,0.2,inf,0.4)", None, "finite", id="inf"),
    pytest.param("(0.1,0.2,0.3,0.4", None, "parentheses", id="unclosed"),
    pytest.param("0.1,0.2,0.3,0.4", None, "parentheses", id="bare"),
    pytest.param("", None, "parentheses", id="empty"),
    pytest.param("   \n", None, "parentheses", id="only-whitespace"),
    pytest.param("()", None, "values", id="empty-parentheses"),
    pytest.param("[]", None, "values", id="empty-brackets"),
    pytest.param("null", None, "parentheses", id="null"),
    pytest.param("garbage", None, "parentheses", id="garbage"),
    pytest.param("((0.1,0.2,0.3,0.4))", None, "not a number", id="double-parentheses"),
    pytest.param("[(0.1,0.2,0.3,0.4,0.9)]", None, "not a number", id="a-bbox-list"),
]


@pytest.mark.parametrize(("text", "expected", "note_word"), MASK_CASES)
def test_parse_mask_cases(text, expected, note_word):
    reading = parse_mask(text)
    assert isinstance(reading, MaskReading)
    assert reading.text == text
    if expected is None:
        assert reading.box is None
        assert not reading.usable
    else:
        assert reading.box is not None and reading.usable
        assert reading.box.as_tuple() == pytest.approx(expected, abs=1e-12)
        assert reading.box == quantize(reading.box)  # always on the grid
    if note_word is None:
        assert reading.notes == ()
        assert not reading.suspicious
    else:
        assert reading.suspicious
        assert any(note_word in note for note in reading.notes), reading.notes
    # a reading the server would refuse is always flagged
    if not server_accepts(text):
        assert reading.suspicious


@pytest.mark.parametrize(("text", "expected", "note_word"), MASK_CASES)
def test_parse_mask_cases_resave_canonically(text, expected, note_word):
    reading = parse_mask(text)
    if reading.box is None:
        return
    saved = format_mask(reading.box)
    _assert_canonical(saved)
    assert parse_mask(saved).box == reading.box
    assert not parse_mask(saved).suspicious


# --- parse_mask: properties ------------------------------------------------------------------------


@settings(deadline=None, max_examples=300)
@given(st.text(max_size=60))
def test_parse_mask_never_raises_on_any_text(text):
    reading = parse_mask(text)
    assert reading.text == text
    assert reading.usable == (reading.box is not None)
    assert reading.suspicious == bool(reading.notes)
    if reading.box is None:
        assert reading.suspicious  # an unusable mask always says why


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet="()[]0123456789.,-+ \n\teEnaifx_", max_size=40))
def test_parse_mask_never_raises_on_mask_alphabet(text):
    reading = parse_mask(text)
    if reading.box is not None:
        assert reading.box == quantize(reading.box)
        assert all(0.0 <= v <= 1.0 for v in reading.box.as_tuple())
    else:
        assert reading.notes


@settings(deadline=None, max_examples=400)
@given(mask_like_texts())
def test_resaving_never_moves_a_box(text):
    reading = parse_mask(text)
    if reading.box is None:
        assert reading.suspicious
        return
    once = format_mask(reading.box)
    _assert_canonical(once)
    again = parse_mask(once)
    assert again.box == reading.box
    assert not again.suspicious
    assert format_mask(again.box) == once
    # a usable reading the server would refuse is flagged for the user
    if not server_accepts(text):
        assert reading.suspicious


@settings(deadline=None, max_examples=300)
@given(server_strings)
def test_server_accepted_strings_are_suspicious_only_when_unordered_or_empty(text):
    assert server_accepts(text)
    reading = parse_mask(text)
    x0, y0, x1, y1 = (float(v) for v in text[1:-1].split(","))
    if x0 == x1 or y0 == y1:
        assert reading.box is None
    else:
        assert reading.box is not None
        assert reading.box == Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    assert reading.suspicious == (x0 >= x1 or y0 >= y1)


def test_mask_reading_is_frozen():
    reading = parse_mask("(0.1,0.2,0.3,0.4)")
    with pytest.raises(AttributeError):
        reading.box = None  # type: ignore[misc]


# --- detections' bbox list -------------------------------------------------------------------------


def test_parse_bboxes_one_tuple():
    assert parse_bboxes("[(0.1,0.2,0.3,0.4,0.9)]") == [DetectionBox(Box(0.1, 0.2, 0.3, 0.4), 0.9)]


def test_parse_bboxes_several_tuples():
    found = parse_bboxes("[(0.1,0.2,0.3,0.4,0.9),(0.5,0.5,0.6,0.7,0.35),(0,0,1,1,1)]")
    assert found == [
        DetectionBox(Box(0.1, 0.2, 0.3, 0.4), 0.9),
        DetectionBox(Box(0.5, 0.5, 0.6, 0.7), 0.35),
        DetectionBox(Box(0.0, 0.0, 1.0, 1.0), 1.0),
    ]


@pytest.mark.parametrize("text", ["[]", "[ ]", " [] ", "[]\n"])
def test_parse_bboxes_empty_continuity_frame(text):
    assert parse_bboxes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "[(0.1, 0.2, 0.3, 0.4, 0.9)]",
        "[ (0.1,0.2,0.3,0.4,0.9) ]",
        " [(0.1,0.2,0.3,0.4,0.9)]\n",
        "[( 0.1 ,0.2,0.3,0.4,0.9 )]",
    ],
)
def test_parse_bboxes_tolerates_spaces(text):
    assert parse_bboxes(text) == [DetectionBox(Box(0.1, 0.2, 0.3, 0.4), 0.9)]


def test_parse_bboxes_spaces_between_tuples():
    assert len(parse_bboxes("[(0.1,0.2,0.3,0.4,0.9), (0.5,0.5,0.6,0.7,0.35)]")) == 2


def test_parse_bboxes_four_values_means_full_confidence():
    assert parse_bboxes("[(0.1,0.2,0.3,0.4)]") == [DetectionBox(Box(0.1, 0.2, 0.3, 0.4), 1.0)]


def test_parse_bboxes_sorts_swapped_corners():
    assert parse_bboxes("[(0.3,0.4,0.1,0.2,0.5)]")[0].box == Box(0.1, 0.2, 0.3, 0.4)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("null", id="null"),
        pytest.param("()", id="parentheses"),
        pytest.param("(0.1,0.2,0.3,0.4,0.9)", id="no-brackets"),
        pytest.param("[(0.1,0.2,0.3,0.4,0.9)", id="unclosed-list"),
        pytest.param("[(0.1,0.2,0.3,0.4,0.9]", id="unclosed-tuple"),
        pytest.param("[()]", id="empty-tuple"),
        pytest.param("[(a,0.2,0.3,0.4,0.9)]", id="letters"),
        pytest.param("[(0.1,0.2,,0.4,0.9)]", id="empty-value"),
        pytest.param("[(0.1,0.2,0.3)]", id="three-values"),
        pytest.param("[(0.1,0.2,0.3,0.4,0.9,0.8)]", id="six-values"),
        pytest.param("[(0.1,0.2,0.1,0.4,0.9)]", id="zero-width"),
        pytest.param("[(0.1,0.2,0.3,0.2,0.9)]", id="zero-height"),
        pytest.param("[(nan,0.2,0.3,0.4,0.9)]", id="nan"),
        pytest.param("[garbage]", id="garbage"),
        pytest.param("[(0.1,0.2,0.3,0.4,0.9)x]", id="trailing-junk"),
        pytest.param("[x,(0.1,0.2,0.3,0.4,0.9)]", id="leading-junk"),
        pytest.param("[((0.1,0.2,0.3,0.4,0.9))]", id="nested"),
        pytest.param("[0.1,0.2,0.3,0.4,0.9]", id="flat-list"),
        pytest.param("[[0.1,0.2,0.3,0.4,0.9]]", id="json-list"),
    ],
)
def test_parse_bboxes_rejects_bad_input(text):
    with pytest.raises(BboxFormatError):
        parse_bboxes(text)


def test_bbox_format_error_is_a_value_error():
    assert issubclass(BboxFormatError, ValueError)


@pytest.mark.parametrize(
    "text",
    ["[]", "[(0.1,0.2,0.3,0.4,0.9)]", "[(0.1,0.2,0.3,0.4,0.9),(0.5,0.5,0.6,0.7,0.35)]", "[(0,0,1,1,1)]",
     "[(0.001,0.25,0.999,0.5,0.123)]"],
)
def test_format_bboxes_of_a_canonical_list_is_identity(text):
    assert format_bboxes(parse_bboxes(text)) == text


def test_format_bboxes_known_values():
    assert format_bboxes([]) == "[]"
    dets = [DetectionBox(Box(0.16090000000000002, 0.2, 1.0, 0.4), 0.87654)]
    assert format_bboxes(dets) == "[(0.161,0.2,1,0.4,0.877)]"


detections = st.builds(DetectionBox, quantizable_boxes(), unit)


@settings(deadline=None, max_examples=200)
@given(st.lists(detections, max_size=6))
def test_format_bboxes_round_trip(dets):
    text = format_bboxes(dets)
    assert " " not in text
    back = parse_bboxes(text)
    assert [d.box for d in back] == [quantize(d.box) for d in dets]
    assert [d.confidence for d in back] == pytest.approx([round(d.confidence, 3) for d in dets], abs=1e-12)
    for d in back:
        assert all(re.fullmatch(SERVER_NUMBER_RE, format_coordinate(m)) for m in d.box.milli())
    # and a second trip changes nothing
    assert format_bboxes(back) == text
