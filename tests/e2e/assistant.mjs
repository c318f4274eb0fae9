// A member asks the assistant on the overview page, gets the figure, then
// describes an expense and confirms the prefilled form. Run by
// tests/requests/browser.rs: node assistant.mjs <base url> <email> <password> <workspace path>
// Screenshots go to target/e2e/; console errors or overflow at 360 px or
// 1280 px fail the run.
import { start } from "./lib.mjs";

const [base, email, password, workspace] = process.argv.slice(2);
const { problems, open, logIn, check, finish } = await start(base, password);

async function ask(page, message) {
  const before = await page.locator("#assistant-log .exchange").count();
  await page.fill("#assistant-message", message);
  await page.click("#assistant form.assistant-form button");
  await page.locator("#assistant-log .exchange").nth(before).waitFor();
  if ((await page.inputValue("#assistant-message")) !== "") problems.push("the message box was not emptied after asking");
  return page.locator("#assistant-log .exchange").nth(before);
}

for (const width of [360, 1280]) {
  const page = await open(width);
  await logIn(page, email);
  await page.goto(`${base}${workspace}`);
  await page.click("summary:has-text('Ask the assistant')");
  const total = await ask(page, "how much did we spend this month?");
  const text = await total.locator(".answer").innerText();
  if (!text.includes("You spent €12.00")) problems.push(`${width}: the answer was "${text}"`);
  await check(page, `assistant-answer-${width}`);

  const draft = await ask(page, "coffee 4.50 yesterday");
  await draft.locator("form.assistant-draft").waitFor();
  await check(page, `assistant-draft-${width}`);
  if (width === 1280) {
    await Promise.all([page.waitForNavigation(), draft.locator("button:has-text('Add this expense')").click()]);
    await page.waitForSelector("text=Added \"Coffee\"");
    await check(page, `assistant-added-${width}`);
  }
}

await finish();
