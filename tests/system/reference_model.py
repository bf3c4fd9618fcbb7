"""The plain reference model of the undo machine (test_undo_machine.py): what each row of each pose
must hold, written from the rules in words (docs/architecture.md, ADR 0001, workspace/undo_rows.py),
with dicts and ifs instead of SQL, journals and threads."""

from __future__ import annotations

from dataclasses import dataclass, field

from mask_editor.core.geometry import Box

EDITED, DELETED = "edited", "deleted"  # the conflict kinds


@dataclass
class Row:
    pose: int
    ours: Box | None  # None: no mask here (deleted, waiting for a push)
    server_id: int | None = None
    base: Box | None = None  # the server's box at the last sync
    conflict: str | None = None


@dataclass
class Command:
    """One undo step: per row, what the command put there (after) and what was there (before)."""

    pose: int
    before: dict[int, Box | None]
    after: dict[int, Box | None]
    server_ids: dict[int, int | None]  # what each row pointed at when the command was made
    nudge: bool = False


@dataclass
class Stack:
    commands: list[Command] = field(default_factory=list)
    index: int = 0

    def push(self, command: Command) -> None:
        del self.commands[self.index:]
        top = self.commands[-1] if self.commands else None
        if command.nudge and top is not None and top.nudge and set(top.after) == set(command.after):
            top.after = dict(command.after)  # QUndoStack.mergeWith: one step for consecutive nudges
            return
        self.commands.append(command)
        self.index = len(self.commands)


@dataclass
class Model:
    rows: dict[int, Row] = field(default_factory=dict)
    stacks: dict[int, Stack] = field(default_factory=dict)
    highest_id: int = 0  # ids are never handed out twice

    def present(self, pose: int) -> dict[int, Box]:
        return {i: r.ours for i, r in self.rows.items() if r.pose == pose and r.ours is not None}

    def stack(self, pose: int) -> Stack:
        return self.stacks.setdefault(pose, Stack())

    # --- edits ----------------------------------------------------------------------------------

    def added(self, pose: int, new: dict[int, Box], *, undoable: bool = True) -> None:
        assert all(i > self.highest_id for i in new), "a local id was handed out again"
        self.highest_id = max([self.highest_id, *new])
        for i, b in new.items():
            self.rows[i] = Row(pose, b)
        if undoable:
            self.stack(pose).push(Command(pose, dict.fromkeys(new), dict(new), dict.fromkeys(new)))

    def moved(self, pose: int, boxes: dict[int, Box], *, nudge: bool = False) -> None:
        before = {i: self.rows[i].ours for i in boxes}
        for i, b in boxes.items():
            self.rows[i].ours = b
        servers = {i: self.rows[i].server_id for i in boxes}
        self.stack(pose).push(Command(pose, before, dict(boxes), servers, nudge))

    def deleted(self, pose: int, ids: list[int]) -> None:
        before = {i: self.rows[i].ours for i in ids}
        servers = {i: self.rows[i].server_id for i in ids}
        for i in ids:
            self._gone(i, self.rows[i], keep_conflict_rows=True)
        self.stack(pose).push(Command(pose, before, dict.fromkeys(ids), servers))

    def _gone(self, i: int, row: Row, keep_conflict_rows: bool = False) -> None:
        if row.server_id is None or (row.conflict == DELETED and not keep_conflict_rows):
            del self.rows[i]
        else:
            row.ours = None

    # --- undo and redo --------------------------------------------------------------------------

    def undo(self, pose: int) -> list[int]:
        stack = self.stack(pose)
        if stack.index == 0:
            return []
        stack.index -= 1
        command = stack.commands[stack.index]
        for i in command.after:
            self._step(command, i, expect=command.after[i], target=command.before[i])
        return list(command.after)

    def redo(self, pose: int) -> list[int]:
        stack = self.stack(pose)
        if stack.index == len(stack.commands):
            return []
        command = stack.commands[stack.index]
        stack.index += 1
        for i in command.after:
            self._step(command, i, expect=command.before[i], target=command.after[i])
        return list(command.after)

    def _step(self, command: Command, i: int, expect: Box | None, target: Box | None) -> None:
        row = self.rows.get(i)
        now = row.ours if row is not None else None
        if now == target:
            return
        plain = now == expect or (row is not None and row.server_id is None) or (
            row is not None and row.conflict == DELETED)
        if plain:
            if target is None:
                assert row is not None
                self._gone(i, row)
            elif row is None:
                self.rows[i] = Row(command.pose, target)  # back as a new mask
            else:
                row.ours = target
            return
        if row is None:  # the server deleted what the command had left: a conflict to decide
            held = {r.server_id for r in self.rows.values()}
            server_id = command.server_ids.get(i)
            self.rows[i] = Row(command.pose, target, server_id if server_id not in held else None, expect,
                               DELETED)
            return
        row.ours, row.conflict = target, EDITED  # a pull took their version since the command
        if expect is not None:
            row.base = expect

    def clear_history(self) -> None:
        self.stacks.clear()

    # --- sync -----------------------------------------------------------------------------------

    def pulled(self, pose: int, server: dict[int, Box]) -> list[int]:
        """The three-way merge of the pose's rows with the server's list; returns the server ids
        new to us (the caller learns their local ids)."""
        for i, row in list(self.rows.items()):
            if row.pose != pose or row.server_id is None:
                continue
            theirs = server.get(row.server_id)
            row.conflict = None  # decided again from the base
            if theirs is None:
                if row.ours is None or row.ours == row.base:
                    del self.rows[i]
                else:
                    row.conflict = DELETED
            elif theirs == row.base:
                pass
            elif row.ours is not None and row.ours == row.base:
                row.ours = row.base = theirs
            elif row.ours is not None and row.ours == theirs:
                row.base = theirs
            else:
                row.conflict = EDITED
        held = {r.server_id for r in self.rows.values()}
        return [s for s in server if s not in held]

    def pushed(self, pose: int) -> None:
        """A push with no fault: every row not in conflict is on the server as we have it."""
        for i, row in list(self.rows.items()):
            if row.pose != pose or row.conflict is not None:
                continue
            if row.ours is None:
                del self.rows[i]
            else:
                row.base = row.ours
