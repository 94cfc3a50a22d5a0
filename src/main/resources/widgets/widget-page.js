lmoWire(document);
/* Tell the embedding page our height, so embed.js can size the iframe: no editor has to guess one. */
(function () {
  if (window.parent === window) return;
  var last = 0;
  var report = function () {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'lmo-widget:height', height: height }, '*');
    }
  };
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('load', report);
  report();
})();
