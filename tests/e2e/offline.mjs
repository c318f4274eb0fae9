// Adding expenses without a connection, on a phone (390 px). Run by
// tests/requests/browser.rs:
//   node offline.mjs <base url> <password>
// Ann signs up, creates a household and opens the add page; once the
// service worker controls it, the device goes offline: a page not opened
// before shows the offline page, the add page reloads from the device, and
// two expenses added wait on the device. Back online they are sent (the
// script waits until the page says so); the caller then checks through the
// API that each was added exactly once, and that an expense another member
// left waiting on the device was not sent as Ann's. Last, on "lie-fi" (the
// device online but no answer coming back) an expense added waits on the
// device too, and is sent once answers come again. Console errors fail the
// run.
import { start } from "./lib.mjs";

const [base, password] = process.argv.slice(2);
const { problems, open, check, finish } = await start(base, password);
const today = new Date().toISOString().slice(0, 10);

async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

function expect(condition, what) {
  if (!condition) problems.push(what);
}

const page = await open(390);
const context = page.context();
await page.goto(`${base}/signup`);
await page.fill("input[name=name]", "Ann");
await page.fill("input[name=email]", "ann@example.com");
await page.fill("input[name=password]", password);
await submit(page, "button[type=submit]");
await page.goto(`${base}/w`);
await page.fill("#name", "Flat");
await submit(page, "button:has-text('Create workspace')");
const ws = new URL(page.url()).pathname;

await page.goto(`${base}${ws}/expenses/new`);
await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
// Opened once more under the worker's control, so that it keeps it.
await page.reload();
await page.waitForSelector("h1:has-text('Add an expense')");

await context.setOffline(true);
await page.goto(`${base}${ws}/budgets`);
await page.waitForSelector("h1:has-text('You are offline')");
await check(page, "offline-page-390");

await page.goto(`${base}${ws}/expenses/new`);
await page.waitForSelector("h1:has-text('Add an expense')");
for (const [amount, description, waiting] of [["12.50", "Bread, offline", "1"], ["3.20", "Milk, offline", "2"]]) {
  await page.fill("#new-amount", amount);
  await page.fill("#new-date", today);
  await page.fill("#new-description", description);
  await page.click("form.add-expense button[type=submit]");
  await page.waitForSelector("#offline-queue:has-text('Saved on this device; it will be sent when you are back online.')");
  await page.waitForFunction((n) => document.querySelector("#offline-queue .offline-count").textContent === n, waiting);
  expect(await page.inputValue("#new-description") === "", "the form is emptied for the next expense");
}
await check(page, "offline-waiting-390");

// Still offline: the page reloads from the device, the two still waiting.
await page.reload();
await page.waitForSelector("h1:has-text('Add an expense')");
await page.waitForSelector("#offline-queue .offline-waiting:not([hidden]) >> text=2");

await context.setOffline(false);
await page.waitForSelector("#offline-queue:has-text('The expenses saved on this device were sent.')", { timeout: 15000 });
await page.waitForSelector("#offline-queue .offline-waiting", { state: "hidden", timeout: 15000 });
await check(page, "offline-sent-390");

// Opened again online, nothing is left to send twice.
await page.goto(`${base}${ws}/expenses`);
await page.waitForSelector("text=Bread, offline");
await page.waitForSelector("text=Milk, offline");
const left = await page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open("smartexpense-offline", 1);
  open.onsuccess = () => {
    const all = open.result.transaction("expenses").objectStore("expenses").getAll();
    all.onsuccess = () => resolve(all.result.length);
  };
  open.onerror = () => resolve(-1);
}));
expect(left === 0, `${left} expenses left on the device`);

// An expense another member left waiting on this device (the same form,
// filed under someone else) is neither shown to Ann nor sent as hers.
await page.goto(`${base}${ws}/expenses/new`);
await page.evaluate(() => new Promise((resolve, reject) => {
  const form = document.querySelector("form.add-expense");
  const fields = [...new FormData(form).entries()]
    .filter(([name, value]) => name !== "_csrf" && !(value instanceof File))
    .map(([name, value]) => [name, name === "description" ? "Someone else's" : name === "amount" ? "99.00" : value]);
  const open = indexedDB.open("smartexpense-offline", 1);
  open.onsuccess = () => {
    const tx = open.result.transaction("expenses", "readwrite");
    tx.objectStore("expenses").put({
      key: crypto.randomUUID(), action: new URL(form.action, location.href).pathname, fields,
      description: "Someone else's", amount: "99.00", saved_at: new Date().toISOString(),
      state: "waiting", member: "another-member",
    });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  };
  open.onerror = () => reject(open.error);
}));
await page.reload();
await page.waitForLoadState("networkidle");
expect(await page.isHidden("#offline-queue .offline-waiting"), "another member's expense is shown to Ann");
const kept = await page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open("smartexpense-offline", 1);
  open.onsuccess = () => {
    const all = open.result.transaction("expenses").objectStore("expenses").getAll();
    all.onsuccess = () => resolve(all.result.map((e) => `${e.member}:${e.state}`).join(","));
  };
  open.onerror = () => resolve("unreadable");
}));
expect(kept === "another-member:waiting", `another member's expense was not left waiting: ${kept}`);

// Lie-fi: the phone says it is online, but nothing comes back. The add
// form waits for a small request, then keeps the expense on the device;
// once requests get through again it is sent. (A context without the
// service worker, so that the test's routing sees every request.)
const lieFi = await open(390, { storageState: await context.storageState(), serviceWorkers: "block" });
await lieFi.goto(`${base}${ws}/expenses/new`);
await lieFi.waitForSelector("h1:has-text('Add an expense')");
const stalled = [];
await lieFi.route("**/*", (route) => { stalled.push(route); });
await lieFi.fill("#new-amount", "2.80");
await lieFi.fill("#new-date", today);
await lieFi.fill("#new-description", "Coffee, lie-fi");
// Sent twice at once (Enter pressed twice; the busy button itself takes
// no second tap): it is kept once.
await lieFi.evaluate(() => {
  const form = document.querySelector("form.add-expense");
  form.requestSubmit();
  form.requestSubmit();
});
await lieFi.waitForSelector("#offline-queue:has-text('Saved on this device; it will be sent when you are back online.')", { timeout: 15000 });
// The second, seconds before the first was kept, asked nothing more.
const probes = stalled.filter((r) => new URL(r.request().url()).pathname === "/_ping").length;
expect(probes === 1, `a double submit on lie-fi probed ${probes} times`);
const keptOnce = await lieFi.textContent("#offline-queue .offline-count");
expect(keptOnce === "1", `a double submit on lie-fi kept ${keptOnce} expenses`);
expect(stalled.every((r) => r.request().method() === "GET"), "the form was posted through the stalled connection");
await lieFi.unroute("**/*");
for (const route of stalled) await route.abort().catch(() => {});
await lieFi.reload();
await lieFi.waitForSelector("#offline-queue:has-text('The expenses saved on this device were sent.')", { timeout: 15000 });
await check(lieFi, "offline-lie-fi-sent-390");
console.log(ws);

await finish();
