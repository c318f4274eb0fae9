// Accessibility: axe-core on every kind of page, at 360 and 1280 px, light
// and dark, and in German at 390 px, signed out, signed in and in the
// operators' console (the member is a superadmin); the layout and a
// screenshot also at 390 px, light and dark. Run by tests/requests/browser.rs:
//   node a11y.mjs <base> <password> <email> <workspace path>
// Pages are found by following the links of the workspace's and the
// console's pages (one page of each kind: ids are replaced by a
// placeholder), plus the signed-out pages. A serious or critical finding fails the run and names the rule, the
// page and the elements; a screenshot of every page in every mode is saved
// (a11y-<page>-<width>-<scheme>.png).
import { axeFindings, start } from "./lib.mjs";

const [base, password, email, ws] = process.argv.slice(2);
const { problems, open, logIn, check, finish } = await start(base, password);

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\/\d+(?=\/|$)/g;
const kind = (path) => path.split("?")[0].replace(ID, (m) => (m.startsWith("/") ? "/:n" : ":id"));
const slug = (path) => (kind(path) === "/w" ? "workspaces" : kind(path).replace(/^\/w\/:id/, "w").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")) || "home";

// Paths that change something on GET or leave the app.
const skip = (path) => /logout|\/download|\/export|\.csv|\.json|\/archive|\/receipts\/[^/]+\/(file|thumbnail)|\/live|\/events|^\/api|^\/static|^\/_dev/.test(path);

// axe where `axe` is set; every mode checks the layout and saves a
// screenshot.
async function audit(page, path, label, axe) {
  await page.goto(`${base}${path}`);
  if (axe) for (const finding of await axeFindings(page)) problems.push(`${label} ${path}: ${finding}`);
  await check(page, `a11y-${slug(path)}-${label}`);
}

// The pages a member reaches: every kind of page linked from the workspace.
const finder = await open(1280);
await logIn(finder, email);
const pages = new Map();
const queue = [ws, "/account", "/w", "/admin"];
const followed = (path) => path.startsWith(ws) || path.startsWith("/admin");
while (queue.length && pages.size < 80) {
  const path = queue.shift();
  if (pages.has(kind(path)) || skip(path)) continue;
  // A link that downloads a file is no page.
  const response = await finder.goto(`${base}${path}`).catch(() => null);
  if (!response || !response.ok() || !(response.headers()["content-type"] || "").startsWith("text/html")) continue;
  pages.set(kind(path), path);
  if (!followed(path)) continue;
  const links = await finder.$$eval("a[href^='/']", (as) => as.map((a) => a.getAttribute("href")));
  for (const href of links) if (followed(href) && !href.includes("#")) queue.push(href);
}
if (![...pages.keys()].some((k) => k.startsWith("/admin/users/"))) problems.push("the console's user page was not found");
if (pages.size < 12) problems.push(`only ${pages.size} pages found: ${[...pages.values()].join(", ")}`);

// One sign-in for every mode: five in a minute would spend the account's
// login budget.
const signedIn = await finder.context().storageState();
// 390 px is the phone the first-day walk uses; its screenshots and the
// 1280 px ones are the design's record.
// axe runs at 360 and 1280 px, and on the pages in German at 390 px (whose
// words run longest: a label or a button that no longer fits shows there);
// at 390 px in English the pages are checked for layout and photographed.
const modes = [360, 390, 1280].flatMap((width) => ["light", "dark"].map((colorScheme) => ({ width, colorScheme, axe: width !== 390 })));
modes.push({ width: 390, colorScheme: "light", language: "de-DE", axe: true });
for (const { width, colorScheme, language, axe } of modes) {
  const label = `${width}-${colorScheme}${language ? `-${language.slice(0, 2)}` : ""}`;
  const headers = language ? { extraHTTPHeaders: { "accept-language": language }, locale: language } : {};
  const visitor = await open(width, { colorScheme, ...headers });
  for (const path of ["/login", "/signup", "/forgot-password"]) await audit(visitor, path, label, axe);
  const member = await open(width, { colorScheme, storageState: signedIn, ...headers });
  for (const path of pages.values()) await audit(member, path, label, axe);
}
console.log(`checked ${pages.size + 3} pages in ${modes.length} modes`);
await finish();
