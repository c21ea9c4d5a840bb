"""Writers: validated TEI → outputs (like pandoc's writers or Sphinx's builders).

``html``/``site`` write the static web edition, ``pdf`` the print edition.
"""
