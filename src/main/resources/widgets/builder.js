/* The embed builder: reads the catalogue from the API, keeps the preview and the snippets in step with the form. */
(function () {
  'use strict';
  var origin = window.location.origin;
  var DEFAULTS = { accent: '1f5fa8', theme: 'light', font: 'system' };
  var byId = function (id) { return document.getElementById(id); };
  var state = { dataset: null, geoDimension: null, geoCodes: {}, codesInRelease: {} };
  // A prefilled address (a dataset page's "Embed this"): the server has checked it; used for the first load only.
  var prefill = new URLSearchParams(window.location.search);
  var timer = null;

  function getJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ' answered ' + response.status);
      return response.json();
    });
  }

  function option(value, text) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  function attr(value) {
    return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }

  function status(text) {
    byId('status').textContent = text;
  }

  function loadDatasets() {
    return getJson('/v1/datasets').then(function (list) {
      var select = byId('dataset');
      list.datasets.forEach(function (d) { select.appendChild(option(d.id, d.title)); });
      if (prefill.get('dataset')) select.value = prefill.get('dataset');
      if (prefill.get('lang')) byId('lang').value = prefill.get('lang');
      return loadDataset(select.value);
    });
  }

  var latestLoad = 0;

  /** Loads a dataset's dimensions; an answer for an earlier choice that arrives late is ignored. */
  function loadDataset(id) {
    var load = ++latestLoad;
    // Lets scripts (and the browser test) wait until the latest choice is fully loaded, not an earlier one.
    document.body.dataset.requestedLoad = String(load);
    return getJson('/v1/datasets/' + encodeURIComponent(id)).then(function (meta) {
      if (load !== latestLoad) return;
      state.dataset = meta;
      state.geoDimension = meta.dimensions.filter(function (d) { return d.role === 'geo'; })[0] || null;
      var geo = byId('geo');
      geo.textContent = '';
      var dims = byId('dimensions');
      dims.textContent = '';
      if (!state.geoDimension) {
        status('This dataset has no territorial dimension; widgets need one. Pick another dataset.');
        return;
      }
      state.codesInRelease = {};
      state.geoDimension.codes.forEach(function (c) {
        state.codesInRelease[c.id] = true;
        var o = option(c.id, c.label + (c.level ? ' (' + c.level + ')' : '') + ' · ' + c.id);
        o.dataset.label = c.label;
        geo.appendChild(o);
      });
      var municipality = state.geoDimension.codes.filter(function (c) { return c.level === 'municipality'; })[0];
      if (municipality) geo.value = municipality.id;
      var prefilled = prefill.get('dataset') === meta.id;
      if (prefilled && prefill.get('geo') && state.codesInRelease[prefill.get('geo')]) geo.value = prefill.get('geo');
      meta.dimensions.forEach(function (d) {
        if (d.role === 'geo') return;
        var label = document.createElement('label');
        label.htmlFor = 'dim-' + d.id;
        label.textContent = d.label;
        var select = document.createElement('select');
        select.id = 'dim-' + d.id;
        select.dataset.dimension = d.id;
        d.codes.forEach(function (c) { select.appendChild(option(c.id, c.label)); });
        if (prefilled && prefill.get(d.id)) select.value = prefill.get(d.id);
        select.addEventListener('change', update);
        dims.appendChild(label);
        dims.appendChild(select);
      });
      byId('lastPeriods').placeholder = { A: '10', Q: '12', M: '24' }[meta.frequency] || '';
      return getJson('/v1/codelists/' + encodeURIComponent(state.geoDimension.codelist)).then(function (codelist) {
        if (load !== latestLoad) return;
        state.geoCodes = {};
        codelist.codes.forEach(function (c) { state.geoCodes[c.id] = c; });
        update();
        document.body.dataset.loadedDataset = id;
        document.body.dataset.completedLoad = String(load);
      });
    });
  }

  /** The ancestor of a code at a level, as the server finds it for compare=region,country. */
  function ancestorAt(code, level) {
    var seen = {};
    var current = state.geoCodes[code] && state.geoCodes[code].parent;
    while (current && !seen[current] && state.geoCodes[current]) {
      seen[current] = true;
      if (state.geoCodes[current].level === level) return current;
      current = state.geoCodes[current].parent;
    }
    return null;
  }

  function settings() {
    var params = [['dataset', state.dataset.id], ['geo', byId('geo').value]];
    document.querySelectorAll('#dimensions select').forEach(function (s) { params.push([s.dataset.dimension, s.value]); });
    var compare = ['compare-region', 'compare-country'].filter(function (id) { return byId(id).checked; })
      .map(function (id) { return byId(id).value; });
    if (compare.length) params.push(['compare', compare.join(',')]);
    params.push(['lang', byId('lang').value]);
    if (byId('lastPeriods').value) params.push(['lastPeriods', byId('lastPeriods').value]);
    var accent = byId('accent').value.replace('#', '').toLowerCase();
    if (accent !== DEFAULTS.accent) params.push(['accent', accent]);
    if (byId('theme').value !== DEFAULTS.theme) params.push(['theme', byId('theme').value]);
    if (byId('font').value !== DEFAULTS.font) params.push(['font', byId('font').value]);
    return params;
  }

  function query(params) {
    return params.map(function (p) { return p[0] + '=' + encodeURIComponent(p[1]).replace(/%2C/g, ','); }).join('&');
  }

  function update() {
    if (!state.dataset || !state.geoDimension) return;
    var params = settings();
    var widgetUrl = origin + '/widgets/indicator?' + query(params);
    var geo = byId('geo').value;
    var geoOption = byId('geo').selectedOptions[0];
    var title = state.dataset.title + ': ' + (geoOption ? geoOption.dataset.label : geo);

    showPreview('preview', widgetUrl);
    byId('snippet-url').value = widgetUrl;
    byId('snippet-iframe').value = '<iframe src="' + attr(widgetUrl) + '" title="' + attr(title) + '" '
      + 'style="width:100%;max-width:40rem;height:26rem;border:0" loading="lazy" allow="clipboard-write"></iframe>\n'
      + '<script async src="' + origin + '/widgets/embed.js"></script>';
    var data = params.map(function (p) {
      var name = p[0].replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
      return 'data-' + name + '="' + attr(p[1]) + '"';
    }).join(' ');
    byId('snippet-script').value = '<script async src="' + origin + '/widgets/embed.js" ' + data + '></script>';

    var areas = [geo];
    ['compare-region', 'compare-country'].forEach(function (id) {
      if (!byId(id).checked) return;
      var ancestor = ancestorAt(geo, byId(id).value);
      if (ancestor && state.codesInRelease[ancestor]) areas.push(ancestor);
    });
    var chartParams = [['geo', areas.join(',')]];
    params.forEach(function (p) {
      if (['dataset', 'geo', 'compare', 'accent', 'theme', 'font'].indexOf(p[0]) < 0) chartParams.push(p);
    });
    if (!byId('lastPeriods').value) chartParams.push(['lastPeriods', byId('lastPeriods').placeholder]);
    chartParams.push(['type', 'line']);
    var chartUrl = origin + '/v1/datasets/' + encodeURIComponent(state.dataset.id) + '/chart.svg?' + query(chartParams);
    var names = areas.map(function (code) { return state.geoCodes[code] ? state.geoCodes[code].label : code; });
    var chartAlt = state.dataset.title + ': ' + names.join(', ');
    byId('snippet-chart').value = '<img src="' + attr(chartUrl) + '" alt="' + attr(chartAlt) + '" width="720" style="max-width:100%;height:auto" loading="lazy">';
    byId('chart-preview').alt = 'Chart preview: ' + chartAlt;
    showPreview('chart-preview', chartUrl);
    document.body.dataset.snippetFor = query(params);
  }

  var previewTimers = {};

  /** Loads a preview once the editor pauses, not on every intermediate choice. */
  function showPreview(id, url) {
    clearTimeout(previewTimers[id]);
    previewTimers[id] = setTimeout(function () {
      if (byId(id).getAttribute('src') !== url) byId(id).src = url;
    }, 400);
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  }

  byId('builder').addEventListener('submit', function (e) { e.preventDefault(); });
  byId('dataset').addEventListener('change', function () {
    loadDataset(byId('dataset').value).catch(function (e) { status(e.message); });
  });
  ['geo', 'compare-region', 'compare-country', 'lang', 'theme', 'font'].forEach(function (id) {
    byId(id).addEventListener('change', update);
  });
  ['accent', 'lastPeriods'].forEach(function (id) { byId(id).addEventListener('input', later); });
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = byId(button.dataset.copy);
      var done = function () { status('Copied to the clipboard.'); };
      var fallback = function () {
        field.select();
        status('Selected: press Ctrl+C (or ⌘C) to copy.');
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(field.value).then(done, fallback);
      else fallback();
    });
  });
  loadDatasets().catch(function (e) { status('Could not read the catalogue: ' + e.message); });
})();
