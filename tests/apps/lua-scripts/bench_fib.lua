-- small benchmark: recursive fib and an iterative loop
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local n = tonumber(arg and arg[1]) or 27
print("fib", n, fib(n))
local a, b = 0, 1
for i = 1, 90 do a, b = b, a + b end
print("fib90", a)
local s = 0
for i = 1, 3000000 do s = s + (i % 7) * (i & 15) end
print("loop", s)
