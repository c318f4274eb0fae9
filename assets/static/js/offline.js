// Offline: registers the service worker (/sw.js), and lets an expense be
// added without a connection. A form marked data-offline="expense" that is
// submitted while the device is offline is kept on the device (IndexedDB)
// with a fresh Idempotency-Key, and the page says so, with how many wait.
// A device can say it is online while nothing gets through (a captive
// Wi-Fi, one bar of signal): before such a form is posted, a small request
// (/_ping) must come back within PROBE_MS, else the expense waits too.
// When the connection returns (the "online" event, and every page load),
// each waiting expense is sent once to the form's own address, with the
// session's CSRF token and its key: the server adds it once however often
// it is sent (a lost answer is sent again safely). One the server refuses
// as invalid (422) stays listed, to be added again with the form or
// discarded. Each expense waits for the member who saved it: another
// member signed in on the same device neither sees nor sends it. The texts
// and the member come from the page (#offline-queue's data-*).
(() => {
  "use strict";

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  }
  if (!("indexedDB" in window)) return;

  const DB_NAME = "smartexpense-offline";
  const STORE = "expenses";

  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  // Runs `work(store)` in one transaction; resolves with what its request
  // (if it returns one) gave, once the transaction is done.
  async function inStore(mode, work) {
    const db = await openDb();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => {
        db.close();
        resolve(request ? request.result : undefined);
      };
      tx.onerror = () => {
        db.close();
        reject(tx.error);
      };
    });
  }

  const box = document.getElementById("offline-queue");
  const member = box ? box.dataset.member || "" : "";

  // The signed-in member's, in the order they were saved.
  const all = () => inStore("readonly", (s) => s.getAll())
    .then((entries) => entries
      .filter((e) => e.member === member)
      .sort((a, b) => a.saved_at.localeCompare(b.saved_at)));
  const put = (entry) => inStore("readwrite", (s) => s.put(entry));
  const remove = (key) => inStore("readwrite", (s) => s.delete(key));

  function say(message) {
    if (!box) return;
    box.querySelector(".offline-message").textContent = message;
    box.hidden = false;
  }

  async function show() {
    if (!box) return;
    const entries = await all();
    const waiting = entries.filter((e) => e.state === "waiting");
    const refused = entries.filter((e) => e.state === "refused");
    box.querySelector(".offline-count").textContent = String(waiting.length);
    box.querySelector(".offline-waiting").hidden = waiting.length === 0;
    const list = box.querySelector(".offline-refused-list");
    list.replaceChildren(...refused.map((entry) => {
      const item = document.createElement("li");
      const what = document.createElement("span");
      what.textContent = `${box.dataset.refused} ${entry.description} (${entry.amount})`;
      const discard = document.createElement("button");
      discard.type = "button";
      discard.className = "secondary outline";
      discard.textContent = box.dataset.discard;
      discard.addEventListener("click", () => remove(entry.key).then(show));
      item.append(what, discard);
      return item;
    }));
    const message = box.querySelector(".offline-message").textContent;
    box.hidden = !message && waiting.length === 0 && refused.length === 0;
  }

  function csrfToken() {
    try {
      const headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      return headers["X-CSRF-Token"] || "";
    } catch (unreadable) {
      return "";
    }
  }

  // What the form holds, as name/value pairs (files as they are; an empty
  // file field and the CSRF field left out).
  function fields(form) {
    return [...new FormData(form).entries()].filter(([name, value]) =>
      name !== "_csrf" && !(value instanceof File && value.size === 0 && !value.name));
  }

  async function keep(form) {
    const pairs = fields(form);
    const value = (name) => (pairs.find(([n]) => n === name) || [])[1] || "";
    await put({
      key: crypto.randomUUID(),
      action: new URL(form.action, location.href).pathname,
      fields: pairs,
      description: String(value("description")),
      amount: String(value("amount")),
      saved_at: new Date().toISOString(),
      state: "waiting",
      member,
    });
    form.reset();
    say(box ? box.dataset.saved : "");
    await show();
  }

  const PROBE_MS = 4000;

  // Whether a request gets through now, within PROBE_MS.
  async function reachable() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PROBE_MS);
    try {
      const response = await fetch("/_ping", { cache: "no-store", signal: controller.signal });
      return response.ok;
    } catch (unreachable) {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  // Forms let through after a probe (their second submit goes on as
  // usual), forms being probed, and forms posted: until the page moves
  // on, another tap adds nothing (a slow answer is no reason to post the
  // expense twice).
  const probed = new WeakSet();
  const probing = new WeakSet();
  let posted = new WeakSet();
  // A page restored from the back-forward cache starts afresh.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) posted = new WeakSet();
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.offline !== "expense") return;
    if (probed.delete(form)) {
      posted.add(form);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (posted.has(form) || probing.has(form)) return;
    probing.add(form);
    const keepIt = () => keep(form)
      .catch(() => form.submit())
      .finally(() => probing.delete(form));
    if (!navigator.onLine) {
      keepIt();
      return;
    }
    const button = event.submitter;
    if (button) button.setAttribute("aria-busy", "true");
    reachable().then((up) => {
      if (button) button.removeAttribute("aria-busy");
      if (!up) return keepIt();
      probing.delete(form);
      probed.add(form);
      form.requestSubmit(button && button.form === form ? button : undefined);
      // Refused by the browser's own checks: no submit event came.
      probed.delete(form);
      return undefined;
    });
  }, true);

  // One expense sent: true when added (now or before), "refused" when the
  // server says it is invalid, false to try again later (no connection,
  // signed out, a busy key, a server error).
  async function send(entry) {
    const body = new FormData();
    for (const [name, value] of entry.fields) body.append(name, value);
    let response;
    try {
      response = await fetch(entry.action, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "Idempotency-Key": entry.key, "X-CSRF-Token": csrfToken() },
      });
    } catch (offline) {
      return false;
    }
    if (response.ok && new URL(response.url).pathname === entry.action) return true;
    if (response.status === 422) return "refused";
    return false;
  }

  let sending = null;
  async function sendWaiting() {
    const entries = (await all()).filter((e) => e.state === "waiting");
    let sent = 0;
    for (const entry of entries) {
      if (!navigator.onLine) break;
      const outcome = await send(entry);
      if (outcome === true) {
        await remove(entry.key);
        sent += 1;
      } else if (outcome === "refused") {
        await put({ ...entry, state: "refused" });
      }
    }
    if (sent > 0) say(box ? box.dataset.sent : "");
    await show();
  }

  function sendNow() {
    // Only from a signed-in member's page (the box is there).
    if (!navigator.onLine || !box || !csrfToken()) return sending;
    if (!sending) {
      sending = sendWaiting().catch(() => {}).finally(() => { sending = null; });
    }
    return sending;
  }

  // A page kept on the device may be days old: its add form's date, left
  // as it came, is today's.
  function freshDates() {
    const today = new Date();
    const local = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map((n) => String(n).padStart(2, "0")).join("-");
    for (const input of document.querySelectorAll('form[data-offline="expense"] input[name="date"]')) {
      if (input.value && input.value === input.defaultValue && input.value < local) {
        input.value = local;
        input.defaultValue = local;
      }
    }
  }
  if (!navigator.onLine) freshDates();

  window.addEventListener("online", sendNow);
  // On lie-fi no "online" event comes: try again now and then.
  setInterval(sendNow, 30000);
  const ready = () => show().then(sendNow).catch(() => {});
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
