"""Weekly digests and their renderings, built only from what storage holds."""
