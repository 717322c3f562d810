"""``python -m contrat_desktop`` starts the application."""

import sys

from contrat_desktop.app import main

sys.exit(main())
