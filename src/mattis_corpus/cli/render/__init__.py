"""Rendering: rows → table, JSON, JSON Lines or CSV on stdout (formats), terminal views."""
