-- indexes with EXPLAIN QUERY PLAN, transactions and savepoints, triggers, views
.mode list
.headers on
CREATE TABLE item(id INTEGER PRIMARY KEY, sku TEXT, cat INTEGER, price REAL, stock INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO item SELECT i, printf('SKU-%05d', i), i % 17, (i * 37 % 1000) / 10.0, i % 23 FROM n;
EXPLAIN QUERY PLAN SELECT * FROM item WHERE sku = 'SKU-00042';
CREATE UNIQUE INDEX item_sku ON item(sku);
CREATE INDEX item_cat_price ON item(cat, price);
EXPLAIN QUERY PLAN SELECT * FROM item WHERE sku = 'SKU-00042';
EXPLAIN QUERY PLAN SELECT id FROM item WHERE cat = 3 AND price > 50 ORDER BY price;
EXPLAIN QUERY PLAN SELECT cat, count(*) FROM item GROUP BY cat;
EXPLAIN QUERY PLAN SELECT * FROM item a JOIN item b ON a.cat = b.cat WHERE a.id = 5;
CREATE INDEX item_expr ON item(lower(sku)) WHERE stock > 0;
EXPLAIN QUERY PLAN SELECT id FROM item WHERE lower(sku) = 'sku-00077' AND stock > 0;
ANALYZE;
SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx;
SELECT * FROM item WHERE sku = 'SKU-00042';
SELECT cat, count(*), printf('%.2f', avg(price)), max(stock) FROM item WHERE cat BETWEEN 3 AND 6 GROUP BY cat;
SELECT id, price FROM item WHERE cat = 3 AND price > 98 ORDER BY price, id;
EXPLAIN SELECT id FROM item WHERE id = 7;
-- transactions
BEGIN;
UPDATE item SET stock = stock + 100 WHERE cat = 0;
SELECT sum(stock) FROM item;
ROLLBACK;
SELECT sum(stock) FROM item;
BEGIN;
SAVEPOINT a;
DELETE FROM item WHERE id > 4000;
SAVEPOINT b;
DELETE FROM item WHERE id > 3000;
SELECT count(*) FROM item;
ROLLBACK TO b;
SELECT count(*) FROM item;
RELEASE a;
COMMIT;
SELECT count(*) FROM item;
-- triggers and views
CREATE TABLE audit(seq INTEGER PRIMARY KEY, action TEXT, item_id INTEGER, old_stock INTEGER, new_stock INTEGER);
CREATE TRIGGER item_upd AFTER UPDATE OF stock ON item WHEN new.stock <> old.stock
BEGIN INSERT INTO audit(action, item_id, old_stock, new_stock) VALUES ('upd', new.id, old.stock, new.stock); END;
CREATE TRIGGER item_del BEFORE DELETE ON item BEGIN INSERT INTO audit(action, item_id, old_stock) VALUES ('del', old.id, old.stock); END;
CREATE TRIGGER no_negative BEFORE UPDATE ON item WHEN new.stock < 0 BEGIN SELECT RAISE(ABORT, 'negative stock'); END;
UPDATE item SET stock = stock - 1 WHERE id IN (1, 2, 3);
UPDATE item SET stock = -5 WHERE id = 10;
DELETE FROM item WHERE id = 4000;
SELECT * FROM audit ORDER BY seq;
CREATE VIEW cat_summary AS SELECT cat, count(*) AS n, sum(stock) AS stock, round(avg(price), 3) AS avg_price FROM item GROUP BY cat;
SELECT * FROM cat_summary WHERE n > 200 ORDER BY stock DESC LIMIT 5;
CREATE VIEW v_low AS SELECT id, sku, stock FROM item WHERE stock < 2;
CREATE TRIGGER v_low_upd INSTEAD OF UPDATE ON v_low BEGIN UPDATE item SET stock = new.stock WHERE id = old.id; END;
UPDATE v_low SET stock = 50 WHERE id = 23;
SELECT id, stock FROM item WHERE id = 23;
SELECT count(*) FROM v_low;
SELECT name, type FROM sqlite_schema ORDER BY type, name;
PRAGMA integrity_check;
PRAGMA table_info(item);
PRAGMA index_list(item);
CREATE TABLE gen(a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) STORED, c TEXT GENERATED ALWAYS AS (printf('<%d>', a)) VIRTUAL);
INSERT INTO gen(a) VALUES (1), (21), (NULL);
SELECT * FROM gen;
CREATE TABLE strict_t(x INTEGER, y TEXT) STRICT;
INSERT INTO strict_t VALUES (1, 'a');
INSERT INTO strict_t VALUES ('nope', 'b');
SELECT * FROM strict_t;
VACUUM;
SELECT count(*), sum(stock) FROM item;
