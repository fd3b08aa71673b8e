from village_desk.cli import main

raise SystemExit(main())
