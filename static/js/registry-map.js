/* The registry map (/podmioty/mapa/): markers and clusters from /podmioty/mapa.geojson for the visible box.
   The server clusters; this file only asks for the box and zoom, draws what comes back and keeps the
   controls usable from the keyboard and by screen readers. Without tiles (offline, blocked) the markers
   still show; the list remains the accessible alternative, linked above the map. */
(function () {
  "use strict";
  var element = document.getElementById("registry-map");
  if (!element || !window.L) { return; }
  var data = element.dataset;
  var edges = data.bounds.split(",").map(Number);
  var map = L.map(element, { zoomControl: false, keyboard: true });
  map.fitBounds([[edges[0], edges[1]], [edges[2], edges[3]]]);
  L.control.zoom({ zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  }
  var layer = L.layerGroup().addTo(map);
  var status = document.getElementById("map-status");
  var request = 0;
  var focusAfterLoad = false;

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
  }

  function popupFor(properties) {
    var box = document.createElement("div");
    var name = document.createElement("p");
    name.className = "map-popup__name";
    name.textContent = properties.name;
    var meta = document.createElement("p");
    meta.className = "map-popup__meta";
    meta.textContent = properties.form + ", " + properties.town;
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = data.labelProfile;
    box.append(name, meta, link);
    return box;
  }

  function labelElement(marker, label) {
    marker.on("add", function () {
      var icon = marker.getElement();
      if (icon) { icon.setAttribute("aria-label", label); }
    });
  }

  function clusterMarker(feature, latlng) {
    var count = feature.properties.count;
    var size = count < 10 ? 36 : count < 100 ? 42 : count < 1000 ? 50 : 58;
    var label = format(data.labelCluster, { count: count });
    var icon = L.divIcon({ className: "map-cluster", html: String(count), iconSize: [size, size] });
    var marker = L.marker(latlng, { icon: icon, title: label, keyboard: true });
    labelElement(marker, label);
    function zoomIn() {
      var b = feature.properties.bbox;
      var bounds = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
      // Zoom until the cluster's entities fill the view (with a margin), at least one step, at most 18.
      var target = Math.max(map.getBoundsZoom(bounds, false, L.point(120, 120)), map.getZoom() + 1);
      map.setView(bounds.getCenter(), Math.min(target, 18));
    }
    marker.on("click", zoomIn);
    // A button answers Enter and Space (Leaflet does this itself only for markers with a popup).
    marker.on("keypress", function (event) {
      var key = event.originalEvent.key;
      if (key === "Enter" || key === " ") {
        event.originalEvent.preventDefault();
        // The cluster disappears as the map zooms: keep the keyboard user's place on the new markers.
        focusAfterLoad = true;
        zoomIn();
      }
    });
    return marker;
  }

  function pointMarker(feature, latlng) {
    var marker = L.marker(latlng, { title: feature.properties.name, alt: feature.properties.name, keyboard: true });
    marker.bindPopup(popupFor(feature.properties));
    return marker;
  }

  function draw(collection) {
    layer.clearLayers();
    var points = 0;
    var clusters = 0;
    collection.features.forEach(function (feature) {
      var c = feature.geometry.coordinates;
      var latlng = [c[1], c[0]];
      if (feature.properties.count) {
        clusters += 1;
        layer.addLayer(clusterMarker(feature, latlng));
      } else {
        points += 1;
        layer.addLayer(pointMarker(feature, latlng));
      }
    });
    status.textContent = format(data.labelStatus, { points: points, clusters: clusters });
    element.dataset.zoom = String(collection.zoom);
    if (focusAfterLoad) {
      focusAfterLoad = false;
      var first = element.querySelector(".leaflet-marker-icon");
      (first || element).focus();
    }
  }

  function load() {
    var b = map.getBounds();
    var box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (n) { return n.toFixed(4); });
    var url = data.geojson + (data.geojson.indexOf("?") === -1 ? "?" : "&") +
      "bbox=" + box.join(",") + "&zoom=" + map.getZoom();
    var current = ++request;
    fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (collection) { if (current === request) { draw(collection); } })
      .catch(function () { status.textContent = data.labelError; });
  }

  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) { close.setAttribute("aria-label", data.labelClose); close.title = data.labelClose; }
  });
  map.on("moveend", load);
  load();
}());
