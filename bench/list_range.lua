-- GET the list over a date range that changes with every request (a member
-- paging through months), so its totals are computed, not read back from the
-- figures kept for an unchanged workspace: the cold path of the list.
-- Arguments: the list's path with its query string.
local path
function init(args)
  path = args[1]
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  local days_ago = math.random(0, 700)
  local span = math.random(7, 90)
  local to = os.date("!%Y-%m-%d", os.time() - days_ago * 86400)
  local from = os.date("!%Y-%m-%d", os.time() - (days_ago + span) * 86400)
  return wrk.format("GET", path .. "&from=" .. from .. "&to=" .. to)
end
