"""`python build.py` does what `glossary build` does, with the same options."""

import sys

from glossary_site.cli import run

if __name__ == "__main__":
    run(["build", *sys.argv[1:]])
