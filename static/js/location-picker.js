/* Location picker (entities/widgets.py): a click on the map writes latitude and longitude into the two
   number fields, which remain the way to set it without a mouse or without JavaScript. Typing in the
   fields moves the marker; choosing a gmina centres an empty map on it. */
(function () {
  "use strict";
  if (!window.L) { return; }
  var REGION = [[49.16, 19.06], [50.54, 21.44]];

  function init(element) {
    if (element.dataset.ready) { return; }
    element.dataset.ready = "1";
    var data = element.dataset;
    var latitude = document.getElementById(data.latitude);
    var longitude = document.getElementById(data.longitude);
    var gmina = document.getElementById(data.gmina);
    if (!latitude || !longitude) { return; }
    var points = JSON.parse(data.gminaPoints || "{}");
    var map = L.map(element, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    if (data.tiles) { L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map); }
    var marker = null;

    function current() {
      var lat = parseFloat(String(latitude.value).replace(",", "."));
      var lon = parseFloat(String(longitude.value).replace(",", "."));
      return isFinite(lat) && isFinite(lon) ? [lat, lon] : null;
    }
    function show(point) {
      if (!marker) {
        marker = L.marker(point, { title: data.labelPoint, alt: data.labelPoint, keyboard: false }).addTo(map);
      } else {
        marker.setLatLng(point);
      }
    }
    function centreOnGmina() {
      var point = gmina && points[gmina.value];
      if (point) { map.setView(point, 12); }
    }

    var start = current();
    if (start) { show(start); map.setView(start, 14); } else if (gmina && points[gmina.value]) { centreOnGmina(); } else { map.fitBounds(REGION); }

    map.on("click", function (event) {
      latitude.value = event.latlng.lat.toFixed(6);
      longitude.value = event.latlng.lng.toFixed(6);
      [latitude, longitude].forEach(function (field) { field.dispatchEvent(new Event("change", { bubbles: true })); });
      show(event.latlng);
    });
    [latitude, longitude].forEach(function (field) {
      field.addEventListener("input", function () { var point = current(); if (point) { show(point); map.panTo(point); } });
    });
    if (gmina) { gmina.addEventListener("change", function () { if (!current()) { centreOnGmina(); } }); }
  }

  document.querySelectorAll(".location-picker").forEach(init);
}());
