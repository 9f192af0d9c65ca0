"""``python -m peacetrack``: the same command line as ``peacetrack``."""

import sys

from peacetrack.cli import main

if __name__ == "__main__":
    sys.exit(main())
