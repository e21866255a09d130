-- garbage collector, weak tables, finalizers (deterministic after full collections)
local weakk = setmetatable({}, {__mode = "k"})
local weakv = setmetatable({}, {__mode = "v"})
local keep = {}
for i = 1, 100 do
  local o = {i}
  weakk[o] = i
  weakv[i] = {i}
  if i % 10 == 0 then keep[#keep + 1] = o end
end
collectgarbage(); collectgarbage()
local nk, nv = 0, 0
for k in pairs(weakk) do nk = nk + 1 end
for k in pairs(weakv) do nv = nv + 1 end
print("weak", nk, nv)
local finalized = {}
for i = 1, 5 do setmetatable({}, {__gc = function() finalized[#finalized + 1] = i end}) end
collectgarbage(); collectgarbage()
table.sort(finalized)
print("gc", table.concat(finalized, " "))
print(collectgarbage("isrunning"), type(collectgarbage("count")), collectgarbage("step", 0) ~= nil)
print(collectgarbage("incremental"), collectgarbage("generational"), collectgarbage("incremental"))
local big = {}
for i = 1, 100000 do big[i] = {i, tostring(i)} end
big = nil
collectgarbage()
local s = {}
for i = 1, 1000 do s[i] = string.rep("x", i % 50) .. i end
print(#s, s[1000], #table.concat(s))
local eph = setmetatable({}, {__mode = "k"})
do local k = {}; eph[k] = {k} end
collectgarbage()
local ne = 0 for _ in pairs(eph) do ne = ne + 1 end
print("ephemeron", ne)
