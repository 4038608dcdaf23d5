"""Linking pages: `links` (proposals, lineage, overlap) and `actors` (one actor across plans)."""
