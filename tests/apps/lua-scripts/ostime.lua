-- os.time / os.date with fixed input (the harness sets TZ=UTC)
local t = os.time({year = 2020, month = 2, day = 29, hour = 12, min = 30, sec = 15})
print(t)
print(os.date("!%Y-%m-%d %H:%M:%S", t), os.date("!%A %B %j %U %w %y %p", t))
print(os.date("!%c", 0), os.date("!%x %X", 86400 * 365))
local d = os.date("!*t", t)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
local t2 = os.time({year = 2021, month = 1, day = 1, hour = 0})
print(t2, os.difftime(t2, t), (t2 - t) // 86400)
-- normalisation of out-of-range fields
local n = os.time({year = 2019, month = 14, day = 35, hour = 25, min = 61, sec = 61})
print(n, os.date("!%Y-%m-%d %H:%M:%S", n))
local dates = {}
for m = 1, 12 do dates[#dates + 1] = os.date("!%b:%d", os.time({year = 2023, month = m, day = 0, hour = 12})) end
print(table.concat(dates, " "))
print(os.date("!%Y-%m-%dT%H:%M:%SZ", 2^31 - 1), os.date("!%Y", 2^31), os.date("!%Y", -86400))
print(type(os.time()), type(os.clock()), os.getenv("CC_TS_LUA_UNSET_VAR"))
print(pcall(os.date, "%Ez", 0))
