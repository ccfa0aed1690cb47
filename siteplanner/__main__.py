import sys

from siteplanner.cli import main

sys.exit(main())
