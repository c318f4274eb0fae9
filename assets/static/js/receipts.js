// Receipts: dropping files on the attach form chooses and sends them;
// choosing files (or taking a photo) sends them at once.
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("[data-receipt-drop]")) {
    const input = form.querySelector('input[type="file"]');
    if (!input) continue;
    const send = () => { if (input.files.length > 0) form.requestSubmit(); };
    input.addEventListener("change", send);
    form.addEventListener("dragover", (event) => {
      event.preventDefault();
      form.classList.add("dragging");
    });
    form.addEventListener("dragleave", () => form.classList.remove("dragging"));
    form.addEventListener("drop", (event) => {
      event.preventDefault();
      form.classList.remove("dragging");
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        send();
      }
    });
  }
});
