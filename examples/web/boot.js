// Runs before the page's module (a classic script, which a browser loads from disk too): opened
// from a file (file://), the page cannot load its ES module or the WebAssembly, so instead of
// "loading…" forever it says how to serve it. Served over http(s), this does nothing.
"use strict";
if (location.protocol === "file:") {
  document.addEventListener("DOMContentLoaded", () => {
    const status = document.getElementById("status");
    status.dataset.state = "file";
    status.textContent = "需要通过网址打开 · must be served";
    document.getElementById("served").hidden = false;
    document.getElementById("input").hidden = true;
    document.getElementById("lang").hidden = true; // its script is the module that cannot load
  });
}
