"""THE table of actions and shortcuts: menus, toolbar, the shortcuts window and the uniqueness test
all read ACTIONS, so a key is declared once.

Rules the table follows (tests/ui/test_actions.py checks them):
- no two actions share a key in overlapping contexts ("window" overlaps every context);
- a destructive action is never on a bare letter key (Delete and Backspace are not letters);
- standard keys come from QKeySequence.StandardKey, so each platform gets its own convention;
  the rule above holds on every keyboard scheme (ui/platform/key_tables.py), not only the one in use: X11
  binds StandardKey.Delete to Ctrl+D too, so Duplicate is Ctrl+J.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from mask_editor.ui.platform.key_tables import standard_keys

Key = QKeySequence.StandardKey | str
SK = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    menu: str  # File, Edit, View, Pose, Help
    shortcuts: tuple[Key, ...] = ()
    context: str = "window"  # "window": anywhere in the main window; "canvas": only with canvas focus
    icon: str | None = None
    destructive: bool = False  # removes or discards work (even if undoable)
    needs_edit: bool = False  # disabled when the pose is read-only
    needs_selection: bool = False  # disabled when no mask is selected
    checkable: bool = False
    tip: str = ""
    section: str = ""  # a separator goes before the first action of a new section in a menu
    needs_session: bool = False  # enabled by the session controller (signed in, server known), not the window


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("open_workspace", "&Open workspace…", "File", (SK.Open,), tip="Open a workspace file"),
    ActionSpec("sync", "&Sync now", "File", ("Ctrl+Shift+S",), icon="sync", section="sync",
               tip="Review what will change, then pull the server's masks and push local changes"),
    ActionSpec("import_legacy", "&Import legacy masks…", "File", ("Ctrl+I",), section="transfer", needs_edit=True,
               tip="Bring masks from the old per-pose JSON files into this workspace (sync sends them)"),
    ActionSpec("export", "&Export masks…", "File", ("Ctrl+E",), section="transfer",
               tip="Write this pose's or camera's masks as legacy JSON, a PNG mask, CSV or JSON"),
    ActionSpec("sign_in", "Sign &in…", "File", (), section="account",
               tip="Sign in to a Pyronear server to list its cameras and sync masks"),
    ActionSpec("sign_out", "Sign &out", "File", (), section="account",
               needs_session=True,
               tip="Forget the stored session; the workspace and unsynced changes stay on this computer"),
    ActionSpec("quit", "&Quit", "File", (SK.Quit, "Ctrl+Q"), section="quit"),
    # Edit
    ActionSpec("undo", "&Undo", "Edit", (SK.Undo,), icon="undo", needs_edit=True),
    ActionSpec("redo", "&Redo", "Edit", (SK.Redo, "Ctrl+Y"), icon="redo", needs_edit=True),
    ActionSpec("cut", "Cu&t", "Edit", (SK.Cut,), icon="cut", destructive=True, needs_edit=True,
               needs_selection=True, section="clipboard", tip="Copy the selected masks, then delete them"),
    ActionSpec("copy", "&Copy", "Edit", (SK.Copy,), icon="copy", needs_selection=True,
               section="clipboard", tip="Copy the selected masks (paste them into any pose)"),
    ActionSpec("paste", "&Paste", "Edit", (SK.Paste,), icon="paste", needs_edit=True, section="clipboard",
               tip="Paste masks at the same relative position"),
    ActionSpec("duplicate", "D&uplicate", "Edit", ("Ctrl+J",), icon="duplicate", needs_edit=True,
               needs_selection=True, section="clipboard", tip="Copy the selected masks a few pixels away"),
    ActionSpec("delete", "&Delete", "Edit", (SK.Delete, "Backspace"), icon="delete", destructive=True,
               needs_edit=True, needs_selection=True, section="clipboard",
               tip="Delete the selected masks (one undo step)"),
    ActionSpec("select_all", "Select &all", "Edit", (SK.SelectAll,), section="select"),
    ActionSpec("select_none", "Select &none", "Edit", ("Ctrl+Shift+A",), section="select"),
    ActionSpec("conflict_keep_mine", "Keep &my version", "Edit", (), needs_edit=True, needs_selection=True,
               section="conflicts", tip="For the selected conflicts: push this computer's box over the server's"),
    ActionSpec("conflict_take_theirs", "Take the &server's version", "Edit", (), needs_edit=True,
               needs_selection=True, section="conflicts",
               tip="For the selected conflicts: drop the local change and keep what the server has"),
    ActionSpec("conflict_keep_both", "Keep &both versions", "Edit", (), needs_edit=True, needs_selection=True,
               section="conflicts", tip="For the selected conflicts: keep the server's mask and add ours as a new one"),
    ActionSpec("select_tool", "&Select and move", "Edit", ("V",), icon="select", checkable=True,
               section="tools", tip="Select, move and resize masks"),
    ActionSpec("draw_tool", "D&raw mask", "Edit", ("R",), icon="draw", checkable=True, needs_edit=True,
               section="tools", tip="Drag on the image to draw a new mask"),
    ActionSpec("area_tool", "Cover an &area", "Edit", ("A",), checkable=True, needs_edit=True, section="tools",
               tip="Drag an area: get the fewest masks that drop every detection of the chosen size in it"),
    # View
    ActionSpec("zoom_in", "Zoom &in", "View", (SK.ZoomIn, "+", "="), icon="zoom-in"),
    ActionSpec("zoom_out", "Zoom &out", "View", (SK.ZoomOut, "-"), icon="zoom-out"),
    ActionSpec("zoom_fit", "&Fit image", "View", ("F", "Ctrl+0"), icon="zoom-fit"),
    ActionSpec("zoom_actual", "Actual size (&100 %)", "View", ("Ctrl+1",), icon="zoom-100"),
    ActionSpec("zoom_selection", "Zoom to &selection", "View", ("Z",), icon="zoom-selection",
               needs_selection=True),
    ActionSpec("toggle_masks", "Show &masks", "View", ("H",), icon="eye", checkable=True, section="masks",
               tip="Show or hide all masks on the image"),
    ActionSpec("show_zone", "Show suppression &zone", "View", ("Shift+Z",), checkable=True, section="insight",
               tip="Shade where a detection's centre must fall for the masks to drop it (IoU > 0.1)"),
    ActionSpec("past_detections", "Past &detections", "View", ("Ctrl+Shift+D",), checkable=True,
               section="insight", tip="The detections of the last days on this pose: dropped or kept"),
    ActionSpec("show_undo_history", "Undo &history", "View", ("Ctrl+Shift+H",), icon="history",
               checkable=True, section="panels"),
    ActionSpec("theme_system", "Follow the &system", "View/Theme", checkable=True),
    ActionSpec("theme_light", "&Light", "View/Theme", checkable=True),
    ActionSpec("theme_dark", "&Dark", "View/Theme", checkable=True),
    # Pose
    ActionSpec("next_pose", "&Next pose", "Pose", ("PgDown",), icon="next"),
    ActionSpec("previous_pose", "&Previous pose", "Pose", ("PgUp",), icon="previous"),
    ActionSpec("reveal_selection", "&Reveal selection", "Pose", ("Ctrl+R",), needs_selection=True,
               tip="Scroll the image to show the selected masks"),
    ActionSpec("pull_camera", "P&ull this camera", "Pose", (), section="pull",
               needs_session=True,
               tip="Fetch the server's masks of every pose of this camera (local changes are kept)"),
    ActionSpec("pull_all", "Pull &everything", "Pose", (), section="pull",
               needs_session=True,
               tip="Fetch cameras, poses and the server's masks of every pose (local changes are kept)"),
    ActionSpec("make_offline", "Make this camera available &offline", "Pose", (), section="offline",
               needs_session=True,
               tip="Download every pose image of the current camera now, to work without a connection"),
    ActionSpec("propose_sky", "Propose s&ky area", "Pose", (), section="insight",
               tip="Estimate where the sky is on this pose image and propose masks that silence it"),
    # Help
    ActionSpec("shortcuts", "&Keyboard shortcuts", "Help", (SK.HelpContents, "F1"), icon="keyboard"),
    ActionSpec("about", "&About mask editor", "Help"),
)

# Every key the canvas claims when focused (ui/canvas/keys.py handles them), by what it does: part of the
# one table, so the uniqueness rule and the shortcuts window cover them; tests/ui/test_keys.py checks
# that the canvas claims exactly these.
_ARROW_NAMES = ("Left", "Right", "Up", "Down")
CANVAS_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Boxes live on the server's 3-decimal grid: a key moves whole grid steps, not pixels.
    ("Move the selected masks by one grid step (0.001 of the image)", _ARROW_NAMES),
    ("Move the selected masks by ten grid steps", tuple(f"Shift+{k}" for k in _ARROW_NAMES)),
    ("Push that side's edge outward", tuple(f"Alt+{k}" for k in _ARROW_NAMES)),
    ("Pull that side's edge inward", tuple(f"Alt+Shift+{k}" for k in _ARROW_NAMES)),
    ("Cancel the drag; else leave draw mode; else clear the selection", ("Esc",)),
    ("Hold to pan with a left drag", ("Space",)),
)


SPECS: dict[str, ActionSpec] = {spec.name: spec for spec in ACTIONS}


def key_sequences(spec: ActionSpec, scheme: str | None = None) -> list[QKeySequence]:
    """The spec's keys on this platform (or on `scheme`, one of key_tables.SCHEMES), standard keys
    expanded, duplicates dropped, in order."""
    out: list[QKeySequence] = []
    for key in spec.shortcuts:
        if not isinstance(key, QKeySequence.StandardKey):
            found = [QKeySequence(key)]
        elif scheme is None:
            found = QKeySequence.keyBindings(key)
        else:
            found = standard_keys(key, scheme)
        for seq in found:
            if not seq.isEmpty() and all(seq != known for known in out):
                out.append(seq)
    return out


def shortcut_text(spec: ActionSpec) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(spec))


def contexts_overlap(a: str, b: str) -> bool:
    return a == b or "window" in (a, b)


def canvas_key_specs() -> tuple[ActionSpec, ...]:
    """The keys the canvas claims when focused, as specs of the "canvas" context."""
    return tuple(ActionSpec(f"canvas: {what}", what, "", keys, context="canvas") for what, keys in CANVAS_KEYS)


def conflicts(specs: Iterable[ActionSpec] = ACTIONS, scheme: str | None = None) -> list[tuple[str, str, str]]:
    """(key, action, action) for each key two actions share in overlapping contexts, on this
    platform or on `scheme`."""
    seen: list[tuple[str, ActionSpec]] = []
    found: list[tuple[str, str, str]] = []
    for spec in specs:
        for seq in key_sequences(spec, scheme):
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            for other_key, other in seen:
                if other_key == key and contexts_overlap(spec.context, other.context):
                    found.append((key, other.name, spec.name))
            seen.append((key, spec))
    return found


def is_bare_letter(seq: QKeySequence) -> bool:
    combo = seq[0] if seq.count() else None
    if combo is None:
        return False
    no_modifier = combo.keyboardModifiers() in (Qt.KeyboardModifier.NoModifier,
                                                Qt.KeyboardModifier.ShiftModifier)
    return no_modifier and Qt.Key.Key_A.value <= combo.key().value <= Qt.Key.Key_Z.value


def build_actions(parent: QObject) -> dict[str, QAction]:
    """One QAction per spec, shortcuts and tooltips set; the caller connects `triggered`."""
    from mask_editor.ui.platform.theme import icon

    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(spec.name)
        action.setShortcuts(key_sequences(spec))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut if spec.context == "window"
                                  else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(spec.checkable)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        keys = shortcut_text(spec)
        plain = spec.text.replace("&", "").rstrip("…")
        tip = spec.tip or plain
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        actions[spec.name] = action
    return actions


def populate_menus(menubar: QMenuBar, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """Menus in table order ("View/Theme" is a submenu); a separator between sections."""
    menus: dict[str, QMenu] = {}
    sections: dict[str, str] = {}
    for spec in ACTIONS:
        path = spec.menu.split("/")
        key = ""
        for depth, part in enumerate(path):
            parent_key, key = key, "/".join(path[:depth + 1])
            if key not in menus:
                owner = menus[parent_key] if parent_key else menubar
                menus[key] = owner.addMenu(f"&{part}")
                menus[key].setObjectName(f"menu_{key.replace('/', '_').lower()}")
        menu = menus[key]
        if key in sections and sections[key] != spec.section:
            menu.addSeparator()
        sections[key] = spec.section
        menu.addAction(actions[spec.name])
    return menus
