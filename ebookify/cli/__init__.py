"""The ``ebookify`` command group: the only place that touches the terminal and the file system."""
