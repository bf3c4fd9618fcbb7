"""HTTP errors as the real server words them: `{"detail": "..."}` or FastAPI's 422 list."""

from __future__ import annotations

from typing import Any


class HttpError(Exception):
    """An answer with a JSON `detail` (a string, or FastAPI's list for schema errors)."""

    def __init__(self, status: int, detail: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


def field_error(kind: str, loc: list[str | int], msg: str, value: Any, **ctx: Any) -> dict[str, Any]:
    """One item of FastAPI/pydantic v2's 422 list."""
    item: dict[str, Any] = {"type": kind, "loc": loc, "msg": msg, "input": value}
    if ctx:
        item["ctx"] = ctx
    return item


class Missing:
    """Marks a field that was not given (pydantic reports `input` as the enclosing object)."""


MISSING = Missing()


def check_int(
    value: Any, loc: list[str | int], *, gt: int | None = None, ge: int | None = None, le: int | None = None
) -> tuple[int | None, list[dict[str, Any]]]:
    """Lax pydantic int: ints, integral floats and digit strings; then the bounds."""
    if value is MISSING or value is None:
        return None, [field_error("missing", loc, "Field required", None)]
    number: int
    if isinstance(value, bool):
        number = int(value)
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            return None, [
                field_error(
                    "int_from_float",
                    loc,
                    "Input should be a valid integer, got a number with a fractional part",
                    value,
                )
            ]
        number = int(value)
    elif isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            return None, [
                field_error(
                    "int_parsing",
                    loc,
                    "Input should be a valid integer, unable to parse string as an integer",
                    value,
                )
            ]
    else:
        return None, [field_error("int_type", loc, "Input should be a valid integer", value)]
    if gt is not None and not number > gt:
        return None, [field_error("greater_than", loc, f"Input should be greater than {gt}", value, gt=gt)]
    if ge is not None and not number >= ge:
        return None, [
            field_error("greater_than_equal", loc, f"Input should be greater than or equal to {ge}", value, ge=ge)
        ]
    if le is not None and not number <= le:
        return None, [field_error("less_than_equal", loc, f"Input should be less than or equal to {le}", value, le=le)]
    return number, []


def check_bool(value: str, loc: list[str | int]) -> tuple[bool | None, list[dict[str, Any]]]:
    text = value.strip().lower()
    if text in ("true", "1", "yes", "on", "t", "y"):
        return True, []
    if text in ("false", "0", "no", "off", "f", "n"):
        return False, []
    return None, [field_error("bool_parsing", loc, "Input should be a valid boolean, unable to interpret input", value)]


def check_str(
    value: Any, loc: list[str | int], *, min_length: int, max_length: int
) -> tuple[str | None, list[dict[str, Any]]]:
    if value is MISSING or value is None:
        return None, [field_error("missing", loc, "Field required", None)]
    if not isinstance(value, str):
        return None, [field_error("string_type", loc, "Input should be a valid string", value)]
    if len(value) < min_length:
        return None, [
            field_error(
                "string_too_short",
                loc,
                f"String should have at least {min_length} characters",
                value,
                min_length=min_length,
            )
        ]
    if len(value) > max_length:
        return None, [
            field_error(
                "string_too_long",
                loc,
                f"String should have at most {max_length} characters",
                value,
                max_length=max_length,
            )
        ]
    return value, []
