"""The legacy JSON mask files: {"YYYY-mm-dd HH:MM:SS": [xmin, ymin, xmax, ymax(, conf)], ...}."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mask_editor.core.codec import LegacyEntry, LegacyFile, LegacyFormatError, format_legacy, parse_legacy
from mask_editor.core.geometry import Box, quantize
from tests.core.strategies import boxes, grid_boxes

SOURCE = "nemours_246.json"







quantizable_boxes = boxes(min_size=0.0011) | grid_boxes()

zones = st.sampled_from(
    [
        UTC,
        timezone(timedelta(hours=2)),
        timezone(timedelta(hours=-5, minutes=-30)),
        timezone(timedelta(hours=14)),
    ]
)
aware_times = st.datetimes(
    min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30), timezones=zones
)


def utc_second(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(microsecond=0)


# --- reading ---------------------------------------------------------------------------------------


def test_parse_the_contract_example():
    text = '{"2025-06-06 12:23:45": [0.16090000000000002, 0.2, 0.35, 0.4, 0.87]}'
    result = parse_legacy(text, SOURCE)
    assert isinstance(result, LegacyFile)
    assert result.source == SOURCE
    assert result.problems == []
    (entry,) = result.entries
    assert isinstance(entry, LegacyEntry)
    assert entry.key == "2025-06-06 12:23:45"
    assert entry.added_at == datetime(2025, 6, 6, 12, 23, 45, tzinfo=UTC)
    assert entry.box == Box(0.161, 0.2, 0.35, 0.4)
    assert entry.notes == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([0.16090000000000002, 0.2, 0.35, 0.4], (0.161, 0.2, 0.35, 0.4)),
        ([0.1, 0.20000000000000001, 0.30000000000000004, 0.4, 0.5], (0.1, 0.2, 0.3, 0.4)),
        ([0.12345, 0.2, 0.99999, 0.4, 0.5], (0.123, 0.2, 1.0, 0.4)),
        ([0, 0, 1, 1], (0.0, 0.0, 1.0, 1.0)),
        ([0, 0, 1, 1, 1], (0.0, 0.0, 1.0, 1.0)),
    ],
)
def test_float_noise_is_put_on_the_grid(value, expected):
    result = parse_legacy(json.dumps({"2025-06-06 12:23:45": value}), SOURCE)
    assert result.problems == []
    box = result.entries[0].box
    assert box.as_tuple() == expected
    assert box == quantize(box)
    assert box.is_quantized()


def test_four_and_five_values():
    text = json.dumps(
        {
            "2025-06-06 12:23:45": [0.1, 0.2, 0.3, 0.4],
            "2025-06-06 12:23:46": [0.5, 0.6, 0.7, 0.8, 0.42],
        }
    )
    result = parse_legacy(text, SOURCE)
    assert result.problems == []
    assert [e.box for e in result.entries] == [Box(0.1, 0.2, 0.3, 0.4), Box(0.5, 0.6, 0.7, 0.8)]


def test_key_times_are_utc_aware():
    result = parse_legacy('{"2024-12-31 23:59:59": [0.1, 0.2, 0.3, 0.4, 0.5]}', SOURCE)
    when = result.entries[0].added_at
    assert when.tzinfo is not None
    assert when.utcoffset() == timedelta(0)
    assert when == datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert when == datetime(2025, 1, 1, 0, 59, 59, tzinfo=timezone(timedelta(hours=1)))


def test_entries_keep_file_order():
    keys = ["2025-06-06 12:23:47", "2025-06-06 12:23:45", "2025-06-06 12:23:46"]
    text = json.dumps({k: [0.1, 0.2, 0.3, 0.4, 0.9] for k in keys})
    assert [e.key for e in parse_legacy(text, SOURCE).entries] == keys


def test_swapped_and_clamped_values_are_noted():
    text = json.dumps(
        {
            "2025-06-06 12:00:00": [0.3, 0.2, 0.1, 0.4, 0.9],
            "2025-06-06 12:00:01": [-0.1, 0.2, 1.3, 0.4, 0.9],
        }
    )
    swapped, clamped = parse_legacy(text, SOURCE).entries
    assert swapped.box == Box(0.1, 0.2, 0.3, 0.4)
    assert any("swapped" in n for n in swapped.notes)
    assert clamped.box == Box(0.0, 0.2, 1.0, 0.4)
    assert any("clamped" in n for n in clamped.notes)


def test_duplicate_keys_are_both_kept():
    text = (
        '{"2025-06-06 12:23:45": [0.1, 0.2, 0.3, 0.4, 0.9],'
        ' "2025-06-06 12:23:45": [0.5, 0.6, 0.7, 0.8, 0.9]}'
    )
    result = parse_legacy(text, SOURCE)
    assert result.problems == []
    assert [e.box for e in result.entries] == [Box(0.1, 0.2, 0.3, 0.4), Box(0.5, 0.6, 0.7, 0.8)]
    assert {e.key for e in result.entries} == {"2025-06-06 12:23:45"}


def test_empty_object_has_no_entries():
    result = parse_legacy("{}", SOURCE)
    assert result.entries == [] and result.problems == []


BAD_ENTRIES = [
    pytest.param("2025-06-06T12:23:45", [0.1, 0.2, 0.3, 0.4, 0.9], "time", id="iso-key"),
    pytest.param("yesterday", [0.1, 0.2, 0.3, 0.4, 0.9], "time", id="word-key"),
    pytest.param("", [0.1, 0.2, 0.3, 0.4, 0.9], "time", id="empty-key"),
    pytest.param("2025-13-06 12:23:45", [0.1, 0.2, 0.3, 0.4, 0.9], "time", id="month-13"),
    pytest.param("2025-06-06 12:23:60", [0.1, 0.2, 0.3, 0.4, 0.9], "time", id="second-60"),
    pytest.param("2025-06-06 12:23:45+02:00", [0.1, 0.2, 0.3, 0.4, 0.9], "time", id="offset-key"),
    pytest.param("2025-06-06 12:23:45", [0.1, 0.2, 0.3], "4 or 5", id="three-values"),
    pytest.param("2025-06-06 12:23:45", [0.1, 0.2, 0.3, 0.4, 0.9, 1], "4 or 5", id="six-values"),
    pytest.param("2025-06-06 12:23:45", [], "4 or 5", id="no-values"),
    pytest.param("2025-06-06 12:23:45", "(0.1,0.2,0.3,0.4)", "4 or 5", id="string-value"),
    pytest.param("2025-06-06 12:23:45", None, "4 or 5", id="null-value"),
    pytest.param("2025-06-06 12:23:45", 0.5, "4 or 5", id="number-value"),
    pytest.param("2025-06-06 12:23:45", {"x": 1, "y": 2, "w": 3, "h": 4}, "number", id="object-value"),
    pytest.param("2025-06-06 12:23:45", ["0.1", 0.2, 0.3, 0.4], "number", id="string-number"),
    pytest.param("2025-06-06 12:23:45", [True, 0.2, 0.3, 0.4], "number", id="boolean"),
    pytest.param("2025-06-06 12:23:45", [None, 0.2, 0.3, 0.4], "number", id="null-number"),
    pytest.param("2025-06-06 12:23:45", [[0.1], 0.2, 0.3, 0.4], "number", id="nested-list"),
    pytest.param("2025-06-06 12:23:45", [float("nan"), 0.2, 0.3, 0.4], "finite", id="nan"),
    pytest.param("2025-06-06 12:23:45", [0.1, 0.2, float("inf"), 0.4], "finite", id="infinity"),
    pytest.param("2025-06-06 12:23:45", [0.1, 0.2, 0.1, 0.4, 0.9], "zero", id="zero-width"),
    pytest.param("2025-06-06 12:23:45", [0.1, 0.4, 0.3, 0.4, 0.9], "zero", id="zero-height"),
    pytest.param("2025-06-06 12:23:45", [1.2, 0.2, 1.5, 0.4, 0.9], "zero", id="clamped-to-nothing"),
    pytest.param("2025-06-06 12:23:45", [0.1, 0.2, 0.1004, 0.4, 0.9], "narrow", id="too-narrow"),
    pytest.param("2025-06-06 12:23:45", [0.1, 0.2, 0.3, 0.2002, 0.9], "short", id="too-short"),
]


@pytest.mark.parametrize(("key", "value", "reason_word"), BAD_ENTRIES)
def test_bad_entries_are_listed_and_good_ones_come_through(key, value, reason_word):
    good_before = ("2025-06-06 10:00:00", [0.1, 0.2, 0.3, 0.4, 0.9])
    good_after = ("2025-06-06 14:00:00", [0.5, 0.6, 0.7, 0.8])
    # written by hand so that the bad key may equal a good one's and NaN / Infinity get through
    text = "{" + ", ".join(
        f"{json.dumps(k)}: {json.dumps(v)}" for k, v in (good_before, (key, value), good_after)
    ) + "}"
    result = parse_legacy(text, SOURCE)
    assert [e.key for e in result.entries] == [good_before[0], good_after[0]]
    assert [e.box for e in result.entries] == [Box(0.1, 0.2, 0.3, 0.4), Box(0.5, 0.6, 0.7, 0.8)]
    (problem,) = result.problems
    assert isinstance(problem, LegacyFormatError)
    assert isinstance(problem, ValueError)
    assert problem.source == SOURCE
    assert problem.key == key
    message = str(problem)
    assert SOURCE in message
    assert repr(key) in message
    assert reason_word in problem.reason
    assert reason_word in message


def test_a_file_of_only_bad_entries_still_reads():
    text = json.dumps({"nope": [0.1, 0.2, 0.3, 0.4], "2025-06-06 12:23:45": [1, 2]})
    result = parse_legacy(text, SOURCE)
    assert result.entries == []
    assert [p.key for p in result.problems] == ["nope", "2025-06-06 12:23:45"]


@pytest.mark.parametrize(
    ("text", "reason_word"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("  \n\t", "empty", id="blank"),
        pytest.param("{", "JSON", id="unclosed"),
        pytest.param('{"2025-06-06 12:23:45": [0.1, 0.2, 0.3, 0.4,]}', "JSON", id="trailing-comma"),
        pytest.param("{'2025-06-06 12:23:45': [0.1, 0.2, 0.3, 0.4]}", "JSON", id="single-quotes"),
        pytest.param("not json at all", "JSON", id="text"),
        pytest.param('{"a": 1} {"b": 2}', "JSON", id="two-objects"),
        pytest.param("\ufeff{}", "JSON", id="byte-order-mark"),
        pytest.param('[["2025-06-06 12:23:45", [0.1, 0.2, 0.3, 0.4]]]', "object", id="array-of-pairs"),
        pytest.param("[[0.1, 0.2, 0.3, 0.4]]", "object", id="array-of-boxes"),
        pytest.param("[{}]", "object", id="array-of-object"),
        pytest.param('"2025-06-06 12:23:45"', "object", id="string"),
        pytest.param("42", "object", id="number"),
        pytest.param("null", "object", id="null"),
        pytest.param("true", "object", id="boolean"),
    ],
)
def test_unreadable_files_raise_naming_the_file(text, reason_word):
    with pytest.raises(LegacyFormatError) as info:
        parse_legacy(text, SOURCE)
    error = info.value
    assert error.source == SOURCE
    assert error.key is None
    assert str(error).startswith(SOURCE)
    assert reason_word in error.reason


def test_broken_json_error_says_where():
    with pytest.raises(LegacyFormatError, match=r"line 2"):
        parse_legacy('{\n  "2025-06-06 12:23:45": [0.1, 0.2,, 0.3]\n}', SOURCE)


def test_an_empty_json_array_is_not_a_legacy_file():
    with pytest.raises(LegacyFormatError):
        parse_legacy("[]", SOURCE)


# --- writing ---------------------------------------------------------------------------------------


def test_format_legacy_known_output():
    text = format_legacy(
        [
            (datetime(2025, 6, 6, 12, 23, 45, 999_999, tzinfo=UTC), Box(0.16090000000000002, 0.2, 0.35, 0.4)),
            (datetime(2025, 6, 6, 14, 0, 0, tzinfo=timezone(timedelta(hours=2))), Box(0.0, 0.0, 1.0, 1.0)),
        ]
    )
    assert text.endswith("\n")
    assert json.loads(text) == {
        "2025-06-06 12:00:00": [0.0, 0.0, 1.0, 1.0],
        "2025-06-06 12:23:45": [0.161, 0.2, 0.35, 0.4],
    }


@pytest.fixture
def paris_local_time():
    """The machine's local zone set to Europe/Paris (UTC+2 in June), restored afterwards."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


def test_format_legacy_does_not_depend_on_the_machine_zone(paris_local_time):
    naive = datetime(2025, 6, 6, 12, 0, 0)
    try:
        text = format_legacy([(naive, Box(0.1, 0.2, 0.3, 0.4))])
    except ValueError:
        return  # refusing a naive time is fine too
    assert list(json.loads(text)) == ["2025-06-06 12:00:00"]


def test_format_legacy_aware_times_do_not_depend_on_the_machine_zone(paris_local_time):
    aware = datetime(2025, 6, 6, 12, 0, 0, tzinfo=UTC)
    text = format_legacy([(aware, Box(0.1, 0.2, 0.3, 0.4))])
    assert list(json.loads(text)) == ["2025-06-06 12:00:00"]
    assert parse_legacy(text, SOURCE).entries[0].added_at == aware


def test_format_legacy_empty():
    assert json.loads(format_legacy([])) == {}
    assert parse_legacy(format_legacy([]), SOURCE).entries == []


def test_same_second_entries_are_not_lost():
    when = datetime(2025, 6, 6, 12, 23, 45, tzinfo=UTC)
    entries = [
        (when, Box(0.1, 0.2, 0.3, 0.4)),
        (when.replace(microsecond=500_000), Box(0.5, 0.6, 0.7, 0.8)),
        (when, Box(0.2, 0.2, 0.3, 0.3)),
        (when + timedelta(seconds=1), Box(0.0, 0.0, 0.1, 0.1)),
    ]
    text = format_legacy(entries)
    data = json.loads(text)
    assert len(data) == 4
    result = parse_legacy(text, SOURCE)
    assert result.problems == []
    assert sorted(e.box.milli() for e in result.entries) == sorted(b.milli() for _, b in entries)
    times = sorted(e.added_at for e in result.entries)
    assert times == [when + timedelta(seconds=s) for s in range(4)]


def test_format_legacy_does_not_depend_on_input_order():
    when = datetime(2025, 6, 6, 12, 23, 45, tzinfo=UTC)
    entries = [(when, Box(0.5, 0.6, 0.7, 0.8)), (when, Box(0.1, 0.2, 0.3, 0.4))]
    assert format_legacy(entries) == format_legacy(entries[::-1])


@settings(deadline=None, max_examples=150)
@given(st.lists(st.tuples(aware_times, quantizable_boxes), max_size=8))
def test_format_then_parse_keeps_boxes_and_timestamps(entries):
    text = format_legacy(entries)
    result = parse_legacy(text, "round_trip.json")
    assert result.problems == []
    assert len(result.entries) == len(entries)
    # every box comes back, on the grid
    assert sorted(e.box.milli() for e in result.entries) == sorted(quantize(b).milli() for _, b in entries)
    for e in result.entries:
        assert e.notes == ()
        assert e.added_at.tzinfo is not None and e.added_at.utcoffset() == timedelta(0)
        for v in json.loads(text)[e.key]:
            assert v == round(v, 3)
    # timestamps: to the second, in UTC; same-second ones pushed on, never earlier
    originals = sorted(utc_second(t) for t, _ in entries)
    parsed = sorted(e.added_at for e in result.entries)
    assert len(set(parsed)) == len(parsed)
    for before, after in zip(originals, parsed, strict=True):
        assert after >= before
    if len(set(originals)) == len(originals):
        assert parsed == originals
        by_time = {utc_second(t): quantize(b) for t, b in entries}
        assert {e.added_at: e.box for e in result.entries} == by_time
    # writing what we read gives the same file
    assert format_legacy([(e.added_at, e.box) for e in result.entries]) == text


@settings(deadline=None, max_examples=100)
@given(
    st.dictionaries(
        st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1)).map(
            lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
        ),
        st.lists(st.floats(-0.2, 1.2, allow_nan=False), min_size=4, max_size=5),
        max_size=6,
    )
)
def test_parse_legacy_never_loses_an_entry(data):
    result = parse_legacy(json.dumps(data), SOURCE)
    assert len(result.entries) + len(result.problems) == len(data)
    for e in result.entries:
        assert e.box == quantize(e.box)
        assert all(0.0 <= v <= 1.0 for v in e.box.as_tuple())
    for p in result.problems:
        assert p.key in data and SOURCE in str(p)


@settings(deadline=None, max_examples=150)
@given(st.text(max_size=40))
def test_parse_legacy_only_raises_legacy_format_error(text):
    try:
        parse_legacy(text, SOURCE)
    except LegacyFormatError as exc:
        assert exc.source == SOURCE
