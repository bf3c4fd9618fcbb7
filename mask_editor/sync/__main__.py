"""`python -m mask_editor.sync`: see mask_editor/sync/command.py."""

import sys

from mask_editor.sync.command import main

if __name__ == "__main__":
    sys.exit(main())
