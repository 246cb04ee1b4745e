/*
 * career-guide host loader. On your page:
 *   <div data-career-guide="chart"></div>
 *   <script src="https://YOUR-COPY-OF-THE-APP/embed.js" async></script>
 * Each element with data-career-guide="chart|roadmap|guide" becomes an iframe of that part
 * (optional: data-section="<section id>" for one guide section, data-theme="light|dark|auto",
 * data-query="metric=employed&view=map" for the chart's view, data-title for the frame's title).
 * Frames are resized only by messages from their own window and from the app's origin.
 * Elements added later are picked up too, and several embeds may share a page.
 */
(function () {
  'use strict';
  // Names on the host page can shadow globals: <img name="currentScript"> replaces
  // document.currentScript, and an element with id "careerGuideEmbed" appears on window. So the
  // script element comes from the browser's own getter, must be a real <script>, and its
  // address from the element's own attribute; when any of that fails, nothing is done.
  var loaded = Object.getOwnPropertyDescriptor(window, 'careerGuideEmbed');
  if (loaded && loaded.value && loaded.value.version === 1) return;
  var getter = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript');
  var script = getter && getter.get ? getter.get.call(document) : null;
  if (!(script instanceof HTMLScriptElement)) return;
  var src = Element.prototype.getAttribute.call(script, 'data-career-guide-app')
    || Element.prototype.getAttribute.call(script, 'src');
  if (!src) return;
  var appUrl;
  try {
    appUrl = new URL('./', new URL(src, document.baseURI)).href;
  } catch (error) {
    return;
  }
  var appOrigin = new URL(appUrl).origin;
  // Each part and its frame's title; the build fills them in from the app's own list.
  var TITLES = __EMBED_TITLES__;
  var frames = {};
  var count = 0;

  function mount(element) {
    var part = element.getAttribute('data-career-guide');
    if (!Object.prototype.hasOwnProperty.call(TITLES, part) || element.getAttribute('data-career-guide-mounted')) return;
    element.setAttribute('data-career-guide-mounted', 'true');
    count += 1;
    var id = 'career-guide-' + count + '-' + Math.random().toString(36).slice(2, 8);
    var params = new URLSearchParams(element.getAttribute('data-query') || '');
    params.set('embed', part);
    params.set('id', id);
    var section = element.getAttribute('data-section');
    if (section) params.set('section', section);
    var theme = element.getAttribute('data-theme');
    if (theme) params.set('theme', theme);
    var iframe = document.createElement('iframe');
    iframe.src = appUrl + '?' + params.toString();
    iframe.title = element.getAttribute('data-title') || TITLES[part];
    iframe.loading = 'lazy';
    iframe.style.cssText = 'display:block;width:100%;height:480px;border:0;';
    frames[id] = iframe;
    element.appendChild(iframe);
  }

  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute('data-career-guide')) mount(root);
    var found = root.querySelectorAll('[data-career-guide]');
    for (var i = 0; i < found.length; i += 1) mount(found[i]);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== appOrigin) return;
    var data = event.data;
    if (!data || data.type !== '__RESIZE_MESSAGE__' || typeof data.height !== 'number') return;
    var iframe = Object.prototype.hasOwnProperty.call(frames, data.id) ? frames[data.id] : null;
    if (!iframe || event.source !== iframe.contentWindow) return;
    iframe.style.height = Math.max(0, Math.min(Math.ceil(data.height), 100000)) + 'px';
  });

  function start() {
    scan(document.body);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(scan);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  Object.defineProperty(window, 'careerGuideEmbed', { value: Object.freeze({ version: 1 }) });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
