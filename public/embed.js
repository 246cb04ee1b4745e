/*
 * career-guide host loader. On your page:
 *   <div data-career-guide="chart"></div>
 *   <script src="https://YOUR-COPY-OF-THE-APP/embed.js" async></script>
 * Each element with data-career-guide="chart|roadmap|guide" becomes an iframe of that part
 * of the guide data-guide="<slug>" names (without it, of the guide the site's root shows or used
 * to show; optional: data-section="<section id>" for one guide section, data-theme="light|dark|auto",
 * data-query="metric=employed&view=map" for the chart's view, data-title for the frame's title).
 * Frames are resized only by messages from their own window and from the app's origin.
 * Elements added later are picked up too, and several embeds may share a page.
 */
(function () {
  'use strict';
  // Names on the host page can shadow what scripts read: <img name="currentScript"> (or
  // "body", "baseURI", "createElement") replaces that property of document, <input
  // name="getAttribute"> that method of its form, and an element with id "careerGuideEmbed" or
  // "addEventListener" appears on window. So every property and method of the host's objects is
  // read through the prototypes' own getters and methods; the script element must be a real
  // <script>, its address from its own attribute; when any of that fails, nothing is done.
  var loaded = Object.getOwnPropertyDescriptor(window, 'careerGuideEmbed');
  if (loaded && loaded.value && loaded.value.version === 1) return;
  function read(proto, name, object) {
    var descriptor = Object.getOwnPropertyDescriptor(proto, name);
    return descriptor && descriptor.get ? descriptor.get.call(object) : null;
  }
  var getAttribute = Element.prototype.getAttribute;
  var setAttribute = Element.prototype.setAttribute;
  var listen = EventTarget.prototype.addEventListener;
  var script = read(Document.prototype, 'currentScript', document);
  if (!(script instanceof HTMLScriptElement)) return;
  var src = getAttribute.call(script, 'data-career-guide-app') || getAttribute.call(script, 'src');
  if (!src) return;
  var appUrl;
  try {
    appUrl = new URL('./', new URL(src, read(Node.prototype, 'baseURI', document))).href;
  } catch (error) {
    return;
  }
  var appOrigin = new URL(appUrl).origin;
  // Each part and its frame's title; the build fills them in from the app's own list.
  var TITLES = __EMBED_TITLES__;
  var frames = {};
  var count = 0;

  function mount(element) {
    var attribute = function (name) { return getAttribute.call(element, name); };
    var part = attribute('data-career-guide');
    if (!Object.prototype.hasOwnProperty.call(TITLES, part) || attribute('data-career-guide-mounted')) return;
    setAttribute.call(element, 'data-career-guide-mounted', 'true');
    count += 1;
    var id = 'career-guide-' + count + '-' + Math.random().toString(36).slice(2, 8);
    var params = new URLSearchParams(attribute('data-query') || '');
    params.set('embed', part);
    params.set('id', id);
    var section = attribute('data-section');
    if (section) params.set('section', section);
    var theme = attribute('data-theme');
    if (theme) params.set('theme', theme);
    // The guide's own page; a name that is not a slug (kebab-case) is ignored, never a path.
    var guide = attribute('data-guide');
    var page = guide && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(guide) ? guide + '/' : '';
    var iframe = Document.prototype.createElement.call(document, 'iframe');
    iframe.src = appUrl + page + '?' + params.toString();
    iframe.title = attribute('data-title') || TITLES[part];
    iframe.loading = 'lazy';
    iframe.style.cssText = 'display:block;width:100%;height:480px;border:0;';
    frames[id] = iframe;
    Node.prototype.appendChild.call(element, iframe);
  }

  function scan(root) {
    if (read(Node.prototype, 'nodeType', root) !== 1) return;
    if (Element.prototype.hasAttribute.call(root, 'data-career-guide')) mount(root);
    var found = Element.prototype.querySelectorAll.call(root, '[data-career-guide]');
    for (var i = 0; i < found.length; i += 1) mount(found[i]);
  }

  listen.call(window, 'message', function (event) {
    if (event.origin !== appOrigin) return;
    var data = event.data;
    if (!data || data.type !== '__RESIZE_MESSAGE__' || typeof data.height !== 'number') return;
    var iframe = Object.prototype.hasOwnProperty.call(frames, data.id) ? frames[data.id] : null;
    if (!iframe || event.source !== iframe.contentWindow) return;
    iframe.style.height = Math.max(0, Math.min(Math.ceil(data.height), 100000)) + 'px';
  });

  function start() {
    var body = read(Document.prototype, 'body', document);
    scan(body);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(scan);
      });
    }).observe(body, { childList: true, subtree: true });
  }

  Object.defineProperty(window, 'careerGuideEmbed', { value: Object.freeze({ version: 1 }) });
  if (read(Document.prototype, 'body', document)) start();
  else listen.call(document, 'DOMContentLoaded', start);
})();
