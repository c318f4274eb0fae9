-- POST the add form as a browser does (multipart, the form's CSRF token in
-- its address); the session cookie comes from -H. Arguments: the form's
-- path with `?_csrf=<token>`.
local boundary = "----smartexpense-bench"
local path
function init(args)
  path = args[1]
end

local function field(name, value)
  return "--" .. boundary .. "\r\n"
    .. 'Content-Disposition: form-data; name="' .. name .. '"\r\n\r\n'
    .. value .. "\r\n"
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = field("amount", "12.34")
  .. field("date", os.date("!%Y-%m-%d"))
  .. field("description", "Bench bread")
  .. field("tags", "bench")
  .. "--" .. boundary .. "--\r\n"

request = function()
  return wrk.format(nil, path)
end
