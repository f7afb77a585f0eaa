-- One token bucket per key, shared by every gateway instance. Redis's own clock, so instances need not agree
-- on the time. KEYS[1]: the bucket; ARGV[1]: tokens per second; ARGV[2]: burst.
-- Returns 0 when a token was taken, else the whole seconds until one is there.
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- a bucket left alone refills completely within burst / rate seconds: keep it no longer than that
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return wait
