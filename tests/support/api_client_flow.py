"""A client generated from /api/openapi.json by openapi-python-client,
driving what an integration would do: sign in, make a workspace, add
expenses, read the list page by page, and read a refusal as data.

Usage: api_client_flow.py <package parent dir> <base url> <email> <password>
Prints one JSON line with what it saw; exits non-zero on any surprise.
"""

import datetime
import json
import sys
from decimal import Decimal

sys.path.insert(0, sys.argv[1])
base_url, email, password = sys.argv[2:5]

# The generated package: every name below comes from the document.
from smartexpense_client import AuthenticatedClient, Client  # noqa: E402
from smartexpense_client.api.auth import current, login  # noqa: E402
from smartexpense_client.api.categories import categories_list  # noqa: E402
from smartexpense_client.api.expenses import create_expenses, list_expenses  # noqa: E402
from smartexpense_client.api.workspaces import create_workspaces  # noqa: E402
from smartexpense_client.models import (  # noqa: E402
    CreateParams,
    Error,
    ExpenseListResponse,
    ExpenseResponse,
    LoginParams,
    NewExpenseParams,
    LoginResponse,
    UserResponse,
    WorkspaceKind,
    WorkspaceResponse,
)
from smartexpense_client.types import UNSET  # noqa: E402


def expect(condition, what):
    if not condition:
        sys.exit(f"generated client: {what}")


anonymous = Client(base_url=base_url, raise_on_unexpected_status=True)
signed_in = login.sync(client=anonymous, body=LoginParams(email=email, password=password))
expect(isinstance(signed_in, LoginResponse), f"login answered {signed_in!r}")
client = AuthenticatedClient(
    base_url=base_url, token=signed_in.token, raise_on_unexpected_status=True
)

me = current.sync(client=client)
expect(isinstance(me, UserResponse) and me.email == email, f"current user is {me!r}")

workspace = create_workspaces.sync(
    client=client,
    body=CreateParams(
        name="Generated household", kind=WorkspaceKind.HOUSEHOLD, currency="EUR"
    ),
)
expect(isinstance(workspace, WorkspaceResponse), f"workspace answered {workspace!r}")

amounts = ["12.50", "3.20", "40.00", "7.05", "0.99"]
for day, amount in enumerate(amounts, start=1):
    made = create_expenses.sync(
        workspace.id,
        client=client,
        body=NewExpenseParams(
            amount=amount, date=datetime.date(2026, 11, day), description=f"Item {day}"
        ),
    )
    expect(isinstance(made, ExpenseResponse), f"expense answered {made!r}")

# The whole list, two at a time, newest first, by following next_cursor.
seen, pages, cursor = [], 0, UNSET
while True:
    page = list_expenses.sync(workspace.id, client=client, limit=2, cursor=cursor)
    expect(isinstance(page, ExpenseListResponse), f"list answered {page!r}")
    pages += 1
    expect(len(page.items) <= 2, f"a page of {len(page.items)} items for limit 2")
    expect(page.count == len(amounts), f"count {page.count} on page {pages}")
    expect(
        Decimal(page.total) == sum(Decimal(a) for a in amounts),
        f"total {page.total} on page {pages}",
    )
    seen.extend(item.amount for item in page.items)
    if not page.next_cursor:
        break
    cursor = page.next_cursor
expect(seen == list(reversed(amounts)), f"pages held {seen}")

# Every list pages the same way.
categories = categories_list.sync(workspace.id, client=client, limit=1)
expect(len(categories.items) <= 1, "categories ignore limit")

# A refusal is data: the shared Error schema, naming the field.
refused = create_expenses.sync_detailed(
    workspace.id,
    client=client,
    body=NewExpenseParams(
        amount="12.345", date=datetime.date(2026, 11, 30), description="Too precise"
    ),
)
expect(refused.status_code == 422, f"a bad amount answered {refused.status_code}")
expect(isinstance(refused.parsed, Error), f"the refusal parsed as {refused.parsed!r}")
expect(refused.parsed.error == "validation_failed", f"error code {refused.parsed.error}")
messages = refused.parsed.errors.additional_properties.get("amount")
expect(messages, f"no message for amount in {refused.parsed.errors!r}")

print(
    json.dumps(
        {
            "workspace": workspace.id,
            "pages": pages,
            "amounts": seen,
            "refusal": {"error": refused.parsed.error, "amount": messages},
        }
    )
)
