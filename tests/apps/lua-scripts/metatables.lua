-- metatables: arithmetic, comparison, index/newindex, call, tostring, len, concat, close, inheritance
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(a) == "number" then return vec(a * b.x, a * b.y) end return vec(a.x * b, a.y * b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a:len2() < b:len2() end
V.__le = function(a, b) return a:len2() <= b:len2() end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
V.__len = function(a) return 2 end
V.__concat = function(a, b) return tostring(a) .. tostring(b) end
V.__call = function(self, k) return self[k] end
V.__idiv = function(a, n) return vec(a.x // n, a.y // n) end
V.__mod = function(a, n) return vec(a.x % n, a.y % n) end
V.__band = function(a, b) return vec(a.x & b.x, a.y & b.y) end
V.__shl = function(a, n) return vec(a.x << n, a.y << n) end
V.__bnot = function(a) return vec(~a.x, ~a.y) end
function V:len2() return self.x * self.x + self.y * self.y end
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), tostring(a * 3), tostring(2 * b), tostring(-a))
print(a == vec(1, 2), a ~= b, a < b, b <= a, #a, a .. b, a("y"))
print(tostring(vec(7, 9) // 2), tostring(vec(7, -9) % 4), tostring(vec(6, 5) & vec(3, 3)), tostring(a << 4), tostring(~a))
-- __index function and __newindex
local log = {}
local proxy = setmetatable({}, {
  __index = function(t, k) log[#log + 1] = "get " .. tostring(k); return k .. "!" end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. tostring(k); rawset(t, k, v * 2) end,
})
print(proxy.foo, proxy.bar)
proxy.z = 21
print(proxy.z, rawget(proxy, "z"), rawget(proxy, "foo"))
print(table.concat(log, ";"))
-- inheritance chain
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) return setmetatable({name = name, sound = sound}, Animal) end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local d = Animal.new(name, "woof"); return setmetatable(d, Dog) end
function Dog:kind() return "dog" end
local d = Dog.new("rex")
print(d:speak(), d:kind(), Animal.kind(d), getmetatable(d) == Dog)
-- defaults via __index table
local defaults = setmetatable({}, {__index = {color = "red", size = 10}})
defaults.size = 20
print(defaults.color, defaults.size)
-- __close and to-be-closed variables
do
  local order = {}
  do
    local x <close> = setmetatable({}, {__close = function(_, e) order[#order + 1] = "x:" .. tostring(e) end})
    local y <close> = setmetatable({}, {__close = function() order[#order + 1] = "y" end})
    order[#order + 1] = "body"
  end
  local ok = pcall(function()
    local z <close> = setmetatable({}, {__close = function(_, e) order[#order + 1] = "z:" .. (e and "err" or "none") end})
    error("boom")
  end)
  order[#order + 1] = tostring(ok)
  print(table.concat(order, " "))
end
local c <const> = 42
print(c)
-- __metatable protection and __pairs absence / __name
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot), pcall(setmetatable, prot, {}))
local cnt = setmetatable({}, {__index = function(t, k) return 0 end})
for _, w in ipairs({"a", "b", "a", "c", "a"}) do cnt[w] = cnt[w] + 1 end
print(cnt.a, cnt.b, cnt.c, cnt.d)
print(getmetatable("abc").__index == string, ("x"):rep(3))
-- __eq not called for different types / same object
local eqcalls = 0
local E = {__eq = function() eqcalls = eqcalls + 1; return true end}
local e1, e2 = setmetatable({}, E), setmetatable({}, E)
print(e1 == e2, e1 == e1, e1 == 1, eqcalls)
-- __lt for mixed and __unm on strings coerced
print(pcall(function() return {} < {} end))
print(10 .. 20, "10" + 5, "3" * "4", 10 / "2")
