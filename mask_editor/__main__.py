"""`python -m mask_editor`: the same as the `mask-editor` command."""

import sys

from mask_editor.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
