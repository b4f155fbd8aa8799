"""Business rules as keyword-only functions; views and jobs both call them, nothing else writes the tables."""
