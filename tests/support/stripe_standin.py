"""A local stand-in for Stripe's API, for the billing tests.

localstripe (from PyPI) answers customers, subscriptions, invoices and
plans; this adds what it lacks, in the same process and on the same port:

- Checkout Sessions (``/v1/checkout/sessions``) and Customer Portal sessions
  (``/v1/billing_portal/sessions``), shaped like Stripe's;
- ``Idempotency-Key`` handling as Stripe does it (a repeated key replays the
  first answer);
- test controls under ``/_test/``: complete a checkout (the customer pays
  and the subscription starts), fail a subscription's renewal, make the
  next requests fail with a 5xx, and read the log of API requests.

Usage: ``python stripe_standin.py --port 0 --plans id:amount:interval,...``.
It prints ``listening on <port>`` once it accepts connections. Nothing is
kept on disk.
"""

import argparse
import asyncio
import json
import secrets
import socket
import sys
import time

from aiohttp import ClientSession, web
from localstripe import resources, server

# One store per process, in memory only (localstripe would otherwise share
# /tmp/localstripe.pickle between every test).
resources.Store.dump_to_disk = lambda self: None
resources.Store.try_load_from_disk = lambda self: None
# The tests sign and deliver their own webhook events.
resources.schedule_webhook = lambda event: None

SECRET = "sk_test_standin"
INTERNAL = "X-Standin-Internal"

checkout_sessions = {}
portal_sessions = {}
failed_invoices = {}
idempotent_answers = {}
requests_seen = []
failures_ahead = {"count": 0, "status": 500}


def new_id(prefix):
    return prefix + secrets.token_hex(8)


def json_answer(body, status=200):
    return web.json_response(body, status=status)


def stripe_error(status, message, kind="invalid_request_error"):
    return json_answer({"error": {"type": kind, "message": message}}, status)


@web.middleware
async def api_frontdoor(request, handler):
    """Logs API requests, injects failures, replays idempotent answers."""
    if not request.path.startswith("/v1/") or request.headers.get(INTERNAL):
        return await handler(request)
    key = request.headers.get("Idempotency-Key")
    requests_seen.append(
        {"method": request.method, "path": request.path, "idempotency_key": key}
    )
    if failures_ahead["count"] > 0:
        failures_ahead["count"] -= 1
        return stripe_error(failures_ahead["status"], "injected failure", "api_error")
    if request.method == "GET" and request.path.startswith("/v1/invoices/"):
        invoice = failed_invoices.get(request.path.rsplit("/", 1)[-1])
        if invoice is not None:
            return json_answer(invoice)
    if request.method != "POST" or not key:
        return await handler(request)
    replay = idempotent_answers.get((request.path, key))
    if replay is not None:
        status, body = replay
        return web.Response(status=status, body=body, content_type="application/json")
    answer = await handler(request)
    if answer.status < 500:
        idempotent_answers[(request.path, key)] = (answer.status, answer.body)
    return answer


async def form(request):
    return await server.get_post_data(request) or {}


def customer_exists(customer_id):
    return ("customer:" + str(customer_id)) in resources.store


async def create_checkout_session(request):
    data = await form(request)
    customer = data.get("customer")
    items = data.get("line_items") or []
    if data.get("mode") != "subscription":
        return stripe_error(400, "mode must be subscription")
    if not customer_exists(customer):
        return stripe_error(400, "No such customer: %s" % customer)
    if len(items) != 1 or not items[0].get("price"):
        return stripe_error(400, "one line item with a price is needed")
    if ("plan:" + items[0]["price"]) not in resources.store:
        return stripe_error(400, "No such price: %s" % items[0]["price"])
    for field in ("success_url", "cancel_url"):
        if not str(data.get(field, "")).startswith("http"):
            return stripe_error(400, "%s must be a URL" % field)
    session_id = new_id("cs_test_")
    session = {
        "id": session_id,
        "object": "checkout.session",
        "mode": "subscription",
        "status": "open",
        "payment_status": "unpaid",
        "customer": customer,
        "client_reference_id": data.get("client_reference_id"),
        "metadata": data.get("metadata") or {},
        "subscription": None,
        "success_url": data["success_url"],
        "cancel_url": data["cancel_url"],
        "url": "%s://%s/_test/pay/%s" % (request.scheme, request.host, session_id),
        "created": int(time.time()),
        "livemode": False,
        "_price": items[0]["price"],
    }
    checkout_sessions[session_id] = session
    return json_answer(public(session))


def public(session):
    return {k: v for k, v in session.items() if not k.startswith("_")}


async def retrieve_checkout_session(request):
    session = checkout_sessions.get(request.match_info["id"])
    if session is None:
        return stripe_error(404, "No such checkout.session")
    return json_answer(public(session))


async def create_portal_session(request):
    data = await form(request)
    if not customer_exists(data.get("customer")):
        return stripe_error(400, "No such customer: %s" % data.get("customer"))
    session_id = new_id("bps_")
    session = {
        "id": session_id,
        "object": "billing_portal.session",
        "customer": data["customer"],
        "return_url": data.get("return_url"),
        "url": "%s://%s/_test/portal/%s" % (request.scheme, request.host, session_id),
        "created": int(time.time()),
        "livemode": False,
    }
    portal_sessions[session_id] = session
    return json_answer(session)


async def internal_post(request, path, fields):
    """Calls localstripe's own API, unlogged and never failed on purpose."""
    url = "%s://%s%s" % (request.scheme, request.host, path)
    headers = {"Authorization": "Bearer " + SECRET, INTERNAL: "1"}
    async with ClientSession() as client:
        async with client.post(url, data=fields, headers=headers) as answer:
            body = await answer.json()
            if answer.status >= 400:
                raise web.HTTPBadRequest(text=json.dumps(body))
            return body


async def complete_checkout(request):
    """The customer paid on the checkout page: the subscription starts."""
    session = checkout_sessions.get(request.match_info["id"])
    if session is None or session["status"] != "open":
        return stripe_error(404, "no open checkout session with this id")
    token = await internal_post(
        request,
        "/v1/tokens",
        {"card[number]": "4242424242424242", "card[exp_month]": "12",
         "card[exp_year]": "2040", "card[cvc]": "123"},
    )
    await internal_post(
        request, "/v1/customers/%s/sources" % session["customer"], {"source": token["id"]}
    )
    subscription = await internal_post(
        request,
        "/v1/subscriptions",
        {"customer": session["customer"], "items[0][plan]": session["_price"]},
    )
    session.update(status="complete", payment_status="paid", subscription=subscription["id"])
    return json_answer(public(session))


async def fail_renewal(request):
    """A renewal payment failed: the subscription is past due, with an open invoice."""
    subscription_id = request.match_info["id"]
    key = "subscription:" + subscription_id
    if key not in resources.store:
        return stripe_error(404, "No such subscription")
    subscription = resources.store[key]
    subscription.status = "past_due"
    invoice_id = new_id("in_failed_")
    failed_invoices[invoice_id] = {
        "id": invoice_id,
        "object": "invoice",
        "customer": subscription.customer,
        "subscription": subscription_id,
        "status": "open",
        "paid": False,
        "attempted": True,
        "amount_due": 400,
        "currency": "eur",
        "hosted_invoice_url": None,
        "livemode": False,
    }
    return json_answer(failed_invoices[invoice_id])


async def fail_next(request):
    data = await request.post()
    failures_ahead["count"] = int(data.get("count", "1"))
    failures_ahead["status"] = int(data.get("status", "500"))
    return json_answer(failures_ahead)


async def requests_log(request):
    return json_answer(requests_seen)


def add_plans(spec):
    for entry in filter(None, spec.split(",")):
        plan_id, amount, interval = entry.split(":")
        resources.Plan._api_create(
            id=plan_id, amount=amount, currency="eur", interval=interval,
            product={"name": plan_id},
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--plans", default="")
    args = parser.parse_args()
    add_plans(args.plans)

    app = server.app
    app.middlewares.insert(0, api_frontdoor)
    app.router.add_post("/v1/checkout/sessions", create_checkout_session)
    app.router.add_get("/v1/checkout/sessions/{id}", retrieve_checkout_session)
    app.router.add_post("/v1/billing_portal/sessions", create_portal_session)
    app.router.add_post("/_test/checkout/{id}/complete", complete_checkout)
    app.router.add_post("/_test/subscriptions/{id}/fail_renewal", fail_renewal)
    app.router.add_post("/_test/fail_next", fail_next)
    app.router.add_get("/_test/requests", requests_log)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", args.port))
    # Connections made as soon as the port is announced wait in the backlog.
    sock.listen(128)

    async def announce(_app):
        print("listening on %d" % sock.getsockname()[1], flush=True)

    app.on_startup.append(announce)
    web.run_app(app, sock=sock, print=None, access_log=None)


if __name__ == "__main__":
    sys.exit(main())
