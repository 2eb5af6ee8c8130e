"""Allow ``python -m smartcity``."""

from smartcity.cli import main

if __name__ == "__main__":
    main()
