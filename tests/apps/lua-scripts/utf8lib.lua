-- utf8 library
local s = "héllo wörld ✓ 𝄞 日本語"
print(#s, utf8.len(s), utf8.len(s, 3), utf8.len("\xff"), utf8.len(s, -4))
print(utf8.char(72, 233, 0x2713, 0x1D11E, 0x65E5), utf8.char())
local cps = {}
for p, c in utf8.codes(s) do cps[#cps + 1] = p .. ":" .. c end
print(table.concat(cps, " "))
print(utf8.codepoint(s, 1, 6))
print(utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, 0, 3), utf8.offset(s, 100))
for ch in s:gmatch(utf8.charpattern) do io.write("[", ch, "]") end
print()
print(pcall(utf8.codepoint, "\xff"), pcall(utf8.len, s, 100))
print(utf8.char(0x7FFFFFFF):byte(1, -1))
print(utf8.len("\u{7FFFFFFF}", 1, -1, true), utf8.len("\u{7FFFFFFF}"))
print(utf8.codepoint("\u{D7FF}"), utf8.codepoint("\u{E000}"), pcall(utf8.codepoint, "\u{D800}"), utf8.codepoint("\u{D800}", 1, 1, true))
local rev = {}
for _, c in utf8.codes("abc✓d") do table.insert(rev, 1, utf8.char(c)) end
print(table.concat(rev))
local up = s:gsub(utf8.charpattern, function(c) if #c == 1 then return c:upper() end return "<" .. #c .. ">" end)
print(up)
print(("x"):rep(3, utf8.char(0xE9)))
