"""`python -m mask_editor`: the same as the `mask-editor` command."""

import sys

from mask_editor.cli.window_start import main

if __name__ == "__main__":
    sys.exit(main())
