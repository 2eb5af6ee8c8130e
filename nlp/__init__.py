"""Pure functions over Indonesian news text: extraction, dedup, stemming, places, pillars."""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())
