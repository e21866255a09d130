-- string library: find, match, gsub, gmatch, patterns, byte/char, rep, sub
local s = "The quick brown fox jumps over the lazy dog"
print(#s, s:upper(), s:lower())
print(s:find("fox"), s:find("o", 20), s:find("%s+"), s:find(".", 1, true))
print(s:match("(%a+) (%a+)$"), s:match("q(%a*)"))
print(s:gsub("o", "0"))
print(s:gsub("%w+", function(w) return w:reverse() end, 4))
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"))
print(("abc"):gsub("", "-"))
print(("x = 1, y = 22, z = 333"):gsub("(%w+) = (%d+)", "%1:%2"))
local t = {}
for k, v in ("a=1, bb=22, ccc=333"):gmatch("(%w+)=(%w+)") do t[#t + 1] = k .. "->" .. v end
print(table.concat(t, " | "))
print(("THE (quick) fox"):find("%((%a+)%)"))
print(("f(a(b)c)d"):match("%b()"))
print(("THE (quick) fox"):gsub("%f[%a]%a+", string.lower))
print(string.byte("ABCDEF", 1, -1))
print(string.char(72, 101, 108, 108, 111))
print(("ab"):rep(5, ","), ("x"):rep(0), ("abc"):rep(3))
print(("hello"):sub(2, 4), ("hello"):sub(-3), ("hello"):sub(0), ("hello"):sub(10), ("hello"):sub(-100, 2))
print(string.len("\0\1\2"), #"\u{10FFFF}", "\65\066\x43\z
       D")
print(tostring(nil), tostring(true), tostring(12), tostring(12.5), tostring(-0.0))
print(("%d items"):format(5), ("  trim me  "):match("^%s*(.-)%s*$") .. "|")
print(string.rep("=", 20))
for w in string.gmatch("one two  three", "%S+") do io.write("[", w, "]") end
print()
print(("key = value # comment"):match("^(%w+)%s*=%s*([^#]-)%s*#"))
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("hello"):find("l+"), ("hello"):match(".-(l+)(.*)"))
print(("%a"):rep(3), ("a.b.c"):gsub("%.", "%%"))
print(select("#", ("abc"):byte(1, -1)), ("abc"):byte(10))
local parts = {}
for field in ("a,b,,c,"):gmatch("([^,]*)") do parts[#parts + 1] = "<" .. field .. ">" end
print(table.concat(parts))
print(string.format("%q", "line1\nline2\0end\"quote\"\\"))
print(("CamelCaseString"):gsub("(%u)", " %1"))
print(("  multiple   spaces   here "):gsub("%s+", " "))
print(tostring(("abc") < ("abd")), tostring(("Z") < ("a")), tostring(("") < ("a")))
