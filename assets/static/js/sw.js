// SmartExpense's service worker, served at /sw.js (scope: the whole app).
// - At install it keeps the app's frame: styles, scripts, icons and the
//   page that says what still works offline.
// - Pages (navigations) come from the network first; each one a member
//   opened is kept for reading offline (the newest PAGES_KEPT), and shown
//   from the device when the network fails, else the offline page.
// - Nothing else is kept: no API answer, no htmx fragment, no POST; and the
//   kept pages go when the member logs out.
// A new deploy bumps VERSION: the new worker replaces the old caches.
const VERSION = "v2";
const SHELL = `smartexpense-shell-${VERSION}`;
const PAGES = `smartexpense-pages-${VERSION}`;
const PAGES_KEPT = 40;
const OFFLINE_PAGE = "/offline";
const SHELL_FILES = [
  OFFLINE_PAGE,
  "/static/css/pico-2.1.1.jade.min.css",
  "/static/css/app.css",
  "/static/js/htmx-2.0.11.min.js",
  "/static/js/htmx-ext-sse-2.2.4.min.js",
  "/static/js/receipts.js",
  "/static/js/offline.js",
  "/static/icons/icon.svg",
  "/static/icons/icon-192.png",
  "/static/icons/icon-512.png",
  "/manifest.webmanifest",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL)
      .then((cache) => cache.addAll(SHELL_FILES.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((name) => name.startsWith("smartexpense-") && name !== SHELL && name !== PAGES)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// Keeps the newest PAGES_KEPT pages (the cache lists them oldest first).
async function keepPage(request, response) {
  const cache = await caches.open(PAGES);
  await cache.delete(request);
  await cache.put(request, response);
  const kept = await cache.keys();
  await Promise.all(kept.slice(0, Math.max(0, kept.length - PAGES_KEPT)).map((old) => cache.delete(old)));
}

async function page(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    // Only a page as the member saw it: not an error, not a redirect
    // elsewhere (to the login form, say).
    if (response.ok && response.type === "basic" && !response.redirected
        && (response.headers.get("content-type") || "").startsWith("text/html")) {
      event.waitUntil(keepPage(request, response.clone()));
    }
    return response;
  } catch (offline) {
    const kept = await caches.match(request, { cacheName: PAGES, ignoreVary: true });
    if (kept) return kept;
    const fallback = await caches.match(OFFLINE_PAGE, { cacheName: SHELL });
    return fallback || Response.error();
  }
}

// The frame's files: from the network when there is one (so that a fixed
// style is seen at once), else as kept.
async function shellFile(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(SHELL).then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch (offline) {
    const kept = await caches.match(request, { cacheName: SHELL, ignoreSearch: true });
    return kept || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // Logging out forgets the pages kept for this member.
    if (request.method === "POST" && url.pathname === "/logout") {
      event.waitUntil(caches.delete(PAGES));
    }
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (SHELL_FILES.includes(url.pathname) && url.pathname !== OFFLINE_PAGE) {
    event.respondWith(shellFile(event));
  }
});
