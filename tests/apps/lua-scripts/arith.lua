-- integer and float arithmetic, conversions, formatting of numbers
print(7 // 2, -7 // 2, 7 // -2, 7.0 // 2, -7.5 // 2, 7 % 3, -7 % 3, 7 % -3, -7.5 % 2, 5.25 % -2)
print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0, math.huge, -math.huge)
print(math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger)
print(math.maxinteger * 2, math.mininteger * -1, math.mininteger // -1, math.mininteger % -1)
print(2^53, 2^53 + 1, 2^63, -2^63, 2^-1074, 2^1023 * 2)
print(1e15, 1e16, 1e100, 123456789012345678, 0.1 + 0.2, 1/3, -1/3, 100 / 3)
print(3 | 5, 3 & 5, 3 ~ 5, ~0, 1 << 63, 1 << 64, -1 >> 1, -1 >> 63, 1 << -1, 256 >> -2)
print(0x7fffffffffffffff, 0xffffffffffffffff, 0x10, 0xA.8p1, 0x.1p4, 1e2, .5, 3., 0x1p-2)
print(math.type(1), math.type(1.0), math.type("1"), math.type(2^31), math.type(1 // 1), math.type(1.0 // 1))
print(3 == 3.0, 2^53 == 2^53 + 1, math.maxinteger + 0.0 == math.maxinteger, math.maxinteger < math.huge)
print(1 < 1.5, -0.0 == 0.0, 1/(-0.0), math.mininteger <= -2^63, 2^63 > math.maxinteger)
print(tonumber("0x10"), tonumber("  12  "), tonumber("1e2"), tonumber("12a"), tonumber("z", 36), tonumber("777", 8), tonumber("-ff", 16))
print(tonumber("0x1p4"), tonumber("inf"), tonumber("nan"), tonumber(""), tonumber("1 2"), tonumber("9223372036854775808"))
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(2^63), math.tointeger("8"), 3.0 | 0)
print(string.format("%g %g %g %g %g %g", 0.1, 1e20, 1e-5, 123456789, 1/3, 2^63))
print(string.format("%.14g %.14g %.14g %.14g", math.pi, 0.1, 1e300, -2.5e-300))
print(string.format("%.3f %10.4f %-10.2f| %+d %05d %x %X %o", math.pi, -math.exp(1), 2.5, 42, -42, 255, 48879, 8))
print(string.format("%e %.0e %E %a", 12345.6789, 0.5, 1e-10, 1.0))
print(string.format("%5.1f|%-8d|%8s|%-8s|%.2s", 3.14159, 7, "r", "l", "abcdef"))
print(string.format("%i %u %c%c%c %%", 12, 34, 76, 117, 97))
print(string.format("%.20f", 0.1), string.format("%.0f %.0f %.0f", 0.5, 1.5, 2.5))
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
print(8 // 0.0, -8 // 0.0, 0/0 ~= 0/0, pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(5 // 0.3, 5 % 0.3, -5 % 0.3, 2^0.5, 10 // 3 * 3 + 10 % 3)
local s = 0
for i = 1, 100 do s = s + i / 7 end
print(s, string.format("%.17g", s))
local acc = 1
for i = 1, 30 do acc = acc * 3 + i end
print(acc, acc * acc * acc)
for i = -3, 3 do io.write(i // 2, " ", i % 2, " ", i / 2, "; ") end
print()
for f = 1, 2, 0.25 do io.write(f, " ") end
print()
for i = 10, 1, -3 do io.write(i, " ") end
print()
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end
print()
print(string.format("%.3f", 2.0005), string.format("%.2f", 1.005), string.format("%g", 100000), string.format("%g", 1000000))
print(7.0, -0.0, 1e308 * 10, 5 // 2.0, 2^2, 10 / 2, 3 * 1.0)
print(string.rep("9", 30) + 0, "10" + 0, "0x10" + 0, "1e1" + 0, "  5  " * 2)
print(math.ult(1, -1), math.ult(-1, 1), math.abs(math.mininteger), math.abs(-0.0))
print(255 // 16, 255.0 // 16, -255 // 16, (2^53 + 1) // 1, 17 % math.huge, -17 % math.huge)
