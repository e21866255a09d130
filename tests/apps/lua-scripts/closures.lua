-- closures and upvalues
local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc(); inc()
print(get())
local inc2, get2 = counter()
inc2()
print(get(), get2())
local fns = {}
for i = 1, 5 do fns[i] = function() return i * i end end
local r = {}
for i = 1, 5 do r[i] = fns[i]() end
print(table.concat(r, " "))
local acc = {}
local j = 0
while j < 5 do j = j + 1; local k = j; acc[j] = function() k = k + 10; return k end end
print(acc[1](), acc[1](), acc[3](), acc[5]())
local function compose(f, g) return function(...) return f(g(...)) end end
local add1 = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(add1, dbl)(10), compose(dbl, add1)(10))
local function curry(f, n, ...)
  local args = {...}
  if #args >= n then return f(table.unpack(args)) end
  return function(...)
    local a = {table.unpack(args)}
    for _, v in ipairs({...}) do a[#a + 1] = v end
    return curry(f, n, table.unpack(a))
  end
end
print(curry(function(a, b, c) return a * 100 + b * 10 + c end, 3)(1)(2)(3))
local function memo(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end
end
local fib
fib = memo(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80))
-- shared upvalue between sibling closures after scope exit
local setter, getter
do
  local shared = "start"
  setter = function(v) shared = v end
  getter = function() return shared end
end
setter("changed")
print(getter())
-- recursive local function and deep recursion
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
local function tail(n, a) if n == 0 then return a end return tail(n - 1, a + n) end
print(tail(1000000, 0))
-- varargs
local function va(...)
  local n = select("#", ...)
  return n, select(2, ...)
end
print(va(1, nil, 3, nil))
print(select(-1, "a", "b", "c"))
local function pack2(...) return {n = select("#", ...), ...} end
local pk = pack2(nil, nil)
print(pk.n, #{...})
print((function(...) return ... end)(7, 8, 9))
