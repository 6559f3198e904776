-- Head office's catalog search by part of a name reads an index instead of every product's names: SQLite's full-text
-- index with its trigram tokenizer over catalog_products.search_text (the SKU and both names, lower case), kept in
-- step with the catalog projection's rows by triggers, so a rebuild (which empties catalog_products) empties it too.
-- A search of three characters or more finds its products through it; a shorter one reads the names as before.
CREATE VIRTUAL TABLE catalog_search USING fts5(search_text, content='catalog_products', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER catalog_search_on_insert AFTER INSERT ON catalog_products BEGIN
    INSERT INTO catalog_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE TRIGGER catalog_search_on_delete AFTER DELETE ON catalog_products BEGIN
    INSERT INTO catalog_search (catalog_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;

CREATE TRIGGER catalog_search_on_update AFTER UPDATE OF search_text ON catalog_products BEGIN
    INSERT INTO catalog_search (catalog_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO catalog_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

INSERT INTO catalog_search (catalog_search) VALUES ('rebuild');
