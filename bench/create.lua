-- POST one expense per request (the Authorization header comes from -H).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"amount": "12.34", "date": "2026-11-21", "description": "Bench coffee", "tags": ["bench"]}'
