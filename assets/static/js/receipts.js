// Receipts: dropping files on the attach form chooses and sends them;
// choosing files (or taking a photo) sends them at once. Listeners sit on
// the document, so a form that htmx swapped in works the same.
(() => {
  const dropZone = (event) => event.target instanceof Element && event.target.closest("[data-receipt-drop]");
  const send = (form) => {
    const input = form.querySelector('input[type="file"]');
    if (input && input.files.length > 0) form.requestSubmit();
  };
  document.addEventListener("change", (event) => {
    const form = dropZone(event);
    if (form && event.target.matches('input[type="file"]')) send(form);
  });
  document.addEventListener("dragover", (event) => {
    const form = dropZone(event);
    if (!form) return;
    event.preventDefault();
    form.classList.add("dragging");
  });
  document.addEventListener("dragleave", (event) => {
    const form = dropZone(event);
    if (form) form.classList.remove("dragging");
  });
  document.addEventListener("drop", (event) => {
    const form = dropZone(event);
    if (!form) return;
    event.preventDefault();
    form.classList.remove("dragging");
    const input = form.querySelector('input[type="file"]');
    if (input && event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      send(form);
    }
  });
})();
