-- wrk script of bench/soak.sh: a mixed load over the demo seed, as dashboards, journalists and embedded widgets make
-- it. About half the requests repeat a small set of cached queries; the rest draw random geographies and time ranges
-- (mostly cache misses), catalogue pages, charts and widgets.
local regions = { "BG31", "BG32", "BG41", "CZ01", "CZ02", "CZ05", "FI19", "FI1B", "FI1C", "FI1D", "PL21", "PL22", "PL41", "PL51" }
local sexes = { "T", "F", "M" }
local cached = {
    "/v1/datasets/unemployment-rate/observations?geo=FI1B&sex=T&age=Y15-74&time=2021..2024",
    "/v1/datasets",
    "/v1/datasets/registered-unemployed",
    "/v1/datasets/unemployment-rate/observations?geo=FI1B,FI1C,FI19&sex=T&age=Y15-74&format=csv",
    "/v1/datasets/unemployment-rate/chart.svg?geo=FI1B,FI1C,FI19&sex=T&age=Y15-74&lang=fi",
    "/widgets/indicator?dataset=registered-unemployed&geo=FI_091&compare=region,country&lang=fi",
}

local counter = 0
function setup(thread)
    counter = counter + 1
    thread:set("seed", counter)
end

function init(args)
    math.randomseed(4242 + (seed or 0))
end

local function random_query()
    local from = math.random(2015, 2023)
    local to = math.random(from, 2024)
    local geo = regions[math.random(1, #regions)]
    local r = math.random(1, 4)
    if r == 1 then
        return string.format("/v1/datasets/unemployment-rate/observations?geo=%s&sex=%s&time=%d..%d", geo, sexes[math.random(1, 3)], from, to)
    elseif r == 2 then
        return string.format("/v1/datasets/unemployment-rate/observations?geo=%s&time=%d..%d&format=jsonstat", geo, from, to)
    elseif r == 3 then
        return string.format("/v1/datasets/unemployment-rate/chart.svg?geo=%s&sex=T&age=Y15-74&time=%d..%d", geo, from, to)
    end
    return string.format("/v1/datasets/unemployment-rate/observations?geoLevel=region&sex=%s&age=Y15-74&time=%d&format=csv", sexes[math.random(1, 3)], to)
end

function request()
    if math.random() < 0.5 then return wrk.format("GET", cached[math.random(1, #cached)]) end
    return wrk.format("GET", random_query())
end

-- wrk counts non-2xx itself; count the statuses too, so a 503 in the restart window is told apart from a 500.
local threads = {}
local counter_setup = setup
function setup(thread)
    counter_setup(thread)
    table.insert(threads, thread)
end

s503, s429, s4xx, s5xx = 0, 0, 0, 0
function response(status, headers, body)
    if status == 503 then s503 = s503 + 1
    elseif status == 429 then s429 = s429 + 1
    elseif status >= 500 then s5xx = s5xx + 1
    elseif status >= 400 then s4xx = s4xx + 1 end
end

function done(summary, latency, requests)
    local a, b, c, d = 0, 0, 0, 0
    for _, t in ipairs(threads) do
        a = a + t:get("s503"); b = b + t:get("s429"); c = c + t:get("s4xx"); d = d + t:get("s5xx")
    end
    io.write(string.format("STATUSES 503=%d 429=%d other4xx=%d other5xx=%d\n", a, b, c, d))
end
