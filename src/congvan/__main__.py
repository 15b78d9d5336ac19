"""python -m congvan: the same as the congvan command."""

import sys

from .cli import main

sys.exit(main())
