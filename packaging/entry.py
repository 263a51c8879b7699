"""PyInstaller entry script: the frozen `epcs-desktop` runs `epcs_desktop.cli:main`.

PyInstaller needs a script file, not a `module:function` entry point, so this
is the smallest possible shim; every behaviour lives in the package itself.
"""

import sys

from epcs_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
