"""Demo data and asset generators for the WeAlmaty knowledge library."""
