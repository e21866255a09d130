-- JSON functions, printf/format, date and time functions with fixed dates
.mode list
.headers on
SELECT json('{"a":1,"b":[1,2,{"c":null}],"d":"x"}'), json_valid('{"a":}'), json_type('[1,2.5,"s",true,null]', '$[1]');
SELECT json_extract('{"a":{"b":[10,20,30]}}', '$.a.b[1]'), json_extract('{"a":1}', '$.missing'), '{"x":[1,2]}' -> '$.x', '{"x":[1,2]}' ->> '$.x[0]';
SELECT json_array(1, 'two', 3.5, NULL, json('{"k":true}')), json_object('n', 1, 's', 'str', 'f', 0.25);
SELECT json_insert('{"a":1}', '$.b', 2), json_replace('{"a":1}', '$.a', 'z'), json_set('{"a":1}', '$.c[0]', 5), json_remove('[0,1,2,3]', '$[1]', '$[1]');
SELECT json_array_length('[1,2,3,[4,5]]'), json_array_length('[1,2,3,[4,5]]', '$[3]'), json_patch('{"a":1,"b":2}', '{"b":null,"c":3}');
SELECT key, value, type, path FROM json_each('{"x":1,"y":[2,3],"z":{"w":4.5}}') ORDER BY key;
SELECT fullkey, atom FROM json_tree('{"a":[1,{"b":2}],"c":"s"}') WHERE atom IS NOT NULL ORDER BY fullkey;
SELECT json_quote('he said "hi"\'), json_quote(3.0), json('  [ 1 , 2 ]  '), json_group_object(k, v) FROM (SELECT 'k' || value AS k, value * value AS v FROM json_each('[1,2,3]'));
SELECT json('{"big":12345678901234567890,"neg":-0.0,"exp":1e300,"small":1.5e-7}');
SELECT printf('%d|%5d|%-5d|%05d|%+d', 42, 42, 42, 42, 42), printf('%x %X %o %c', 255, 255, 8, 65);
SELECT printf('%.3f|%10.2f|%-10.4e|%g|%g|%g', 3.14159265, -2.5, 12345.678, 1e-5, 123456789.0, 0.1);
SELECT printf('%s|%10s|%-10s|%.2s|%q|%Q|%w', 'abc', 'right', 'left', 'trunc', 'it''s', NULL, 'id"x');
SELECT printf('%,d', 1234567890), printf('%!.20g', 0.1), printf('%.15g', 1.0 / 3), printf('%lld', 9223372036854775807), format('%5.1f%%', 99.44);
SELECT 1.0 / 3, 2.0 / 3, 1e15 + 0.5, 1e16, 123456789.123456789, 0.1 + 0.2, -0.0, 1e308 * 10, 9.99e-300;
SELECT 7 / 2, 7 % 3, -7 / 2, -7 % 3, 7.0 / 2, 9223372036854775807 + 1, -9223372036854775808 - 1, 2 << 62, abs(-9223372036854775807);
SELECT round(2.5), round(-2.5), round(1.005, 2), round(123.456, -1), round(0.5), cast(3.99 AS INTEGER), cast('12abc' AS INTEGER), cast(1e19 AS INTEGER);
SELECT date('2024-02-29'), date('2024-02-29', '+1 year'), date('2023-01-31', '+1 month'), date('2024-03-31', '-1 month', 'start of month');
SELECT datetime('2020-02-29 12:30:15', '+36 hours', '-15 minutes'), time('2020-01-01 23:59:59', '+2 seconds'), julianday('2000-01-01 12:00:00');
SELECT strftime('%Y-%m-%d %H:%M:%f %j %w %W %s', '2021-07-04 09:05:03.250'), strftime('%s', '1970-01-02'), datetime(1700000000, 'unixepoch');
SELECT date('2024-01-01', 'weekday 0'), date('2024-12-25', 'start of year', '+6 months'), unixepoch('2038-01-19 03:14:08'), datetime(2451545.0);
SELECT julianday('2024-12-31') - julianday('2024-01-01'), (julianday('2020-03-01') - julianday('2020-02-01')) * 24, date('-0044-03-15'), datetime('2024-06-15T10:20:30Z', 'utc');
SELECT d, strftime('%a %m/%d', d) FROM (SELECT date('2024-01-01', '+' || (value * 45) || ' days') AS d FROM json_each('[0,1,2,3,4,5,6,7,8]'));
