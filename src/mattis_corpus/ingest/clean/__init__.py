"""Cleaning: raw page text → ``CleanDoc`` (the article only, typed paragraphs, title, dateline)."""
