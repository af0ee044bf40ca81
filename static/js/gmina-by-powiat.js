// Choosing a powiat narrows the gmina list to that powiat's <optgroup> (the groups carry the powiat's name).
// Without JavaScript the full grouped list stays usable. Markup: <select data-narrows="gmina"> on the powiat.
(function () {
  "use strict";

  function narrow(powiatSelect, gminaSelect, groups) {
    var chosen = powiatSelect.selectedOptions[0];
    var label = powiatSelect.value && chosen ? chosen.textContent.trim() : "";
    var selected = gminaSelect.value;
    groups.forEach(function (group) {
      var keep = !label || group.label === label;
      if (keep && !group.parentNode) {
        gminaSelect.appendChild(group);
      } else if (!keep && group.parentNode) {
        group.parentNode.removeChild(group);
      }
    });
    // Keep the groups in their original order after re-adding some of them.
    groups.forEach(function (group) {
      if (group.parentNode) {
        gminaSelect.appendChild(group);
      }
    });
    var stillThere = Array.prototype.some.call(gminaSelect.options, function (option) {
      return option.value === selected;
    });
    gminaSelect.value = stillThere ? selected : "";
  }

  document.querySelectorAll("select[data-narrows]").forEach(function (powiatSelect) {
    var form = powiatSelect.form;
    var gminaSelect = form && form.elements.namedItem(powiatSelect.dataset.narrows);
    if (!gminaSelect || gminaSelect.tagName !== "SELECT") {
      return;
    }
    var groups = Array.prototype.slice.call(gminaSelect.querySelectorAll("optgroup"));
    powiatSelect.addEventListener("change", function () {
      narrow(powiatSelect, gminaSelect, groups);
    });
    narrow(powiatSelect, gminaSelect, groups);
  });
})();
