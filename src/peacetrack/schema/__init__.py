"""The JSON Schema of the peacetrack file format, shipped as package data.

``peacetrack.schema.json`` (JSON Schema draft 2020-12) is read by
:data:`peacetrack.io.SCHEMA`; this package exists so that
:mod:`importlib.resources` can find the file.
"""
