"""`python -m epcs_desktop` behaves exactly like the `epcs-desktop` command."""

import sys

from epcs_desktop.cli import main

sys.exit(main())
