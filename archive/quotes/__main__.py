"""``python -m archive.quotes [--author NAME] --json FILE``: see cli.py."""
import sys

from .cli import main

sys.exit(main())
