"""DOCX output: templates, styles, the package writer."""
