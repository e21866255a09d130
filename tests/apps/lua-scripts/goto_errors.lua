-- goto, error/pcall/xpcall, error objects and levels
for i = 1, 10 do
  if i % 3 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
do
  local i = 1
  ::top::
  if i <= 5 then io.write("g", i, " "); i = i + 1; goto top end
  print()
end
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    io.write(i, ",", j, " ")
  end
  ::next_i::
end
print()
local function strip(m) return (tostring(m):gsub("^[^:]*:%d+: ", "")) end
print(pcall(error, "plain"))
print(pcall(error, "nolevel", 0))
local ok, e = pcall(function() error("with position") end)
print(ok, strip(e), e:match(":(%d+):") ~= nil)
ok, e = pcall(function() error({code = 42, msg = "table error"}) end)
print(ok, type(e), e.code, e.msg)
ok, e = pcall(function() local x = nil; return x.field end)
print(ok, strip(e))
ok, e = pcall(function() return 1 + {} end)
print(ok, strip(e))
ok, e = pcall(function() return #5 end)
print(ok, strip(e))
ok, e = pcall(function() return ("x")() end)
print(ok, strip(e))
ok, e = pcall(function() local t = setmetatable({}, {__index = function() error("deep", 2) end}); return t.x end)
print(ok, strip(e))
print(xpcall(function() error("handled") end, function(m) return "H:" .. strip(m) end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(select("#", pcall(error)))
print(pcall(error, nil))
print(pcall(assert, false, "assert msg"), pcall(assert, 1, 2, 3), pcall(assert, nil))
local function lvl1() error("at level 2", 2) end
local function lvl2() lvl1() end
ok, e = pcall(lvl2)
print(ok, strip(e))
-- nested pcall and rethrow
local trace = {}
ok, e = pcall(function()
  local ok2, e2 = pcall(function() error("inner") end)
  trace[#trace + 1] = strip(e2)
  error("outer:" .. strip(e2), 0)
end)
print(ok, e, table.concat(trace))
-- error in __tostring of error handler is not needed; tostring conversion errors
print(pcall(string.rep))
print(pcall(setmetatable, 1, {}))
print(pcall(string.format, "%d", "x"))
print(pcall(function() local a; a() end))
-- stack overflow is caught
local function rec(n) return rec(n + 1) + 1 end
ok, e = pcall(rec, 1)
print(ok, (strip(e):match("stack overflow")))
-- error with non-string values
print(pcall(error, 42), pcall(error, true))
-- tostring on numbers through error
ok, e = pcall(function() error(3.5) end)
print(ok, e, math.type(e))
-- warn is a no-op by default
warn("not shown")
print("end")
