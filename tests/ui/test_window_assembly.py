"""The window is built in one place (issue 12, item 3): ui/window/assemble.build_window. No module
sets parts on the window from outside, or looks for them with getattr; the features below the window
(insight, drift) are given the narrow parts they use, never the window itself."""

from __future__ import annotations

import re
from pathlib import Path

from mask_editor.ui.window.assemble import build_window
from mask_editor.ui.window.main_window import MainWindow
from mask_editor.ui.window.session_controller import SessionController
from mask_editor.workspace import Workspace

PACKAGE = Path(__file__).resolve().parents[2] / "mask_editor"
pytest_plugins = ("tests.ui.window_fixtures",)

OWNERS = {"ui/window/main_window.py", "ui/window/window_layout.py"}  # the window's own code


def _lines(pattern: str, *, outside: set[str] | None = None, skip_window_package: bool = False) -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = str(path.relative_to(PACKAGE))
        if (outside and name in outside) or (skip_window_package and name.startswith("ui/window/")):
            continue
        found += [f"{name}:{n}: {line.strip()}" for n, line in enumerate(path.read_text().splitlines(), 1)
                  if re.search(pattern, line)]
    return found


def test_nothing_sets_attributes_on_the_window_from_outside():
    assert _lines(r"\bwindow\.\w+(\.\w+)*\s*=[^=]", outside=OWNERS) == []
    assert _lines(r"(getattr|setattr|hasattr)\([^)]*window") == []


def test_features_below_the_window_do_not_reach_its_session_status_or_open_poses():
    assert _lines(r"\bwindow\.(status|poses|session_controller|session|stack|empty)\b", skip_window_package=True) == []


def test_insight_and_drift_are_not_given_the_window():
    holds = r"\bwindow\s*(:|=[^=]|,|\))|\bself\.window\b|\bwindow\.\w"  # a parameter, an attribute, a use
    found = [line for line in _lines(holds) if line.startswith(("ui/insight/", "ui/drift/"))]
    assert found == []


def test_insight_and_drift_follow_the_pose_and_workspace_the_window_opens(qtbot, ws_path, app_settings):
    workspace = Workspace(ws_path, exclusive=True)
    window, _controller = build_window(workspace, app_settings)
    qtbot.addWidget(window)
    assert window.document is not None
    assert window.insight.document is window.document and window.drift.document is window.document
    assert window.drift.workspace is workspace
    other = next(p for p in window.browser.pose_ids() if p != window.document.pose_id)
    window.show_pose(other)
    assert window.insight.document is window.document and window.drift.document.pose_id == other
    assert window.insight.dock.parent() is window and window.drift.banner.parent() is window.centralWidget()
    window.close()
    workspace.close()


def test_build_window_gives_insight_the_session_of_the_controller(qtbot, app_settings):
    window, controller = build_window(None, app_settings)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and isinstance(controller, SessionController)
    assert window.insight._current_session() is controller.session
