-- math library (results printed with %.14g so that the last bits are compared too)
local f = function(x) return string.format("%.14g", x) end
print(f(math.sin(1)), f(math.cos(1)), f(math.tan(1)), f(math.asin(0.5)), f(math.acos(0.5)), f(math.atan(1)), f(math.atan(1, -1)))
print(f(math.exp(1)), f(math.log(10)), f(math.log(8, 2)), f(math.log(100, 10)), f(math.log(27, 3)), f(math.sqrt(2)))
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(2^60))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), pcall(math.fmod, 1, 0), math.fmod(1, 0.0) ~= math.fmod(1, 0.0))
print(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(math.huge))
print(math.abs(-5), math.abs(-5.5), math.max(3, 7.5, -1), math.min(3, 7.5, -1), math.max(1), math.min(2, 2.0))
print(math.pi, -math.pi, math.huge, f(math.pi * 2))
print(math.tointeger(2^53), math.floor(-0.0), 1 / math.floor(-0.0), math.ceil(-0.5))
math.randomseed(42)
local r = {}
for i = 1, 10 do r[i] = math.random(1, 100) end
print(table.concat(r, " "))
math.randomseed(7, 3)
print(math.random(0), math.random(1000000), f(math.random()))
local hist = {0, 0, 0, 0, 0}
for i = 1, 10000 do local v = math.random(5); hist[v] = hist[v] + 1 end
print(table.concat(hist, " "))
print(pcall(math.random, 2, 1), math.random(3, 3), math.random(math.mininteger, math.maxinteger) ~= nil)
local s = 0
for i = 1, 1000 do s = s + math.sin(i) * math.cos(i / 2) + math.sqrt(i) end
print(f(s))
local function newton(x) local g = x / 2 for i = 1, 30 do g = (g + x / g) / 2 end return g end
print(f(newton(2)), f(newton(1e10)), f(newton(12345.678)))
print(f(2^0.5), f(10^-3), f((-8)^(1/3)), f(0.1 * 3), f(1 - 0.9))
print(f(math.exp(-745)), f(math.exp(710)), f(math.log(0)), f(math.sqrt(-1)))
local e = 0
for k = 0, 20 do local fact = 1 for i = 2, k do fact = fact * i end e = e + 1 / fact end
print(f(e), e == math.exp(1))
print(3 % -2, -3 % 2, 3.5 % -2, -3.5 % 2, 5 % math.huge, -5 % math.huge)
print(math.ult(3, 4), 7 // 0.5, f(1e308 + 1e308), f(-1e-320))
