// Settling up in a browser, on a phone (390 px) and a desktop (1280 px).
// Run by tests/requests/browser.rs:
//   node balances.mjs <base url> <email> <password> <workspace path>
// The workspace has a debt of Bob's to the signed-in member (Ann). At each
// width: the balances page, Bob's balance explained, then the suggested
// payment recorded as the form offers it (on the phone, the last), which
// leaves everyone settled up. Screenshots go to target/e2e/; console
// errors or overflow fail the run.
import { start } from "./lib.mjs";

const [base, email, password, workspace] = process.argv.slice(2);
const { problems, open, logIn, check, finish } = await start(base, password);

for (const width of [1280, 390]) {
  const page = await open(width);
  await logIn(page, email);
  await page.goto(`${base}${workspace}/balances`);
  await check(page, `balances-${width}`);

  await Promise.all([page.waitForNavigation(), page.click("table a:has-text('Bob')")]);
  await page.waitForSelector("h1:has-text('Bob')");
  await check(page, `balance-explained-${width}`);

  await page.goto(`${base}${workspace}/balances`);
  if (width === 390) {
    const amount = await page.inputValue("#s-amount");
    if (amount !== "12.50") problems.push(`the form suggested "${amount}", not 12.50`);
    await Promise.all([page.waitForNavigation(), page.click("button:has-text('Record payment')")]);
    await page.waitForSelector("text=Payment recorded.");
    await page.waitForSelector("text=Everyone is settled up");
    await check(page, `balances-settled-${width}`);
  }
}

await finish();
