"""``ebookify serve``: a local web page that reads dropped stories, shows what was found as
editable fields, and hands back the book.

``app`` is the Starlette application (routes, limits, security headers), ``form`` turns the
page's fields into ``Options`` exactly as the command line's flags do, ``work`` is what a worker
process does with one story, and ``workers`` runs it in a process with a time limit. Needs the
``serve`` extra (Starlette, uvicorn, python-multipart, pebble); PyMuPDF (the ``preview`` extra)
adds previews of the title page and a chapter page.
"""
