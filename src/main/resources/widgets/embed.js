/* Labour Market Observatory widgets. One script for two jobs:
   1. sizes our widget iframes on this page to the height they report (postMessage);
   2. with data-dataset (and data-geo, data-compare, data-lang, ...) renders the widget itself, in a shadow root,
      without an iframe. Every data-* attribute becomes a query parameter (data-last-periods → lastPeriods). */
(function () {
  'use strict';
  /*WIDGET_BEHAVIOUR*/
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, window.location.href).origin;
  var flag = '__lmoWidgetResizer ' + origin;
  if (!window[flag]) {
    window[flag] = true;
    window.addEventListener('message', function (event) {
      if (event.origin !== origin || !event.data || event.data.type !== 'lmo-widget:height') return;
      var height = Number(event.data.height);
      if (!(height > 0 && height < 20000)) return;
      var frames = document.getElementsByTagName('iframe');
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].contentWindow === event.source) frames[i].style.height = height + 'px';
      }
    });
  }
  var data = script.dataset;
  if (!data.dataset) return;
  var params = new URLSearchParams();
  Object.keys(data).forEach(function (key) { params.set(key, data[key]); });
  var host = document.createElement('div');
  host.className = 'lmo-widget';
  script.parentNode.insertBefore(host, script.nextSibling);
  var shadow = host.attachShadow({ mode: 'open' });
  fetch(origin + '/widgets/indicator/fragment?' + params.toString(), { credentials: 'omit' })
    .then(function (response) { return response.text(); })
    .then(function (html) {
      var template = document.createElement('template');
      template.innerHTML = html;
      // A constructed style sheet is not an inline style: the widget keeps its look on pages whose CSP forbids those.
      var style = template.content.querySelector('style');
      if (style && 'adoptedStyleSheets' in shadow) {
        try {
          var sheet = new CSSStyleSheet();
          sheet.replaceSync(style.textContent);
          shadow.adoptedStyleSheets = [sheet];
          style.remove();
        } catch (e) {
          // keep the style element
        }
      }
      shadow.appendChild(template.content);
      lmoWire(shadow);
    })
    .catch(function () {
      var link = document.createElement('a');
      link.href = origin + '/widgets/indicator?' + params.toString();
      link.textContent = 'Statistics widget (could not be loaded here)';
      shadow.appendChild(link);
    });
})();
