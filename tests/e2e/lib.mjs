// What the browser scripts share: Debian's Chromium through playwright-core,
// pages that record console errors, signing in, a check for broken layout
// that also saves a screenshot under target/e2e/, and axe-core's findings.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// axe-core's serious and critical findings on the page as it is now:
// "impact rule (help): the first elements".
export async function axeFindings(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

export async function start(base, password) {
  const shots = process.env.E2E_SCREENSHOTS || "target/e2e";
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  const problems = [];

  // `options`: more of Playwright's context options (colorScheme, locale).
  async function open(width, options = {}) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
    const page = await context.newPage();
    // Name the element behind a Content-Security-Policy violation.
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => {
      const element = e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 160) : String(e.target);
      console.error(`CSP ${e.violatedDirective} blocked at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} on ${element}`);
    }));
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

  // Any horizontal overflow is broken layout; name what sticks out.
  async function check(page, name) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) {
      const culprits = await page.evaluate(() => [...document.body.querySelectorAll("*")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3)
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">${(e.textContent || "").trim().slice(0, 40)}`));
      problems.push(`${name}: wider than the window by ${overflow}px: ${culprits.join(" | ")}`);
    }
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  }

  async function finish() {
    await browser.close();
    if (problems.length) {
      console.error(problems.join("\n"));
      process.exit(1);
    }
    console.log("ok");
  }

  return { shots, problems, open, logIn, check, finish };
}
