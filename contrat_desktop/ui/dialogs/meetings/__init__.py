"""The bodies and the meeting editor with its tabs."""
