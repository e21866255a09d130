-- output modes, blobs, collation, text encodings, upsert/returning, misc built-ins
CREATE TABLE t(a INTEGER, b TEXT, c REAL, d BLOB);
INSERT INTO t VALUES (1, 'one', 1.5, x'0102'), (2, 'two, with comma', -0.25, NULL), (3, 'quote "q"', 1e100, x''), (4, NULL, NULL, zeroblob(3));
.mode csv
.headers on
SELECT * FROM t;
.mode column
SELECT a, b, c FROM t;
.mode box
SELECT a, b FROM t WHERE a < 3;
.mode json
SELECT a, b, c, hex(d) AS d FROM t;
.mode insert t2
SELECT * FROM t;
.mode line
SELECT * FROM t WHERE a = 2;
.mode markdown
SELECT a, upper(b) FROM t;
.mode quote
SELECT * FROM t;
.mode tabs
SELECT a, length(d) FROM t;
.mode list
.separator |
.nullvalue <null>
SELECT * FROM t;
SELECT b FROM t ORDER BY b COLLATE NOCASE;
SELECT 'abc' = 'ABC', 'abc' = 'ABC' COLLATE NOCASE, 'a ' = 'a' COLLATE RTRIM;
INSERT INTO t VALUES (5, 'five', 5.5, x'05') RETURNING a, b, c * 2;
UPDATE t SET c = c + 1 WHERE a IN (1, 5) RETURNING a, c;
DELETE FROM t WHERE a = 4 RETURNING *;
SELECT length('héllo'), length(CAST('héllo' AS BLOB)), hex('é'), lower('ÀÉ'), substr('héllo', 2, 2);
SELECT randomblob(0) = x'', typeof(random()), length(randomblob(16)), likely(1), unlikely(0), likelihood(1, 0.5);
SELECT max(1, 2.5, '3'), min('a', 'B'), typeof(max(1, 2)), sign(-3), total_changes() > 0;
SELECT sum(x), avg(x), group_concat(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1);
SELECT total(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1);
SELECT 0x7fffffffffffffff, 0x8000000000000000, 1e999, -1e999, 1e-999;
