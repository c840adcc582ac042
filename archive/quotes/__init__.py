"""The quote extraction engine: quoted statements, their speakers, and quoted non-statements.

Pure Python, no Django: ``from archive.quotes import extract``.

>>> r = extract('Scholar Joseph Nye noted, “AI equity is now a multipolar consensus”.')
>>> r.statements[0].speaker, r.statements[0].cue
('Joseph Nye', 'noted')
"""
from .engine import AUTHOR, extract
from .model import NonStatement, Result, Statement

__all__ = ["extract", "AUTHOR", "Statement", "NonStatement", "Result"]
