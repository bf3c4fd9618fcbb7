"""Cycles are collected on the GUI thread, from the event loop, never automatically elsewhere."""

from __future__ import annotations

import gc

from mask_editor.ui.platform import collector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_collection_is_off_until_the_gui_thread_timer_runs_it(qapp, qtbot):
    guard = collector.install(qapp)
    assert collector.install(qapp) is guard  # one per application
    assert not gc.isenabled()
    gc.collect()
    for _ in range(gc.get_threshold()[0] * 3):
        Node()
    assert gc.get_count()[0] > gc.get_threshold()[0]  # nothing collected them meanwhile
    qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=2000)  # the timer did


def test_the_window_start_turns_automatic_collection_off_before_pyside_loads(monkeypatch):
    """cli/window.py: off from the window's start (the collections while the window's modules load
    go too), not only once the collector is installed."""
    from types import SimpleNamespace

    from mask_editor.cli.window import EXIT_NO_DISPLAY, run_window

    gc.enable()
    monkeypatch.setattr("mask_editor.ui.window.app.display_problem", lambda: "no display here")
    try:
        args = SimpleNamespace(workspace=None, server=None, demo=False, smoke=False)
        assert run_window(args) == EXIT_NO_DISPLAY
        assert not gc.isenabled()
    finally:
        gc.enable()  # as the other tests without Qt expect it


def test_what_start_up_made_is_frozen_out_of_later_collections(qapp, qtbot):
    """After start-up, a full collection walks only what came later; cycles made later still go."""
    guard = collector.install(qapp)
    try:
        collector.freeze_start_up()
        frozen = gc.get_freeze_count()
        assert frozen > 1000  # the test run's modules, classes and widgets
        for _ in range(gc.get_threshold()[0] * 3):
            Node()
        assert guard.collect_if_due() >= gc.get_threshold()[0] * 3  # the new cycles were freed
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
