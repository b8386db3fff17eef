/* The form's photo: chosen, shown, and made ready to publish, all in the browser.
 *
 * The chosen photo is drawn again at most MAX_SIDE pixels on its long side and saved
 * anew, so what reaches the database is light and carries no camera metadata (a phone's
 * photo holds where it was taken). Its alt text, credit and the consent of the people
 * shown are asked beside it; they are required once there is a photo.
 */
(function () {
  "use strict";

  var MAX_SIDE = 2400;
  var TYPES = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

  // make(container, { t, el, label, prop }) -> the photo's part of the form
  window.sgFormPhoto = function (container, ui) {
    var t = ui.t, el = ui.el, prop = ui.prop;
    var photo = null;  // { blob, name, width, height, url }
    var problem = "";  // why the chosen file cannot be used
    var busy = null;   // the promise of the photo being prepared

    var group = el("fieldset", { "class": "sg-field sg-field--group sg-form__photo" });
    group.appendChild(el("legend", {}, ui.label(prop, "image")));
    group.appendChild(el("p", { "class": "sg-field__help" }, t("form_photo_help")));

    var pick = el("div", { "class": "sg-field" });
    pick.appendChild(el("label", { "for": "sg-f-image" }, t("form_photo_file")));
    var file = el("input", { type: "file", id: "sg-f-image", name: "image.src", accept: Object.keys(TYPES).join(","), "aria-describedby": "sg-f-image-error" });
    pick.appendChild(file);
    var fileError = el("p", { "class": "sg-field__error", id: "sg-f-image-error" });
    pick.appendChild(fileError);
    group.appendChild(pick);

    var shown = el("div", { "class": "sg-form__photo-shown" });
    shown.hidden = true;
    var figure = el("figure", { "class": "sg-form__preview" });
    var img = el("img", { alt: "" });
    var caption = el("figcaption");
    figure.appendChild(img);
    figure.appendChild(caption);
    shown.appendChild(figure);
    var remove = el("button", { type: "button", "class": "md-button sg-form__photo-remove" }, t("form_photo_remove"));
    shown.appendChild(remove);
    group.appendChild(shown);

    var controls = {};
    function text(name, multi, help) {
      var id = "sg-f-image-" + name;
      var wrap = el("div", { "class": "sg-field" });
      wrap.appendChild(el("label", { "for": id }, ui.label(prop.properties[name], name) + " *"));
      wrap.appendChild(el("p", { "class": "sg-field__help", id: id + "-help" }, t(help)));
      var input = el(multi ? "textarea" : "input", { id: id, name: "image." + name, "aria-describedby": id + "-help " + id + "-error" });
      if (multi) input.rows = 2; else input.type = "text";
      wrap.appendChild(input);
      var error = el("p", { "class": "sg-field__error", id: id + "-error" });
      wrap.appendChild(error);
      shown.appendChild(wrap);
      controls["image." + name] = { input: input, error: error, wrap: wrap, name: name, get: function () { return input.value.trim(); } };
    }
    text("alt", true, "form_photo_alt_help");
    text("credit", false, "form_photo_credit_help");
    var consentWrap = el("div", { "class": "sg-field" });
    var consentLabel = el("label");
    var consent = el("input", { type: "checkbox", id: "sg-f-image-consent", name: "image.consent", "aria-describedby": "sg-f-image-consent-error" });
    consentLabel.appendChild(consent);
    consentLabel.appendChild(document.createTextNode(" " + t("form_photo_consent")));
    consentWrap.appendChild(consentLabel);
    var consentError = el("p", { "class": "sg-field__error", id: "sg-f-image-consent-error" });
    consentWrap.appendChild(consentError);
    shown.appendChild(consentWrap);
    controls["image.consent"] = { input: consent, error: consentError, wrap: consentWrap, name: "consent", label: ui.label(prop.properties.consent, "consent"), get: function () { return consent.checked; } };
    controls["image.src"] = { input: file, error: fileError, wrap: pick, name: "src", get: function () { return photo ? photo.name : ""; } };
    container.appendChild(group);

    function clear() {
      if (photo) URL.revokeObjectURL(photo.url);
      photo = null;
      img.removeAttribute("src");
      shown.hidden = true;
    }

    // The photo drawn again, at most MAX_SIDE wide or high, in its own format if the
    // browser can write it (WebP: not every browser), else as JPEG.
    function prepare(chosen) {
      return window.createImageBitmap(chosen).then(function (bitmap) {
        var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        var context = canvas.getContext("2d");
        if (chosen.type !== "image/png") {  // a JPEG has no transparency: white behind it
          context.fillStyle = "#fff";
          context.fillRect(0, 0, canvas.width, canvas.height);
        }
        context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        bitmap.close();
        return new Promise(function (resolve, reject) {
          canvas.toBlob(function (blob) {
            if (!blob) { reject(new Error("toBlob")); return; }
            var type = TYPES[blob.type] ? blob.type : "image/jpeg";
            resolve({ blob: blob, name: "photo." + TYPES[type], width: canvas.width, height: canvas.height });
          }, chosen.type, 0.85);
        });
      });
    }

    file.addEventListener("change", function () {
      var chosen = file.files && file.files[0];
      clear();
      problem = "";
      if (!chosen) { busy = null; ui.changed(); return; }
      if (!TYPES[chosen.type]) { problem = t("err_photo_type"); busy = null; ui.changed(); return; }
      var mine = busy = prepare(chosen).then(function (ready) {
        if (busy !== mine) return;  // another photo was chosen meanwhile
        ready.url = URL.createObjectURL(ready.blob);
        photo = ready;
        img.src = ready.url;
        caption.textContent = t("form_photo_size", { w: ready.width, h: ready.height, kb: Math.round(ready.blob.size / 1000) });
        shown.hidden = false;
      }, function () {
        if (busy === mine) problem = t("err_photo_read");
      }).then(function () {
        if (busy === mine) { busy = null; ui.changed(); }
      });
    });
    remove.addEventListener("click", function () {
      clear();
      file.value = "";
      problem = "";
      ui.changed();
      file.focus();
    });
    shown.addEventListener("input", function () { img.alt = controls["image.alt"].get(); });

    return {
      controls: controls,
      photo: function () { return photo; },
      ready: function () { return busy || Promise.resolve(); },
      check: function (c) {  // the message for one of this part's controls, or ""
        if (c.name === "src") return problem;
        if (!photo) return "";
        if (c.name === "consent") return c.get() ? "" : t("err_consent");
        if (!c.get()) return t("err_required");
        var max = prop.properties[c.name].maxLength;
        return max && c.get().length > max ? t("err_too_long", { n: max }) : "";
      },
      value: function () {  // the front matter's image, or null
        if (!photo) return null;
        var image = { src: photo.name };
        ["alt", "credit"].forEach(function (name) { if (controls["image." + name].get()) image[name] = controls["image." + name].get(); });
        if (consent.checked) image.consent = true;  // never "false": until it is given, the check says so
        return image;
      },
    };
  };
})();
