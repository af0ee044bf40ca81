// After a failed submit, move focus to the form's error summary (templates/includes/form_errors.html), so a
// keyboard or screen-reader user starts at the list of errors instead of the top of the page. Its links lead
// to the fields. The page works without this file: the summary is also role="alert".
(function () {
  "use strict";
  const summary = document.getElementById("form-errors");
  if (summary) {
    summary.focus();
  }
})();
