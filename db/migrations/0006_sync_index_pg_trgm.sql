-- Trigram indexes for searching the Shopify index (title, email, SKU, order name) by substring.
-- pg_trgm ships with PostgreSQL's contrib (the embedded build and managed services include it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
