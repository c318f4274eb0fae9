// The main flows in a browser, as a household uses the app. Run by
// tests/requests/browser.rs in two parts:
//   node main_flows.mjs <base> owner <password> <csv file>
//     Ann signs up, creates a household, invites Bob, adds, edits (htmx),
//     deletes and restores (htmx) expenses, filters, sets a budget and sees
//     its alert in the notifications, imports a CSV with its progress, and
//     sees the dashboard's charts; then every main page at 360 px.
//   node main_flows.mjs <base> joiner <password> <invitation path>
//     Bob opens the invitation, signs up and joins.
// Screenshots of every page go to target/e2e/; a console error or a page
// wider than the window (360 or 1280 px) fails the run.
import { start } from "./lib.mjs";

const [base, part, password, extra] = process.argv.slice(2);
const { problems, open, logIn, check, finish } = await start(base, password);
const today = new Date().toISOString().slice(0, 10);

async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

function expect(condition, what) {
  if (!condition) problems.push(what);
}

async function addExpense(page, ws, amount, description) {
  await page.goto(`${base}${ws}/expenses`);
  await page.click("summary:has-text('Add an expense')");
  await page.fill("#new-amount", amount);
  await page.fill("#new-date", today);
  await page.fill("#new-description", description);
  await submit(page, "form:has(#new-amount) button:has-text('Add expense')");
  await page.waitForSelector(`text=Added "${description}"`);
}

if (part === "owner") {
  const page = await open(1280);
  await page.goto(`${base}/signup`);
  await page.fill("input[name=name]", "Ann");
  await page.fill("input[name=email]", "ann@example.com");
  await page.fill("input[name=password]", password);
  await check(page, "signup-1280");
  await submit(page, "button[type=submit]");

  await page.goto(`${base}/w`);
  await page.fill("#name", "Flat");
  await check(page, "workspaces-1280");
  await submit(page, "button:has-text('Create workspace')");
  const ws = new URL(page.url()).pathname;
  expect(/^\/w\/[0-9a-f-]{36}$/.test(ws), `creating the household led to ${ws}`);

  await page.goto(`${base}${ws}/members`);
  await page.fill("#invite-email", "bob@example.com");
  await submit(page, "button:has-text('Send invitation')");
  await page.waitForSelector("text=bob@example.com");
  await check(page, "members-1280");

  await addExpense(page, ws, "42.00", "Groceries run");
  await addExpense(page, ws, "15.00", "Cinema");
  await addExpense(page, ws, "2.50", "Bus ticket");
  await check(page, "expenses-1280");

  // Edit in place: htmx swaps the row for a form and back.
  const groceries = page.locator("tr", { hasText: "Groceries run" });
  await groceries.locator("a:has-text('Edit')").click();
  const editing = page.locator("tr:has(input[name=amount])");
  await editing.locator("input[name=amount]").fill("45.50");
  await editing.locator("button:has-text('Save')").click();
  await page.locator("tr", { hasText: "Groceries run" }).locator("text=45.50").waitFor();
  expect(page.url().endsWith("/expenses"), "the inline edit navigated away");

  // Delete in place, then undo: the offer to undo outlives the live
  // refresh that follows one's own change.
  await page.locator("tr", { hasText: "Cinema" }).locator("button:has-text('Delete')").click();
  await page.waitForSelector("text=Deleted “Cinema”");
  await page.waitForTimeout(1500);
  await check(page, "expenses-deleted-1280");
  await page.locator("button:has-text('Undo')").first().click();
  await page.locator("tr", { hasText: "Cinema" }).locator("a:has-text('Edit')").waitFor();

  // Filter: the list narrows without a page load.
  await page.click("summary:has-text('Filter and sort')");
  await page.fill("#f-q", "groceries");
  await page.click("button:has-text('Filter')");
  await page.waitForFunction(() => !document.querySelector("#expense-list").textContent.includes("Bus ticket"));
  expect(page.url().includes("q=groceries"), `the filter is not in the address: ${page.url()}`);
  await check(page, "expenses-filtered-1280");

  // A budget, crossed by the next expense: the bell and the notification.
  await page.goto(`${base}${ws}/budgets`);
  await page.fill("#b-name", "Food");
  await page.fill("#b-amount", "50");
  await submit(page, "button:has-text('Set budget')");
  await addExpense(page, ws, "10.00", "Snacks");
  await page.goto(`${base}${ws}`);
  const unread = await page.locator(".bell .count").innerText();
  expect(Number(unread) >= 1, `the bell shows "${unread}"`);
  await submit(page, ".bell");
  await page.waitForSelector("text=Food");
  await check(page, "notifications-1280");

  // Import a CSV: upload, map, start, watch the progress.
  await page.goto(`${base}${ws}/imports`);
  await page.setInputFiles("#i-file", extra);
  await check(page, "import-1280");
  await submit(page, "button:has-text('Upload and preview')");
  await page.selectOption("#m-date_column", "date");
  await page.selectOption("#m-amount_column", "amount");
  await page.selectOption("#m-description_column", "description");
  await page.selectOption("#m-date-format", "ymd");
  await check(page, "import-preview-1280");
  await submit(page, "button:has-text('Import')");
  await page.waitForSelector("text=expenses imported", { timeout: 60000 });
  await check(page, "import-done-1280");

  // A receipt: from the list's link, choosing the file sends it (no
  // button press); the job makes its thumbnail.
  await page.goto(`${base}${ws}/expenses`);
  await page.locator("tr", { hasText: "Snacks" }).locator("a:has-text('Add receipt')").click();
  await page.setInputFiles("#receipt-file", {
    name: "snacks.png",
    mimeType: "image/png",
    buffer: Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    ),
  });
  await page.waitForSelector("text=Receipt attached.");
  // The section refreshes itself while the thumbnail is made.
  await page.waitForSelector("img[alt='Receipt snacks.png']", { timeout: 30000 });
  await check(page, "receipts-1280");
  const receiptsPage = `${new URL(page.url()).pathname.replace(/\/edit$/, "")}/receipts`;

  // The dashboard draws its charts.
  await page.goto(`${base}${ws}`);
  const charts = await page.locator("svg.chart").count();
  expect(charts >= 2, `the dashboard shows ${charts} charts`);
  await check(page, "dashboard-1280");

  // Every main page on a phone.
  const phone = await open(360);
  await logIn(phone, "ann@example.com");
  for (const [name, path] of [
    ["dashboard", ws], ["expenses", `${ws}/expenses`], ["budgets", `${ws}/budgets`],
    ["reports", `${ws}/reports`], ["balances", `${ws}/balances`], ["members", `${ws}/members`],
    ["imports", `${ws}/imports`], ["categories", `${ws}/categories`], ["recurring", `${ws}/recurring`],
    ["notifications", `${ws}/notifications`], ["settings", `${ws}/settings`], ["account", "/account"],
    ["receipts", receiptsPage],
  ]) {
    await phone.goto(`${base}${path}`);
    await check(phone, `${name}-360`);
  }
} else if (part === "joiner") {
  const page = await open(360);
  await page.goto(`${base}${extra}`);
  await check(page, "invitation-360");
  await submit(page, "article a:has-text('Sign up')");
  await page.fill("input[name=name]", "Bob");
  await page.fill("input[name=password]", password);
  await submit(page, "button[type=submit]");
  if (!page.url().includes("/invitations/")) await page.goto(`${base}${extra}`);
  await submit(page, "button:has-text('Join')");
  await page.waitForSelector("text=Flat");
  await check(page, "joined-360");
} else {
  throw new Error(`unknown part ${part}`);
}

await finish();
