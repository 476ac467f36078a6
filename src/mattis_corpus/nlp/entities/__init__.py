"""Entity mentions: spaCy's NER cleaned by our rules, a gazetteer ruler and lexicons (data/)."""
