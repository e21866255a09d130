-- small benchmark: string building, concatenation, gsub, format
local parts = {}
for i = 1, 100000 do parts[#parts + 1] = string.format("%05d:%x;", i, i * 31) end
local s = table.concat(parts)
print(#s, s:sub(1, 40), s:sub(-20))
local acc = ""
for i = 1, 3000 do acc = acc .. tostring(i % 10) end
print(#acc, acc:sub(1, 30))
local cnt = select(2, s:gsub("%d%d%d", ""))
print("gsub", cnt)
local words = {}
for w in s:gmatch("(%d+):") do words[#words + 1] = w end
print("words", #words, words[#words])
local h = 0
for i = 1, #s, 7 do h = (h * 31 + s:byte(i)) % 1000000007 end
print("hash", h)
print(("abc"):rep(100000):upper():len(), s:find("99999:", 1, true))
