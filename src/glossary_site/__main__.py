from glossary_site.cli import run

run()
