"""Small reusable input widgets with French formats."""
