"""``python -m contrat_desktop.cli``."""

import sys

from contrat_desktop.cli import main

sys.exit(main())
