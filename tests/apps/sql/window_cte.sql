-- window functions and CTEs (including recursive ones)
.mode list
.headers on
CREATE TABLE sales(id INTEGER PRIMARY KEY, rep TEXT, month INTEGER, amount INTEGER);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 35)
INSERT INTO sales(rep, month, amount) SELECT CASE i % 3 WHEN 0 THEN 'amy' WHEN 1 THEN 'bob' ELSE 'cat' END, i / 3 + 1, (i * 97 + 13) % 100 * 10 FROM n;
SELECT rep, month, amount,
  row_number() OVER (PARTITION BY rep ORDER BY month) AS rn,
  rank() OVER (ORDER BY amount DESC) AS rk,
  dense_rank() OVER (ORDER BY amount DESC) AS drk,
  sum(amount) OVER (PARTITION BY rep ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
  avg(amount) OVER (PARTITION BY rep ORDER BY month ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS moving,
  lag(amount, 1, 0) OVER (PARTITION BY rep ORDER BY month) AS prev,
  lead(amount) OVER (PARTITION BY rep ORDER BY month) AS next
FROM sales ORDER BY rep, month;
SELECT rep, month, ntile(4) OVER (ORDER BY id), percent_rank() OVER (ORDER BY amount), cume_dist() OVER (ORDER BY amount),
  first_value(amount) OVER w, last_value(amount) OVER w, nth_value(amount, 2) OVER w
FROM sales WINDOW w AS (PARTITION BY rep ORDER BY month RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
ORDER BY id LIMIT 12;
SELECT month, sum(amount) OVER (ORDER BY month RANGE BETWEEN 2 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM sales WHERE rep = 'amy';
SELECT rep, group_concat(amount, ',') OVER (PARTITION BY rep ORDER BY month GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM sales WHERE month <= 4;
WITH totals AS (SELECT rep, sum(amount) AS total FROM sales GROUP BY rep),
     best AS (SELECT max(total) AS m FROM totals)
SELECT rep, total FROM totals, best WHERE total = m;
WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 90)
SELECT n, a FROM fib WHERE n % 10 = 0;
WITH RECURSIVE fact(n, f) AS (SELECT 1, 1.0 UNION ALL SELECT n + 1, f * (n + 1) FROM fact WHERE n < 30)
SELECT n, f FROM fact WHERE n IN (10, 20, 25, 30);
CREATE TABLE tree(id INTEGER PRIMARY KEY, parent INTEGER, name TEXT);
INSERT INTO tree VALUES (1, NULL, 'root'), (2, 1, 'usr'), (3, 1, 'etc'), (4, 2, 'bin'), (5, 2, 'lib'), (6, 5, 'x86_64'), (7, 3, 'apt'), (8, 4, 'sqlite3');
WITH RECURSIVE path(id, p, depth) AS (
  SELECT id, '/' || name, 0 FROM tree WHERE parent IS NULL
  UNION ALL SELECT t.id, path.p || '/' || t.name, depth + 1 FROM tree t JOIN path ON t.parent = path.id)
SELECT depth, p FROM path ORDER BY p;
WITH RECURSIVE cnt(x) AS (VALUES(1) UNION ALL SELECT x + 1 FROM cnt LIMIT 1000)
SELECT count(*), sum(x), sum(x * x) FROM cnt;
-- Mandelbrot set (from SQLite's documentation of WITH)
WITH RECURSIVE
  xaxis(x) AS (VALUES(-2.0) UNION ALL SELECT x + 0.05 FROM xaxis WHERE x < 1.2),
  yaxis(y) AS (VALUES(-1.0) UNION ALL SELECT y + 0.1 FROM yaxis WHERE y < 1.0),
  m(iter, cx, cy, x, y) AS (
    SELECT 0, x, y, 0.0, 0.0 FROM xaxis, yaxis
    UNION ALL
    SELECT iter + 1, cx, cy, x * x - y * y + cx, 2.0 * x * y + cy FROM m WHERE (x * x + y * y) < 4.0 AND iter < 28),
  m2(iter, cx, cy) AS (SELECT max(iter), cx, cy FROM m GROUP BY cx, cy),
  a(t) AS (SELECT group_concat(substr(' .+*#', 1 + min(iter / 7, 4), 1), '') FROM m2 GROUP BY cy)
SELECT group_concat(rtrim(t), x'0a') FROM a;
-- sudoku solver (from SQLite's documentation of WITH)
WITH RECURSIVE
  input(sud) AS (VALUES('53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79')),
  digits(z, lp) AS (VALUES('1', 1) UNION ALL SELECT CAST(lp + 1 AS TEXT), lp + 1 FROM digits WHERE lp < 9),
  x(s, ind) AS (
    SELECT sud, instr(sud, '.') FROM input
    UNION ALL
    SELECT substr(s, 1, ind - 1) || z || substr(s, ind + 1), instr(substr(s, 1, ind - 1) || z || substr(s, ind + 1), '.')
     FROM x, digits AS z
    WHERE ind > 0
      AND NOT EXISTS (
            SELECT 1 FROM digits AS lp
             WHERE z.z = substr(s, ((ind - 1) / 9) * 9 + lp, 1)
                OR z.z = substr(s, ((ind - 1) % 9) + (lp - 1) * 9 + 1, 1)
                OR z.z = substr(s, (((ind - 1) / 3) % 3) * 3 + ((ind - 1) / 27) * 27 + lp + ((lp - 1) / 3) * 6, 1)))
SELECT s FROM x WHERE ind = 0;
