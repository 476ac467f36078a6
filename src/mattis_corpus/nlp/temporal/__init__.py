"""French TIMEX3 tagging: text + anchor date → ``Timex`` list with ISO-TimeML values."""
