// A superadmin finds a user in the console, locks them, and the user's
// open session ends. Run by tests/requests/browser.rs against the app on
// loopback: node console_lock.mjs <base url> <admin email> <user email> <password>
// Screenshots go to target/e2e/; any console error or horizontal overflow
// (broken layout) at 360 px or 1280 px fails the run.
import { start } from "./lib.mjs";

const [base, adminEmail, userEmail, password] = process.argv.slice(2);
const { shots, problems, open, logIn, check, finish } = await start(base, password);

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

await finish();
