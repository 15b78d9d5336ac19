"""Builders of the third-party corpus (tests/fixtures/corpus): the same
administrative documents written by python-docx, LibreOffice, the npm
``docx`` package and hand-written OOXML, each the way a user of that tool
would write it.  ``tools/build_corpus.py`` runs them; ``content.py`` holds
what the documents say and how each one is set (the breaches included)."""
