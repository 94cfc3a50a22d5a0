(function () {
  // Select all / none and, for long lists, a filter box (accents and case ignored); without script the lists still work.
  var fold = function (s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); };
  document.querySelectorAll('fieldset.codes').forEach(function (fs) {
    var items = [].slice.call(fs.querySelectorAll('li'));
    var bar = document.createElement('div');
    bar.className = 'tools';
    var button = function (text, checked) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'small';
      b.textContent = text;
      b.addEventListener('click', function () {
        items.forEach(function (li) { if (!li.hidden) li.querySelector('input').checked = checked; });
      });
      bar.appendChild(b);
    };
    if (fs.dataset.many) {
      var input = document.createElement('input');
      input.type = 'search';
      input.setAttribute('aria-label', fs.dataset.filter);
      input.placeholder = fs.dataset.filter;
      input.addEventListener('input', function () {
        var q = fold(input.value.trim());
        items.forEach(function (li) { li.hidden = q !== '' && fold(li.textContent).indexOf(q) < 0; });
      });
      bar.appendChild(input);
    }
    button(fs.dataset.all, true);
    button(fs.dataset.none, false);
    fs.insertBefore(bar, fs.querySelector('ul'));
  });
})();
