// Shows that a long upload and parse is under way: the page itself waits for the server,
// this only tells the user (and screen readers, through role=status) that it is working.
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  var box = document.getElementById("import-progress");
  if (!form || !box) { return; }
  form.addEventListener("submit", function () {
    var input = form.querySelector("input[type=file]");
    if (!input || !input.files || !input.files.length) { return; }
    box.hidden = false;
    box.querySelector(".progress-text").textContent = box.getAttribute("data-reading");
    form.setAttribute("aria-busy", "true");
    var button = form.querySelector("button[type=submit]");
    // Disabled after the event so the submission itself still goes through.
    window.setTimeout(function () { if (button) { button.disabled = true; } }, 0);
  });
})();
