"""Changes to link and actor data; each checks permission where a person acts."""
