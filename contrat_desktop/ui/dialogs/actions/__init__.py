"""The action editor and its parts."""
