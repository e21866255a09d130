-- bitwise operators, integer overflow wrap, string <-> integer conversions, integer for loops
local function bin(x) local t = {} for i = 63, 0, -1 do t[#t + 1] = (x >> i) & 1 end return table.concat(t) end
print(bin(5), bin(-1):sub(1, 8), bin(math.mininteger):sub(1, 4))
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ~ 0x0F, ~0xFF, 1 << 62, 1 << 63, (1 << 63) >> 63, -8 >> 1)
print(math.maxinteger + 1, math.maxinteger * math.maxinteger, math.mininteger * math.mininteger, -math.mininteger)
local x = 1
for i = 1, 70 do x = x * 3 end
print(x, x // 7, x % 7)
local h = 0
for i = 1, 1000 do h = (h * 31 + i) & 0xFFFFFFFF end
print(h)
local fnv = 0xcbf29ce484222325
for c in ("hello world"):gmatch(".") do fnv = (fnv ~ c:byte()) * 0x100000001b3 end
print(fnv, string.format("%x", fnv))
print(pcall(function() return "10" | 0 end), pcall(function() return "1.5" | 0 end), 2.0 | 1, pcall(function() return 2.5 | 1 end))
print(string.format("%d %d", 7 // 2, -7 // 2), 7 % -2, math.mininteger // 1, math.mininteger % 7)
for i = math.mininteger, math.mininteger + 2 do io.write(i, " ") end
print()
local c = 0
for i = math.maxinteger - 5, math.maxinteger, 2 do c = c + 1 end
print(c)
for i = 3, 1 do print("never") end
for i = 1, 0.5 do print("never") end
print(#tostring(12345678901234567890), 12345678901234567890 == 1.2345678901234567e19)
local lcg = 1
for i = 1, 100 do lcg = lcg * 6364136223846793005 + 1442695040888963407 end
print(lcg, lcg >> 33, lcg % 1000, lcg // 1000)
print(string.format("%016x", -2), ("%5d|%-5d|"):format(-3, -3), tostring(-0))
print(1 // -1, 0 // -3, -0.0 // 1, 3 % math.mininteger, math.mininteger % -3)
