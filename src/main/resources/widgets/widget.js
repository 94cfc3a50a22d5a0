/* Behaviour of an indicator widget, shared by the iframe page and embed.js (there inside a shadow root):
   disclosure buttons for the table and the citation, and copying the citation. */
function lmoWire(root, changed) {
  root.querySelectorAll('[data-lmo-toggle]').forEach(function (button) {
    button.addEventListener('click', function () {
      var panel = root.getElementById(button.getAttribute('aria-controls'));
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      panel.hidden = !open;
      if (button.dataset.show) button.textContent = open ? button.dataset.hide : button.dataset.show;
      if (changed) changed();
    });
  });
  root.querySelectorAll('[data-lmo-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var source = root.getElementById(button.dataset.lmoCopy);
      var status = root.querySelector('.lmo-status');
      var select = function () {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      };
      var done = function () { status.textContent = button.dataset.done; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(source.textContent).then(done, select);
      } else {
        select();
      }
    });
  });
}
