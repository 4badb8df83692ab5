from kankei_desktop.cli import main

raise SystemExit(main())
