<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AreaTool</name>
    <message numerus="yes">
        <source>%n mask(s), lower bound %1</source>
        <translation>
            <numerusform>%n mask, lower bound %1</numerusform>
            <numerusform>%n masks, lower bound %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s), lower bound {bound}: together they drop every detection of this size lying inside {area}. No cover can use fewer than {bound}. Apply adds them as one undo step.</source>
        <translation>
            <numerusform>%n mask, lower bound {bound}: it drops every detection of this size lying inside {area}. No cover can use fewer than {bound}. Apply adds it as one undo step.</numerusform>
            <numerusform>%n masks, lower bound {bound}: together they drop every detection of this size lying inside {area}. No cover can use fewer than {bound}. Apply adds them as one undo step.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n mask(s) (Undo removes them all).</source>
        <translation>
            <numerusform>Added %n mask (Undo removes it).</numerusform>
            <numerusform>Added %n masks (Undo removes them all).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cover was undone: its %n mask(s) are gone again (Redo brings them back).</source>
        <translation>
            <numerusform>The cover was undone: its %n mask is gone again (Redo brings it back).</numerusform>
            <numerusform>The cover was undone: its %n masks are gone again (Redo brings them back).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DriftBanner</name>
    <message numerus="yes">
        <source>%n other mask(s) were drawn on other images and move by their own shift.</source>
        <translation>
            <numerusform>%n other mask was drawn on another image and moves by its own shift.</numerusform>
            <numerusform>%n other masks were drawn on other images and move by their own shift.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DriftController</name>
    <message numerus="yes">
        <source>%n of them went past the image edge and were cut to it: they are selected, check them.</source>
        <translation>
            <numerusform>%n of them went past the image edge and was cut to it: it is selected, check it.</numerusform>
            <numerusform>%n of them went past the image edge and were cut to it: they are selected, check them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep %n mask(s) where they are</source>
        <translation>
            <numerusform>Keep %n mask where it is</numerusform>
            <numerusform>Keep %n masks where they are</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shift %n mask(s) with the view</source>
        <translation>
            <numerusform>Shift %n mask with the view</numerusform>
            <numerusform>Shift %n masks with the view</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shifted %n mask(s) %1 with the view; they will be sent at the next sync.</source>
        <translation>
            <numerusform>Shifted %n mask %1 with the view; it will be sent at the next sync.</numerusform>
            <numerusform>Shifted %n masks %1 with the view; they will be sent at the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <source>%n pose(s) of %1 have no image in this workspace (%2), so their size is unknown: open them once while online (or pull) to fetch the images, then export again.</source>
        <translation>
            <numerusform>%n pose of %1 has no image in this workspace (%2), so its size is unknown: open it once while online (or pull) to fetch the image, then export again.</numerusform>
            <numerusform>%n poses of %1 have no image in this workspace (%2), so their size is unknown: open them once while online (or pull) to fetch the images, then export again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>All %n pose(s) of {camera}, one file each, into a folder</source>
        <translation>
            <numerusform>All %n pose of {camera}, one file each, into a folder</numerusform>
            <numerusform>All %n poses of {camera}, one file each, into a folder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FalsePositives</name>
    <message numerus="yes">
        <source>%n detection(s): {dropped} dropped by the current masks, {kept} kept (the camera would alert).</source>
        <translation>
            <numerusform>%n detection: {dropped} dropped by the current masks, {kept} kept (the camera would alert).</numerusform>
            <numerusform>%n detections: {dropped} dropped by the current masks, {kept} kept (the camera would alert).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept</source>
        <translation>
            <numerusform>%n kept</numerusform>
            <numerusform>%n kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recurring spot(s).</source>
        <translation>
            <numerusform>%n recurring spot.</numerusform>
            <numerusform>%n recurring spots.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo detections, made up for this workspace (%n shown): with an account, Load reads the server&apos;s.</source>
        <translation>
            <numerusform>Demo detections, made up for this workspace (%n shown): with an account, Load reads the server&apos;s.</numerusform>
            <numerusform>Demo detections, made up for this workspace (%n shown): with an account, Load reads the server&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the detections of the last %n day(s)…</source>
        <translation>
            <numerusform>Loading the detections of the last %n day…</numerusform>
            <numerusform>Loading the detections of the last %n days…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No detection on this pose in the last %n day(s).</source>
        <translation>
            <numerusform>No detection on this pose in the last %n day.</numerusform>
            <numerusform>No detection on this pose in the last %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetDialog</name>
    <message numerus="yes">
        <source>%n of %1 pose(s) with masks moved by more than %2 % of the width since their masks were drawn, worst first. Double-click a pose to open it.</source>
        <translation>
            <numerusform>%n of %1 poses with masks moved by more than %2 % of the width since its masks were drawn. Double-click a pose to open it.</numerusform>
            <numerusform>%n of %1 poses with masks moved by more than %2 % of the width since their masks were drawn, worst first. Double-click a pose to open it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No pose&apos;s view has moved since its masks were drawn (%n pose(s) compared).</source>
        <translation>
            <numerusform>No pose&apos;s view has moved since its masks were drawn (%n pose compared).</numerusform>
            <numerusform>No pose&apos;s view has moved since its masks were drawn (%n poses compared).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n box(es) to add to one pose.</source>
        <translation>
            <numerusform>%n box to add to one pose.</numerusform>
            <numerusform>%n boxes to add to one pose.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) to add to %1 poses.</source>
        <translation>
            <numerusform>%n box to add to %1 poses.</numerusform>
            <numerusform>%n boxes to add to %1 poses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be imported.</source>
        <translation>
            <numerusform>%n file cannot be imported.</numerusform>
            <numerusform>%n files cannot be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of %1 cannot be imported.</source>
        <translation>
            <numerusform>%n file of %1 cannot be imported.</numerusform>
            <numerusform>%n files of %1 cannot be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s) imported on one pose.</source>
        <translation>
            <numerusform>%n mask imported on one pose.</numerusform>
            <numerusform>%n masks imported on one pose.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s) imported on %1 poses.</source>
        <translation>
            <numerusform>%n mask imported on %1 poses.</numerusform>
            <numerusform>%n masks imported on %1 poses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) skipped: already on the pose, or unreadable.</source>
        <translation>
            <numerusform>%n box skipped: already on the pose, or unreadable.</numerusform>
            <numerusform>%n boxes skipped: already on the pose, or unreadable.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported (see the last column).</source>
        <translation>
            <numerusform>%n file could not be imported (see the last column).</numerusform>
            <numerusform>%n files could not be imported (see the last column).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <source>%n masks selected: their common bounding box (read-only)</source>
        <translation>
            <numerusform>%n mask selected: its bounding box (read-only)</numerusform>
            <numerusform>%n masks selected: their common bounding box (read-only)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 · %n to sync</source>
        <translation>
            <numerusform>%1 · %n to sync</numerusform>
            <numerusform>%1 · %n to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaskPanel</name>
    <message numerus="yes">
        <source>%1 of %n mask(s) shown</source>
        <translation>
            <numerusform>%1 of %n mask shown</numerusform>
            <numerusform>%1 of %n masks shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n deleted</source>
        <translation>
            <numerusform>%1, %n deleted</numerusform>
            <numerusform>%1, %n deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n mask</numerusform>
            <numerusform>%n masks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoseList</name>
    <message numerus="yes">
        <source>%n pose(s)</source>
        <translation>
            <numerusform>%n pose</numerusform>
            <numerusform>%n poses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s)</source>
        <translation>
            <numerusform>%n camera</numerusform>
            <numerusform>%n cameras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n change to sync</numerusform>
            <numerusform>%n changes to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n mask</numerusform>
            <numerusform>%n masks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s) here, not pulled yet</source>
        <translation>
            <numerusform>%n mask here, not pulled yet</numerusform>
            <numerusform>%n masks here, not pulled yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SkipCounts</name>
    <message numerus="yes">
        <source>%n unreadable entry(ies): %1</source>
        <translation>
            <numerusform>%n unreadable entry: %1</numerusform>
            <numerusform>%n unreadable entries: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) within the file</source>
        <translation>
            <numerusform>%n duplicate within the file</numerusform>
            <numerusform>%n duplicates within the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) already in %1</source>
        <translation>
            <numerusform>%n box already in %1</numerusform>
            <numerusform>%n boxes already in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) deleted here, which stay deleted</source>
        <translation>
            <numerusform>%n box deleted here, which stays deleted</numerusform>
            <numerusform>%n boxes deleted here, which stay deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) already on the pose</source>
        <translation>
            <numerusform>%n box already on the pose</numerusform>
            <numerusform>%n boxes already on the pose</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n change to sync</numerusform>
            <numerusform>%n changes to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message numerus="yes">
        <source>%n change(s) to send: {new} new, {edited} edited, {deleted} deleted.</source>
        <translation>
            <numerusform>%n change to send: {new} new, {edited} edited, {deleted} deleted.</numerusform>
            <numerusform>%n changes to send: {new} new, {edited} edited, {deleted} deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your decision (keep mine / take theirs / keep both): they are not pushed.</source>
        <translation>
            <numerusform>%n conflict waits for your decision (keep mine / take theirs / keep both): it is not pushed.</numerusform>
            <numerusform>%n conflicts wait for your decision (keep mine / take theirs / keep both): they are not pushed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s) of {pose} are back to the server&apos;s version.</source>
        <translation>
            <numerusform>%n mask of {pose} is back to the server&apos;s version.</numerusform>
            <numerusform>%n masks of {pose} are back to the server&apos;s version.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n real wildfire detection(s) would be silenced by these masks (see the red lines). Check them before pushing.</source>
        <translation>
            <numerusform>%n real wildfire detection would be silenced by these masks (see the red lines). Check them before pushing.</numerusform>
            <numerusform>%n real wildfire detections would be silenced by these masks (see the red lines). Check them before pushing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) whose answer was lost: checked against the server first, never sent twice.</source>
        <translation>
            <numerusform>%n request whose answer was lost: checked against the server first, never sent twice.</numerusform>
            <numerusform>%n requests whose answer was lost: checked against the server first, never sent twice.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <source>%n created</source>
        <translation>
            <numerusform>%n created</numerusform>
            <numerusform>%n created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n deleted</numerusform>
            <numerusform>%n deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recovered after a lost answer</source>
        <translation>
            <numerusform>%n recovered after a lost answer</numerusform>
            <numerusform>%n recovered after a lost answer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late copies of a create sent again, deleted</source>
        <translation>
            <numerusform>%n late copy of a create sent again, deleted</numerusform>
            <numerusform>%n late copies of a create sent again, deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server</source>
        <translation>
            <numerusform>%n change from the server</numerusform>
            <numerusform>%n changes from the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s)</source>
        <translation>
            <numerusform>%n new conflict</numerusform>
            <numerusform>%n new conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left to push</source>
        <translation>
            <numerusform>%n left to push</numerusform>
            <numerusform>%n left to push</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message numerus="yes">
        <source>%1 of %n mask(s) in range</source>
        <translation>
            <numerusform>%1 of %n mask in range</numerusform>
            <numerusform>%1 of %n masks in range</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n mask</numerusform>
            <numerusform>%n masks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WildfireWords</name>
    <message numerus="yes">
        <source>%n mask(s) (%1) would drop a real wildfire detected on %2 UTC (sequence %3): the camera would stay silent on such smoke there.</source>
        <translation>
            <numerusform>%n mask (%1) would drop a real wildfire detected on %2 UTC (sequence %3): the camera would stay silent on such smoke there.</numerusform>
            <numerusform>%n masks (%1) would drop a real wildfire detected on %2 UTC (sequence %3): the camera would stay silent on such smoke there.</numerusform>
        </translation>
    </message>
</context>
</TS>
