-- schema, inserts, updates, deletes, constraints, simple selects
.headers on
.mode list
CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, budget REAL);
CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT NOT NULL, dept_id INTEGER REFERENCES dept(id),
                 salary INTEGER CHECK(salary > 0), hired TEXT, manager_id INTEGER, note BLOB);
INSERT INTO dept VALUES (1, 'Engineering', 1.5e6), (2, 'Sales', 750000.25), (3, 'Support', 300000), (4, 'Empty', NULL);
INSERT INTO emp(name, dept_id, salary, hired, manager_id) VALUES
  ('Ada', 1, 185000, '2015-03-01', NULL), ('Brian', 1, 132000, '2018-07-15', 1),
  ('Chloe', 1, 128500, '2019-01-10', 1), ('Dmitri', 2, 98000, '2016-11-30', NULL),
  ('Eve', 2, 87000, '2020-02-29', 4), ('Farid', 2, 91000, '2021-06-01', 4),
  ('Grace', 3, 64000, '2017-09-09', NULL), ('Hiro', 3, 61000, '2022-12-31', 7),
  ('Ines', 1, 142000, '2014-05-05', 1), ('Jon', NULL, 50000, '2023-01-01', NULL);
SELECT count(*), sum(salary), avg(salary), min(hired), max(hired) FROM emp;
SELECT * FROM emp WHERE salary > 100000 ORDER BY salary DESC;
UPDATE emp SET salary = salary * 105 / 100 WHERE dept_id = 3;
SELECT name, salary FROM emp WHERE dept_id = 3 ORDER BY name;
DELETE FROM emp WHERE name = 'Jon';
SELECT changes(), total_changes(), last_insert_rowid();
INSERT INTO emp(name, dept_id, salary) VALUES ('Bad', 1, -5);
INSERT INTO dept(id, name) VALUES (5, 'Engineering');
INSERT OR IGNORE INTO dept(id, name) VALUES (5, 'Engineering');
INSERT OR REPLACE INTO dept(id, name, budget) VALUES (4, 'Renamed', 1);
SELECT * FROM dept ORDER BY id;
INSERT INTO dept(id, name, budget) VALUES (4, 'Upserted', 2) ON CONFLICT(id) DO UPDATE SET budget = budget + excluded.budget;
SELECT * FROM dept WHERE id = 4;
SELECT emp.name, typeof(salary), typeof(hired), typeof(note), typeof(budget) FROM emp LEFT JOIN dept ON dept.id = emp.dept_id ORDER BY emp.id LIMIT 3;
SELECT upper(name), lower(name), length(name), substr(name, 2, 3), replace(name, 'a', '@'), instr(name, 'i') FROM emp ORDER BY name;
SELECT name FROM emp WHERE name LIKE '%r%' ORDER BY 1;
SELECT name FROM emp WHERE name GLOB '[A-D]*' ORDER BY 1;
SELECT name, CASE WHEN salary >= 130000 THEN 'high' WHEN salary >= 90000 THEN 'mid' ELSE 'low' END AS band FROM emp ORDER BY salary;
SELECT DISTINCT dept_id FROM emp ORDER BY dept_id NULLS LAST;
SELECT coalesce(NULL, NULL, 'x'), ifnull(NULL, 2), nullif(3, 3), iif(1 > 2, 'yes', 'no'), quote('it''s'), quote(x'00ff'), hex('abc'), hex(x'616263');
SELECT trim('  pad  '), ltrim('xxabc', 'x'), rtrim('abcyy', 'y'), char(72, 105), unicode('é'), zeroblob(4) = x'00000000';
SELECT 1 IN (1, 2, 3), 5 BETWEEN 1 AND 4, NULL IS NULL, NULL = NULL, 'abc' < 'abd', x'01' < x'02';
CREATE TABLE kv(k TEXT PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO kv VALUES ('b', 2), ('a', 1.5), ('c', 'three'), ('d', x'beef'), ('e', NULL);
SELECT k, v, typeof(v) FROM kv ORDER BY k;
SELECT sqlite_version() IS NOT NULL, length(sqlite_source_id()) > 20;
