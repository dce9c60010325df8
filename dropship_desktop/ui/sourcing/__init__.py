"""sourcing package."""
