/* "Kopiuj kod" next to a read-only snippet: copies it and says so. Without JavaScript the button stays
   hidden and the text can be selected and copied by hand. */
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    var status = button.parentElement.querySelector("[role=status]");
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        if (status) { status.textContent = button.dataset.copied; }
      }, function () { source.select(); });
    });
  });
}());
