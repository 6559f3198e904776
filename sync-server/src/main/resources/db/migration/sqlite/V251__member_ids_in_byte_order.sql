-- PostgreSQL's V251 gives every member id column the byte-order collation SQLite's columns already have (BINARY):
-- nothing to change here; the version is kept in step with PostgreSQL's.
SELECT 1;
