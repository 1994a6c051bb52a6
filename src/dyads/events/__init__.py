"""Event coding: CAMEO/PLOVER code table, event lexicon, matching."""
