"""`python build.py` does what `glossary build` does, with the same options."""

import sys

from glossary_site.__main__ import main

if __name__ == "__main__":
    main(["build", *sys.argv[1:]])
