"""Each typed error reads as a plain sentence that says what happened and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from mask_editor.api.errors import (
    DeviceUnavailable,
    Forbidden,
    InvalidCredentials,
    NotFound,
    Rejected,
    ServerError,
    SignInRequired,
    Unreachable,
)
from mask_editor.core.geometry import QuantizeError
from mask_editor.ui.platform.messages import explain
from mask_editor.workspace import WorkspaceBusy


@pytest.mark.parametrize(("error", "words"), [
    (InvalidCredentials("Invalid credentials.", 401), "username or password"),
    (SignInRequired("Token has expired.", 401), "changes are kept"),
    (Forbidden("Incompatible token scope.", 403, "scope"), "read-only user: ask an admin or agent to edit masks of "
                                                          "cam-alpha"),
    (Forbidden("Access forbidden.", 403, "organization"), "another organization"),
    (NotFound("Table OcclusionMask has no corresponding entry.", 404), "deleted by someone else"),
    (Rejected("Invalid mask format.", 422, ["Invalid mask format."]), "refused the mask: Invalid mask format."),
    (ServerError("the server answered HTTP 503", 503), "Nothing was lost"),
    (Unreachable("connection refused"), "keep working"),
    (DeviceUnavailable("Camera not reachable", 502), "cannot be reached"),
    (WorkspaceBusy("This workspace is already open in another mask_editor window.", Path("/tmp/ws.sqlite")),
     "already open"),
    (QuantizeError("the box is too narrow to store"), "too narrow"),
])
def test_errors_in_words(error, words):
    explanation = explain(error, camera="cam-alpha")
    assert words in explanation.text
    assert explanation.title and explanation.text.endswith((".", ")"))
