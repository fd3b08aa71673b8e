"""The PySide6 desktop GUI. Imports core; core never imports this."""
