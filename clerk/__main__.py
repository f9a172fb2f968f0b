from clerk.cli.main import main

raise SystemExit(main())
