"""The `glossary` command and `python -m glossary_site`."""

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    """Ctrl-C while the generator is still loading ends as quietly as Ctrl-C later on."""
    try:
        from glossary_site.cli import run
    except KeyboardInterrupt:
        sys.exit(130)
    run(argv)


if __name__ == "__main__":
    main()
