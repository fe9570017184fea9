from glossary_site.cli import main

raise SystemExit(main())
