"""Workflows that span several records: importing, statements, name authority."""
