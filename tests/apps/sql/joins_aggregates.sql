-- joins and aggregates over generated data
.mode list
.headers on
CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT, region TEXT);
CREATE TABLE product(id INTEGER PRIMARY KEY, name TEXT, price REAL, category TEXT);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER, product_id INTEGER, qty INTEGER, day INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
INSERT INTO customer SELECT i, 'cust' || i, CASE i % 4 WHEN 0 THEN 'north' WHEN 1 THEN 'south' WHEN 2 THEN 'east' ELSE 'west' END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO product SELECT i, 'prod' || i, round((i * 7.31) % 50 + 0.99, 2), CASE WHEN i % 3 = 0 THEN 'tools' WHEN i % 3 = 1 THEN 'toys' ELSE 'food' END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO orders SELECT i, (i * 37) % 50 + 1, (i * 13) % 20 + 1, (i % 5) + 1, (i * 7) % 365 FROM n;
SELECT count(*), sum(qty), total(qty * price), avg(price) FROM orders JOIN product ON product.id = orders.product_id;
SELECT c.region, count(*) AS n, sum(o.qty) AS units, printf('%.2f', sum(o.qty * p.price)) AS revenue
  FROM orders o JOIN customer c ON c.id = o.customer_id JOIN product p ON p.id = o.product_id
  GROUP BY c.region ORDER BY revenue DESC;
SELECT p.category, min(p.price), max(p.price), count(DISTINCT o.customer_id), group_concat(DISTINCT p.id)
  FROM product p LEFT JOIN orders o ON o.product_id = p.id GROUP BY p.category ORDER BY 1;
SELECT c.name, sum(o.qty) AS units FROM customer c JOIN orders o ON o.customer_id = c.id
  GROUP BY c.id HAVING units > 125 ORDER BY units DESC, c.name LIMIT 5;
SELECT c.id FROM customer c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL;
SELECT count(*) FROM customer CROSS JOIN product WHERE customer.id % 10 = product.id % 10;
SELECT a.id, b.id FROM product a JOIN product b ON a.price = b.price AND a.id < b.id ORDER BY 1, 2;
SELECT name FROM customer WHERE id IN (SELECT customer_id FROM orders WHERE qty = 5 GROUP BY customer_id HAVING count(*) > 9) ORDER BY id;
SELECT name, (SELECT count(*) FROM orders WHERE customer_id = customer.id) AS cnt FROM customer WHERE EXISTS (SELECT 1 FROM orders WHERE customer_id = customer.id AND day = 0) ORDER BY 1;
SELECT day / 30 AS month, count(*), sum(qty) FROM orders GROUP BY month ORDER BY month;
SELECT region FROM customer UNION SELECT category FROM product ORDER BY 1;
SELECT id FROM product WHERE id < 8 INTERSECT SELECT id FROM product WHERE id > 4;
SELECT id FROM product WHERE id < 8 EXCEPT SELECT id FROM product WHERE id % 2 = 0;
SELECT group_concat(name, ';') FROM (SELECT name FROM product ORDER BY price DESC LIMIT 4);
SELECT category, json_group_array(id) FROM product GROUP BY category ORDER BY category;
SELECT count(*) FILTER (WHERE qty > 3), avg(qty) FILTER (WHERE day < 100) FROM orders;
SELECT o.id, c.name, p.name FROM orders o NATURAL JOIN (SELECT id AS customer_id, name FROM customer) c JOIN product p ON p.id = o.product_id WHERE o.id <= 3 ORDER BY o.id;
SELECT * FROM customer RIGHT JOIN (SELECT 51 AS cid UNION SELECT 1) x ON x.cid = customer.id ORDER BY cid;
SELECT * FROM (SELECT 1 AS a) FULL OUTER JOIN (SELECT 2 AS b) ON a = b;
