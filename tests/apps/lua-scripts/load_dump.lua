-- load, environments, string.dump round trip, varargs in chunks
local f = load("return 1 + 2")
print(f())
local env = {x = 5}
local g = load("y = x * 2; return y", "chunk", "t", env)
print(g(), env.y, y)
print(load("syntax error here"))
print(type(load(function() return nil end)))
local pieces = {"return ", "'joined'", " .. '!'"}
local i = 0
print(load(function() i = i + 1; return pieces[i] end)())
local src = [[
local a, b = ...
local function sq(v) return v * v end
local t = {}
for k = a, b do t[#t + 1] = sq(k) end
return table.concat(t, ","), select('#', ...)
]]
local chunk = load(src)
print(chunk(1, 6))
local bin = string.dump(chunk)
print(type(bin), #bin > 0, bin:sub(1, 4) == "\27Lua")
local re = load(bin, "bin", "b")
print(re(3, 5))
print(load(bin, "bin", "t"))
local stripped = load(string.dump(chunk, true))
print(stripped(2, 4))
-- upvalues through dump
local function mk() local up = 10; return function(z) return up + z end end
local d = load(string.dump(mk()))
print(pcall(d, 1))
-- _ENV manipulation
do
  local _ENV = {print = print, tostring = tostring}
  z = 99
  print(z, tostring(_ENV.z))
end
print(z)
local code = "local s = 0 for i = 1, 100 do s = s + i end return s"
print(load(code)(), dofile == nil, type(require))
print(rawequal(string, require("string")), package.loaded.math == math)
