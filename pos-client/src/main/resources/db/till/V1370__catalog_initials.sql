-- Finding a product the Chinese way: each catalog row keeps the pinyin initials (助记码) of its Chinese name,
-- "kkkl" for 可口可乐, several codes separated by spaces when a character has several readings. Written by the
-- catalog projection; rows from before this version get theirs from the Java migration V1371.
ALTER TABLE catalog_items ADD COLUMN initials TEXT NOT NULL DEFAULT '';
