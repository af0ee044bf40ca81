// The export page's "select all" checkbox (templates/admin/import_export/export.html): django-import-export
// wires it with an inline onchange, which the CSP refuses; this binds the library's own handler.
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.getElementById("select-all-toggle");
  if (!toggle) return;
  toggle.addEventListener("change", (event) => {
    if (typeof window.onSelectToggleChange === "function") {
      window.onSelectToggleChange(event);
      return;
    }
    for (const box of document.querySelectorAll('.selectable-field-export-row input[type="checkbox"]')) {
      box.checked = toggle.checked;
    }
  });
});
