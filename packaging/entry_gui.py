"""Frozen entry point of ``contrat-desktop`` (the same as the ``gui-scripts`` entry point)."""

from contrat_desktop.app import main

raise SystemExit(main())
