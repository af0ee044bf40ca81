// Polish for the rich-text editor's dialogs (django-prose-editor asks window.gettext, which the admin's
// catalogue does not cover). A classic script: it runs before the editor's module reads window.gettext.
(function () {
  const polish = {
    "Edit Link": "Odnośnik",
    URL: "Adres",
    Title: "Tytuł (podpowiedź)",
    "Open in new window": "Otwórz w nowym oknie",
    Update: "Zapisz",
    Insert: "Wstaw",
    Cancel: "Anuluj",
    "Toggle fullscreen": "Pełny ekran",
    Bullets: "Punktory",
    "Decimal numbers": "Numeracja",
    "List properties": "Właściwości listy",
    "List type": "Rodzaj listy",
    "Start at": "Zacznij od",
  };
  const base = window.gettext || ((text) => text);
  window.gettext = (text) => polish[text] || base(text);
})();
