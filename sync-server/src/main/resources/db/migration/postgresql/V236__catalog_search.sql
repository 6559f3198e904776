-- Head office's catalog search by part of a name reads an index instead of every product's names: pg_trgm's trigram
-- index over catalog_products.search_text (the SKU and both names, lower case). pg_trgm ships with PostgreSQL and is
-- a trusted extension (13 and later): the database's owner may create it. It lives in the public schema, once for the
-- database, whatever schema the server's tables are in.
-- A search of three characters or more finds its products through it; a shorter one reads the names as before.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX catalog_products_search ON catalog_products USING gin (search_text public.gin_trgm_ops);
