/* The profile's small map: one marker at the entity's location. The address and a link to OpenStreetMap
   stand next to it, so the map adds to the text and replaces nothing. */
(function () {
  "use strict";
  var element = document.getElementById("entity-map");
  if (!element || !window.L) { return; }
  var data = element.dataset;
  var point = [Number(data.lat), Number(data.lon)];
  var map = L.map(element, { center: point, zoom: 14, zoomControl: false, scrollWheelZoom: false });
  L.control.zoom({ zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  }
  L.marker(point, { title: data.name, alt: data.name, keyboard: false }).addTo(map);
}());
