"""The headless command line: `mask-editor <command>`, its shared options, exit codes and output."""
