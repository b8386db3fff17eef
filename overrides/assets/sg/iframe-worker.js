/* Web workers for pages opened from disk (file://), where browsers refuse `new Worker`.
 *
 * Material for MkDocs runs its search in a worker. In the offline bundle this script
 * (loaded first, as a polyfill) replaces `Worker` with `IFrameWorker`: the worker's
 * script runs in a hidden same-origin iframe, `postMessage` is relayed both ways, and
 * `importScripts` loads scripts one after another and returns a promise (Material's
 * search worker waits for it when it sees `IFrameWorker`). Nothing happens over http(s).
 */
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;

  function IFrameWorker(url) {
    var worker = this;
    var scriptUrl = new URL(url, document.baseURI).href;  // as a worker resolves: from the page
    var pending = [];
    var scope = null;
    this.listeners = {};
    this.onmessage = null;
    this.onerror = null;

    function load(src) {
      return new Promise(function (resolve, reject) {
        var script = scope.document.createElement("script");
        script.src = new URL(src, scope.document.baseURI).href;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error("cannot load " + src)); };
        scope.document.body.appendChild(script);
      });
    }

    function deliver(data) {
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }

    var frame = document.createElement("iframe");
    frame.setAttribute("aria-hidden", "true");
    frame.setAttribute("tabindex", "-1");
    frame.title = "search";
    frame.style.display = "none";
    frame.addEventListener("load", function () {
      scope = frame.contentWindow;
      var base = scope.document.createElement("base");
      base.href = scriptUrl;  // importScripts resolves from the worker's own URL
      scope.document.head.appendChild(base);
      scope.postMessage = function (data) { worker.emit("message", data); };
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, src) { return done.then(function () { return load(src); }); }, Promise.resolve());
      };
      load(scriptUrl).then(function () {
        var queued = pending;
        pending = null;
        queued.forEach(deliver);
      }, function (error) { worker.emit("error", error); });
    }, { once: true });
    frame.srcdoc = "<!doctype html><meta charset=utf-8><title>search</title><body></body>";
    (document.body || document.documentElement).appendChild(frame);

    this.postMessage = function (data) {
      if (pending) pending.push(data); else deliver(data);
    };
    this.terminate = function () { frame.remove(); };
  }

  IFrameWorker.prototype.addEventListener = function (type, listener) {
    (this.listeners[type] = this.listeners[type] || []).push(listener);
  };

  IFrameWorker.prototype.removeEventListener = function (type, listener) {
    this.listeners[type] = (this.listeners[type] || []).filter(function (l) { return l !== listener; });
  };

  IFrameWorker.prototype.emit = function (type, data) {
    var event = type === "message" ? new MessageEvent("message", { data: data }) : new ErrorEvent("error", { error: data, message: String(data) });
    if (typeof this["on" + type] === "function") this["on" + type](event);
    (this.listeners[type] || []).slice().forEach(function (listener) { listener(event); });
  };

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
