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
