// Consent gate for films from YouTube or Vimeo. Without JavaScript the button's form reloads the page with
// ?zgoda=1 and the server renders the player; with it, the player replaces the gate in place. Either way
// nothing is requested from the video host before the visitor presses the button.
(function () {
  "use strict";
  var PLAYERS = {
    youtube: function (id) { return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(id) + "?rel=0&autoplay=1"; },
    vimeo: function (id) { return "https://player.vimeo.com/video/" + encodeURIComponent(id) + "?dnt=1&autoplay=1"; }
  };

  document.querySelectorAll("[data-video-consent]").forEach(function (gate) {
    var player = PLAYERS[gate.dataset.provider];
    var form = gate.querySelector("form");
    if (!player || !form || !gate.dataset.videoId) {
      return;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var frame = document.createElement("div");
      frame.className = "video-frame";
      var iframe = document.createElement("iframe");
      iframe.src = player(gate.dataset.videoId);
      iframe.title = gate.dataset.title || "";
      iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      iframe.allowFullscreen = true;
      iframe.referrerPolicy = "strict-origin-when-cross-origin";
      frame.appendChild(iframe);
      gate.replaceWith(frame);
      iframe.focus();
    });
  });
})();
