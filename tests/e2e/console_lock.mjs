// A superadmin finds a user in the console, locks them, and the user's
// open session ends. Run by tests/requests/browser.rs against the app on
// loopback: node console_lock.mjs <base url> <admin email> <user email> <password>
// Screenshots go to target/e2e/; any console error or horizontal overflow
// (broken layout) at 360 px or 1280 px fails the run.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, adminEmail, userEmail, password] = process.argv.slice(2);
const shots = process.env.E2E_SCREENSHOTS || "target/e2e";
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const problems = [];

async function open(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error on ${page.url()}: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => d.accept());
  return page;
}

async function logIn(page, email) {
  await page.goto(`${base}/login`);
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
}

async function check(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) {
    // Name the widest elements that stick out, to say what to fix.
    const culprits = await page.evaluate(() => [...document.body.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">${(e.textContent || "").trim().slice(0, 40)}`));
    problems.push(`${name}: wider than the window by ${overflow}px: ${culprits.join(" | ")}`);
  }
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

// The user is signed in and working.
const user = await open(1280);
await logIn(user, userEmail);
await user.goto(`${base}/w`);
if (user.url().includes("/login")) throw new Error("the user is not signed in");

for (const width of [1280, 360]) {
  const admin = await open(width);
  await logIn(admin, adminEmail);
  await admin.goto(`${base}/admin`);
  await check(admin, `console-overview-${width}`);
  await admin.click("nav >> text=Users");
  await admin.fill("input[name=q]", userEmail.split("@")[0]);
  await Promise.all([admin.waitForNavigation(), admin.click("form[role=search] button")]);
  await check(admin, `console-users-${width}`);
  // The name in the result row links to the account's page.
  await Promise.all([admin.waitForNavigation(), admin.click("table tbody a")]);
  await check(admin, `console-user-${width}`);
  if (width === 360) break;
  // Lock: the button opens a confirmation; confirming posts the form.
  await admin.click("summary:has-text('Lock account')");
  await Promise.all([admin.waitForNavigation(), admin.click("button:has-text('Yes, lock the account')")]);
  await admin.waitForSelector("text=is locked");
  await check(admin, `console-user-locked-${width}`);
}

// The user's session is over: the next page is the login page.
await user.goto(`${base}/w`);
if (!user.url().includes("/login")) problems.push(`the locked user still sees ${user.url()}`);
await user.screenshot({ path: `${shots}/locked-user-after.png` });

await browser.close();
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("ok");
