-- coroutines: generators, wrap, status, passing values, errors, producer/consumer
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
    return "done"
  end)
end
local g = gen(5)
local r = {}
for i = 1, 6 do r[i] = tostring(g()) end
print(table.concat(r, " "))
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return d + e, "end"
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co), coroutine.resume(co))
local bad = coroutine.create(function() coroutine.yield(1); error("oops") end)
print(coroutine.resume(bad))
local ok, msg = coroutine.resume(bad)
print(ok, (msg:gsub("^.-:%d+: ", "")))
print(coroutine.status(bad))
-- permutations generator
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local count = 0
local seen = {}
for p in coroutine.wrap(function() permgen({1, 2, 3, 4}) end) do
  count = count + 1
  if count <= 5 then seen[#seen + 1] = table.concat(p) end
end
print(count, table.concat(seen, " "))
-- producer/consumer with filter
local function producer()
  return coroutine.create(function()
    for _, w in ipairs({"alpha", "beta", "gamma", "delta"}) do coroutine.yield(w) end
  end)
end
local function filter(prod)
  return coroutine.create(function()
    local n = 1
    while true do
      local _, x = coroutine.resume(prod)
      if x == nil then break end
      coroutine.yield(string.format("%3d %s", n, x)); n = n + 1
    end
  end)
end
local f = filter(producer())
while true do
  local _, line = coroutine.resume(f)
  if not line then break end
  print(line)
end
print(coroutine.isyieldable(), select(2, coroutine.running()), type(coroutine.running()))
local co2 = coroutine.wrap(function() print(coroutine.isyieldable()); local _, main = coroutine.running(); print(main) end)
co2()
-- yield across pcall
local co3 = coroutine.create(function()
  local ok, v = pcall(function() local x = coroutine.yield("in pcall"); error({code = x}) end)
  coroutine.yield(ok, type(v) == "table" and v.code)
  return "fin"
end)
print(coroutine.resume(co3))
print(coroutine.resume(co3, 42))
print(coroutine.resume(co3))
-- many coroutines
local cos = {}
for i = 1, 200 do cos[i] = coroutine.create(function(x) while true do x = coroutine.yield(x * i) end end) end
local sum = 0
for round = 1, 10 do for i = 1, 200 do local _, v = coroutine.resume(cos[i], round); sum = sum + v end end
print("sum", sum)
local cc = coroutine.create(function() coroutine.yield() end)
coroutine.resume(cc)
print(coroutine.close(cc), coroutine.status(cc))
