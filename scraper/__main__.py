"""``python -m scraper``: the same as the ``scraper`` command."""

from .cli import main

main()
