-- tables: constructors, length, insert/remove/concat/move/unpack, sort with comparators
local t = {}
for i = 1, 20 do t[i] = (i * 7919) % 101 end
print(table.concat(t, " "))
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local words = {"pear", "apple", "fig", "banana", "kiwi", "cherry", "date", "elderberry", "grape"}
table.sort(words)
print(table.concat(words, ","))
table.sort(words, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(table.concat(words, ","))
local recs = {}
for i = 1, 30 do recs[i] = {id = i, score = (i * 37) % 11, name = "n" .. i} end
table.sort(recs, function(a, b) if a.score ~= b.score then return a.score > b.score end return a.id < b.id end)
local out = {}
for i, r in ipairs(recs) do out[i] = r.name .. ":" .. r.score end
print(table.concat(out, " "))
table.insert(t, 1, 1000); table.insert(t, 2000); table.insert(t, 5, 3000)
print(#t, t[1], t[5], t[#t])
print(table.remove(t), table.remove(t, 1), table.remove(t, 3), #t)
print(table.unpack({1, 2, 3, nil, 5}, 1, 5))
print(table.concat(table.move({1, 2, 3, 4, 5}, 2, 4, 1), ","))
print(table.concat(table.move({1, 2, 3}, 1, 3, 3, {9, 9}), ","))
local p = table.pack(10, nil, 30)
print(p.n, p[1], p[2], p[3])
-- keys sorted for deterministic output
local h = {alpha = 1, beta = 2, gamma = 3, delta = 4, [10] = "ten", [2.5] = "twofive"}
local keys = {}
for k in pairs(h) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
local n = 0
for k, v in pairs(h) do n = n + 1 end
print("count", n, next({}), rawlen({1, 2, 3}), rawequal(h, h))
-- big sort, stability-insensitive check
local big = {}
local x = 12345
for i = 1, 5000 do x = (x * 1103515245 + 12345) % 2147483648; big[i] = x % 100000 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print("sorted", ok, big[1], big[2500], big[5000])
local sum = 0
for i, v in ipairs(big) do sum = sum + v end
print("sum", sum)
-- nested tables and array/hash parts
local m = {}
for i = 1, 10 do m[i] = {} for j = 1, 10 do m[i][j] = i * j end end
print(m[3][7], m[10][10], #m, #m[5])
local holes = {1, 2, 3}
holes[5] = 5
print(#holes == 3 or #holes == 5)
print(select(2, pcall(table.sort, {3, 1, "x"})) ~= nil)
print(table.concat({}, ","), table.concat({1, 2.5, "s"}, "-", 2, 3))
