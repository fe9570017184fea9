"""`python build.py` does what `glossary build` does, with the same options."""

import sys

from glossary_site.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
