"""THE table of actions and shortcuts: menus, toolbar, the shortcuts window and the uniqueness test
all read ACTIONS, so a key is declared once.

Rules the table follows (tests/ui/test_actions.py checks them):
- no two actions share a key in overlapping contexts ("window" overlaps every context);
- a destructive action is never on a bare letter key (Delete and Backspace are not letters);
- standard keys come from QKeySequence.StandardKey, so each platform gets its own convention;
  the rule above holds on every keyboard scheme (ui/platform/key_tables.py), not only the one in use: X11
  binds StandardKey.Delete to Ctrl+D too, so Duplicate is Ctrl+J.

Texts and tips are English here, marked with QT_TRANSLATE_NOOP("Actions", ...) so that lupdate puts them in
the catalogue; they are translated where the actions and menus are created (build_actions, populate_menus).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from mask_editor.ui.platform.key_tables import standard_keys

Key = QKeySequence.StandardKey | str
SK = QKeySequence.StandardKey


class ActionSpec(NamedTuple):  # a NamedTuple: a fifth of a frozen dataclass's cost to make at import
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
    ActionSpec("open_workspace", QT_TRANSLATE_NOOP("Actions", "&Open workspace…"), "File", (SK.Open,),
               tip=QT_TRANSLATE_NOOP("Actions", "Open a workspace file")),
    ActionSpec("sync", QT_TRANSLATE_NOOP("Actions", "&Sync now"), "File", ("Ctrl+Shift+S",), icon="sync",
               section="sync",
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Review what will change, then pull the server's masks and push local changes")),
    ActionSpec("import_legacy", QT_TRANSLATE_NOOP("Actions", "&Import legacy masks…"), "File", ("Ctrl+I",),
               section="transfer", needs_edit=True,
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Bring masks from the old per-pose JSON files into this workspace (sync sends them)")),
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "&Export masks…"), "File", ("Ctrl+E",), section="transfer",
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Write this pose's or camera's masks as legacy JSON, a PNG mask, CSV or JSON")),
    ActionSpec("sign_in", QT_TRANSLATE_NOOP("Actions", "Sign &in…"), "File", (), section="account",
               tip=QT_TRANSLATE_NOOP("Actions", "Sign in to a Pyronear server to list its cameras and sync masks")),
    ActionSpec("sign_out", QT_TRANSLATE_NOOP("Actions", "Sign &out"), "File", (), section="account", needs_session=True,
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Forget the stored session; the workspace and unsynced changes stay on this computer")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "File", (SK.Quit, "Ctrl+Q"), section="quit"),
    # Edit
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "Edit", (SK.Undo,), icon="undo", needs_edit=True),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "Edit", (SK.Redo, "Ctrl+Y"), icon="redo",
               needs_edit=True),
    ActionSpec("cut", QT_TRANSLATE_NOOP("Actions", "Cu&t"), "Edit", (SK.Cut,), icon="cut", destructive=True,
               needs_edit=True, needs_selection=True, section="clipboard",
               tip=QT_TRANSLATE_NOOP("Actions", "Copy the selected masks, then delete them")),
    ActionSpec("copy", QT_TRANSLATE_NOOP("Actions", "&Copy"), "Edit", (SK.Copy,), icon="copy", needs_selection=True,
               section="clipboard",
               tip=QT_TRANSLATE_NOOP("Actions", "Copy the selected masks (paste them into any pose)")),
    ActionSpec("paste", QT_TRANSLATE_NOOP("Actions", "&Paste"), "Edit", (SK.Paste,), icon="paste", needs_edit=True,
               section="clipboard", tip=QT_TRANSLATE_NOOP("Actions", "Paste masks at the same relative position")),
    ActionSpec("duplicate", QT_TRANSLATE_NOOP("Actions", "D&uplicate"), "Edit", ("Ctrl+J",), icon="duplicate",
               needs_edit=True, needs_selection=True, section="clipboard",
               tip=QT_TRANSLATE_NOOP("Actions", "Copy the selected masks a few pixels away")),
    ActionSpec("delete", QT_TRANSLATE_NOOP("Actions", "&Delete"), "Edit", (SK.Delete, "Backspace"), icon="delete",
               destructive=True, needs_edit=True, needs_selection=True, section="clipboard",
               tip=QT_TRANSLATE_NOOP("Actions", "Delete the selected masks (one undo step)")),
    ActionSpec("select_all", QT_TRANSLATE_NOOP("Actions", "Select &all"), "Edit", (SK.SelectAll,), section="select"),
    ActionSpec("select_none", QT_TRANSLATE_NOOP("Actions", "Select &none"), "Edit", ("Ctrl+Shift+A",),
               section="select"),
    ActionSpec("conflict_keep_mine", QT_TRANSLATE_NOOP("Actions", "Keep &my version"), "Edit", (), needs_edit=True,
               needs_selection=True, section="conflicts",
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "For the selected conflicts: push this computer's box over the server's")),
    ActionSpec("conflict_take_theirs", QT_TRANSLATE_NOOP("Actions", "Take the &server's version"), "Edit", (),
               needs_edit=True, needs_selection=True, section="conflicts",
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "For the selected conflicts: drop the local change and keep what the server has")),
    ActionSpec("conflict_keep_both", QT_TRANSLATE_NOOP("Actions", "Keep &both versions"), "Edit", (), needs_edit=True,
               needs_selection=True, section="conflicts",
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "For the selected conflicts: keep the server's mask and add ours as a new one")),
    ActionSpec("select_tool", QT_TRANSLATE_NOOP("Actions", "&Select and move"), "Edit", ("V",), icon="select",
               checkable=True, section="tools", tip=QT_TRANSLATE_NOOP("Actions", "Select, move and resize masks")),
    ActionSpec("draw_tool", QT_TRANSLATE_NOOP("Actions", "D&raw mask"), "Edit", ("R",), icon="draw", checkable=True,
               needs_edit=True, section="tools",
               tip=QT_TRANSLATE_NOOP("Actions", "Drag on the image to draw a new mask")),
    ActionSpec("area_tool", QT_TRANSLATE_NOOP("Actions", "Cover an &area"), "Edit", ("A",), checkable=True,
               needs_edit=True, section="tools",
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Drag an area: get the fewest masks that drop every detection of the chosen size in it")),
    # View
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &in"), "View", (SK.ZoomIn, "+", "="), icon="zoom-in"),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &out"), "View", (SK.ZoomOut, "-"), icon="zoom-out"),
    ActionSpec("zoom_fit", QT_TRANSLATE_NOOP("Actions", "&Fit image"), "View", ("F", "Ctrl+0"), icon="zoom-fit"),
    ActionSpec("zoom_actual", QT_TRANSLATE_NOOP("Actions", "Actual size (&100 %)"), "View", ("Ctrl+1",),
               icon="zoom-100"),
    ActionSpec("zoom_selection", QT_TRANSLATE_NOOP("Actions", "Zoom to &selection"), "View", ("Z",),
               icon="zoom-selection", needs_selection=True),
    ActionSpec("toggle_masks", QT_TRANSLATE_NOOP("Actions", "Show &masks"), "View", ("H",), icon="eye", checkable=True,
               section="masks", tip=QT_TRANSLATE_NOOP("Actions", "Show or hide all masks on the image")),
    ActionSpec("show_zone", QT_TRANSLATE_NOOP("Actions", "Show suppression &zone"), "View", ("Shift+Z",),
               checkable=True, section="insight",
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Shade where a detection's centre must fall for the masks to drop it (IoU > 0.1)")),
    ActionSpec("past_detections", QT_TRANSLATE_NOOP("Actions", "Past &detections"), "View", ("Ctrl+Shift+D",),
               checkable=True, section="insight",
               tip=QT_TRANSLATE_NOOP("Actions", "The detections of the last days on this pose: dropped or kept")),
    ActionSpec("show_undo_history", QT_TRANSLATE_NOOP("Actions", "Undo &history"), "View", ("Ctrl+Shift+H",),
               icon="history", checkable=True, section="panels"),
    ActionSpec("theme_system", QT_TRANSLATE_NOOP("Actions", "Follow the &system"), "View/Theme", checkable=True),
    ActionSpec("theme_light", QT_TRANSLATE_NOOP("Actions", "&Light"), "View/Theme", checkable=True),
    ActionSpec("theme_dark", QT_TRANSLATE_NOOP("Actions", "&Dark"), "View/Theme", checkable=True),
    # Each language is named in its own language, so these two are not translated.
    ActionSpec("language_system", QT_TRANSLATE_NOOP("Actions", "Follow the s&ystem"), "View/Language",
               checkable=True, tip=QT_TRANSLATE_NOOP("Actions", "Use the computer's language (applies at restart)")),
    ActionSpec("language_fr", "&Français", "View/Language", checkable=True),
    ActionSpec("language_en", "&English", "View/Language", checkable=True),
    # Pose
    ActionSpec("next_pose", QT_TRANSLATE_NOOP("Actions", "&Next pose"), "Pose", ("PgDown",), icon="next"),
    ActionSpec("previous_pose", QT_TRANSLATE_NOOP("Actions", "&Previous pose"), "Pose", ("PgUp",), icon="previous"),
    ActionSpec("reveal_selection", QT_TRANSLATE_NOOP("Actions", "&Reveal selection"), "Pose", ("Ctrl+R",),
               needs_selection=True, tip=QT_TRANSLATE_NOOP("Actions", "Scroll the image to show the selected masks")),
    ActionSpec("pull_camera", QT_TRANSLATE_NOOP("Actions", "P&ull this camera"), "Pose", (), section="pull",
               needs_session=True,
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Fetch the server's masks of every pose of this camera (local changes are kept)")),
    ActionSpec("pull_all", QT_TRANSLATE_NOOP("Actions", "Pull &everything"), "Pose", (), section="pull",
               needs_session=True,
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Fetch cameras, poses and the server's masks of every pose (local changes are kept)")),
    ActionSpec("make_offline", QT_TRANSLATE_NOOP("Actions", "Make this camera available &offline"), "Pose", (),
               section="offline", needs_session=True,
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Download every pose image of the current camera now, to work without a connection")),
    ActionSpec("propose_sky", QT_TRANSLATE_NOOP("Actions", "Propose s&ky area"), "Pose", (), section="insight",
               tip=QT_TRANSLATE_NOOP(
                   "Actions", "Estimate where the sky is on this pose image and propose masks that silence it")),
    # Help
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), "Help", (SK.HelpContents, "F1"),
               icon="keyboard"),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About mask editor"), "Help"),
)

# Every key the canvas claims when focused (ui/canvas/keys.py handles them), by what it does: part of the
# one table, so the uniqueness rule and the shortcuts window cover them; tests/ui/test_keys.py checks
# that the canvas claims exactly these.
_ARROW_NAMES = ("Left", "Right", "Up", "Down")
CANVAS_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Boxes live on the server's 3-decimal grid: a key moves whole grid steps, not pixels.
    (QT_TRANSLATE_NOOP("Actions", "Move the selected masks by one grid step (0.001 of the image)"), _ARROW_NAMES),
    (QT_TRANSLATE_NOOP("Actions", "Move the selected masks by ten grid steps"),
     tuple(f"Shift+{k}" for k in _ARROW_NAMES)),
    (QT_TRANSLATE_NOOP("Actions", "Push that side's edge outward"), tuple(f"Alt+{k}" for k in _ARROW_NAMES)),
    (QT_TRANSLATE_NOOP("Actions", "Pull that side's edge inward"), tuple(f"Alt+Shift+{k}" for k in _ARROW_NAMES)),
    (QT_TRANSLATE_NOOP(
        "Actions", "Cancel the drag; else drop the area proposal; else leave the tool; else clear the selection"),
     ("Esc",)),
    (QT_TRANSLATE_NOOP("Actions", "Hold to pan with a left drag"), ("Space",)),
)


SPECS: dict[str, ActionSpec] = {spec.name: spec for spec in ACTIONS}

# Menu titles by the table's menu paths (the keys stay English: the window finds its menus by them).
MENU_TITLES: dict[str, str] = {
    "File": QT_TRANSLATE_NOOP("Actions", "&File"),
    "Edit": QT_TRANSLATE_NOOP("Actions", "&Edit"),
    "View": QT_TRANSLATE_NOOP("Actions", "&View"),
    "View/Theme": QT_TRANSLATE_NOOP("Actions", "&Theme"),
    "View/Language": QT_TRANSLATE_NOOP("Actions", "&Language"),
    "Pose": QT_TRANSLATE_NOOP("Actions", "&Pose"),
    "Help": QT_TRANSLATE_NOOP("Actions", "&Help"),
}


def translated(text: str) -> str:
    """A text of the table (action, tip, menu, canvas key) in the language in use."""
    return QCoreApplication.translate("Actions", text) if text else text


def spec_text(spec: ActionSpec) -> str:
    return translated(spec.text)


def spec_tip(spec: ActionSpec) -> str:
    return translated(spec.tip)


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


def pressable(seq: QKeySequence) -> bool:
    """Whether a person can press this on an ordinary keyboard: not F13-F35 (Sun keys Qt binds on X11,
    F14 undo, F20 cut) nor the dedicated Open, Undo, Cut, Zoom In, Help, Exit... keys."""
    return seq.count() > 0 and seq[0].key().value < Qt.Key.Key_F13.value


def shortcut_text(spec: ActionSpec) -> str:
    """The keys of `spec` for people (help, menus' tips): the pressable ones, in the platform's words."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(spec) if pressable(s))


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
        text = spec_text(spec)
        action = QAction(text, parent)
        action.setObjectName(spec.name)
        action.setShortcuts(key_sequences(spec))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut if spec.context == "window"
                                  else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(spec.checkable)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        keys = shortcut_text(spec)
        plain = text.replace("&", "").rstrip("…")
        tip = spec_tip(spec) or plain
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
                menus[key] = owner.addMenu(translated(MENU_TITLES.get(key, f"&{part}")))
                menus[key].setObjectName(f"menu_{key.replace('/', '_').lower()}")
        menu = menus[key]
        if key in sections and sections[key] != spec.section:
            menu.addSeparator()
        sections[key] = spec.section
        menu.addAction(actions[spec.name])
    return menus
