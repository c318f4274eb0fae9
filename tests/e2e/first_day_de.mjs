// A German household's first day on a phone (390 px, browser set to
// German), in three parts run by tests/requests/browser.rs:
//   node first_day_de.mjs <base> <password> owner <unused>
//     Anna signs up, creates the household and invites Ben.
//   node first_day_de.mjs <base> <password> joiner <invitation path>
//     Ben opens the invitation, signs up and joins.
//   node first_day_de.mjs <base> <password> day <bank file>
//     Anna adds 12,50 from the quick-add sheet (shared as the household
//     shares), imports the bank's file as the importer suggests, and
//     records that Ben paid part of what he owes.
// Every page is German, has no console error and no serious axe-core
// finding; each step saves a screenshot (first-day-de-*.png).
import { axeFindings, start } from "./lib.mjs";

const [base, password, part, extra] = process.argv.slice(2);
const { problems, open, check, finish } = await start(base, password);

async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

// German, accessible, and a screenshot.
async function step(page, name) {
  const lang = await page.getAttribute("html", "lang");
  if (lang !== "de") problems.push(`${name}: the page is in "${lang}", not German`);
  for (const f of await axeFindings(page)) problems.push(`${name}: ${f}`);
  await check(page, `first-day-de-${name}`);
}

const german = { locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9" } };

if (part === "owner") {
  const page = await open(390, german);
  await page.goto(`${base}/signup`);
  await step(page, "signup");
  await page.fill("input[name=name]", "Anna");
  await page.fill("input[name=email]", "anna@example.com");
  await page.fill("input[name=password]", password);
  await submit(page, "form button[type=submit]");

  await page.goto(`${base}/w`);
  await step(page, "workspaces");
  await page.fill("#name", "Wohnung");
  await submit(page, "form:has(#name) button[type=submit]");
  const ws = new URL(page.url()).pathname;
  if (!/^\/w\/[0-9a-f-]{36}$/.test(ws)) problems.push(`creating the household led to ${ws}`);
  await step(page, "overview-empty");

  await page.goto(`${base}${ws}/members`);
  await page.fill("#invite-email", "ben@example.com");
  await submit(page, "form:has(#invite-email) button[type=submit]");
  await page.waitForSelector("text=ben@example.com");
  await step(page, "members");
} else if (part === "joiner") {
  const page = await open(390, german);
  await page.goto(`${base}${extra}`);
  await step(page, "invitation");
  await submit(page, "article a[href^='/signup']");
  await page.fill("input[name=name]", "Ben");
  await page.fill("input[name=password]", password);
  await submit(page, "form button[type=submit]");
  if (!page.url().includes("/invitations/")) await page.goto(`${base}${extra}`);
  await submit(page, "form[action*='/invitations/'] button[type=submit]");
  await page.waitForSelector("text=Wohnung");
} else if (part === "day") {
  const page = await open(390, german);
  await page.goto(`${base}/login`);
  await page.fill("input[name=email]", "anna@example.com");
  await page.fill("input[name=password]", password);
  await submit(page, "form button[type=submit]");
  await page.goto(`${base}/w`);
  await submit(page, "main a[href^='/w/']");
  const ws = new URL(page.url()).pathname.match(/^\/w\/[0-9a-f-]{36}/)[0];

  // Quick-add from the bottom bar, with a decimal comma.
  await page.goto(`${base}${ws}/expenses`);
  await page.click(".bottom-bar a[href='#quick-add']");
  await page.waitForSelector("#qa-amount", { state: "visible" });
  await step(page, "quick-add");
  await page.fill("#qa-amount", "12,50");
  await page.fill("#qa-description", "Bäckerei");
  await submit(page, ".quick-add-form button[type=submit]");
  await page.waitForSelector("text=12,50");
  await step(page, "expenses");

  // The bank's file, imported as the importer suggests.
  await page.goto(`${base}${ws}/imports`);
  await page.setInputFiles("#i-file", extra);
  await submit(page, "form:has(#i-file) button[type=submit]");
  await step(page, "import-preview");
  await submit(page, "form[action$='/start'] button[type=submit]");
  // Done: the progress stops polling, or the page already shows the result.
  await page.waitForSelector("#import-progress:not([hx-get]), p.flash.notice a[href$='/expenses']", { timeout: 60000 });
  await step(page, "import-done");

  // Ben pays part of what he owes.
  await page.goto(`${base}${ws}/balances`);
  await step(page, "balances");
  await page.selectOption("#s-from", { label: "Ben" });
  await page.selectOption("#s-to", { label: "Anna" });
  await page.fill("#s-amount", "3,00");
  await submit(page, "form:has(#s-amount) button[type=submit]");
  await page.waitForSelector(".flash");
  await step(page, "balances-settled-part");
  await page.goto(`${base}${ws}`);
  await step(page, "overview");
} else {
  throw new Error(`unknown part ${part}`);
}

await finish();
