-- small benchmark: table churn (inserts, removals, hash and array parts, GC)
local t = {}
for i = 1, 200000 do t[i] = i * 2 end
local sum = 0
for i = #t, 1, -1 do sum = sum + t[i] end
print("array", #t, sum)
local h = {}
for i = 1, 100000 do h["k" .. i] = i end
local cnt, hs = 0, 0
for k, v in pairs(h) do cnt = cnt + 1; hs = hs + v end
for i = 1, 100000, 2 do h["k" .. i] = nil end
local cnt2 = 0
for k in pairs(h) do cnt2 = cnt2 + 1 end
print("hash", cnt, hs, cnt2)
local q = {}
for round = 1, 20 do
  for i = 1, 5000 do q[#q + 1] = {round, i, tostring(i)} end
  for i = 1, 4000 do table.remove(q) end
end
print("queue", #q, q[1][3], q[#q][2])
local objs = 0
for i = 1, 50000 do local o = {x = i, y = {i}, z = "s" .. (i % 100)}; objs = objs + o.y[1] % 3 end
print("objs", objs)
collectgarbage()
local m = {}
for i = 1, 300 do m[i] = {} for j = 1, 300 do m[i][j] = (i * j) % 17 end end
local tr = 0
for i = 1, 300 do for j = 1, 300 do tr = tr + m[i][j] * m[j][i] end end
print("matrix", tr)
