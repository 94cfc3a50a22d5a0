-- wrk script for the uncached selective query: one series (municipality x sex x age) over BENCH_TIME
-- (default 2018..2025 = 96 monthly rows) of the scale dataset, a different series on almost every request.
-- bench/uncached.pgbench draws from the same distribution for the raw-SQL baseline.
local municipalities = tonumber(os.getenv("BENCH_MUNICIPALITIES") or "3000")
local dataset = os.getenv("BENCH_DATASET") or "bench-registered-unemployed"
local time = os.getenv("BENCH_TIME") or "2018..2025"
local sexes = { "T", "F", "M" }
local ages = { "Y15-19", "Y20-24", "Y25-34", "Y35-44", "Y45-54", "Y55-74" }

local counter = 0
function setup(thread)
    counter = counter + 1
    thread:set("seed", counter)
end

function init(args)
    -- Each thread its own sequence, so concurrent connections do not ask for the same series in lockstep.
    math.randomseed(1000 + (seed or 0))
end

function request()
    local path = string.format("/v1/datasets/%s/observations?geo=FI_S%04d&sex=%s&age=%s&time=%s",
        dataset, math.random(1, municipalities), sexes[math.random(1, 3)], ages[math.random(1, 6)], time)
    return wrk.format("GET", path)
end
