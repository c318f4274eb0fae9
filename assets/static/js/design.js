// The quick-add sheet opens with a link to #quick-add (CSS :target, no
// script needed); with scripts, opening it also puts the cursor in the
// amount, so the phone shows its number keyboard at once.
(function () {
  function focusAmount() {
    if (location.hash !== "#quick-add") return;
    var amount = document.getElementById("qa-amount");
    if (amount) amount.focus();
  }
  window.addEventListener("hashchange", focusAmount);
  document.addEventListener("DOMContentLoaded", focusAmount);
  // Escape closes the sheet, as a dialog would.
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && location.hash === "#quick-add") location.hash = "";
  });
})();
