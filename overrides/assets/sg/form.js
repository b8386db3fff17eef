/* The web form that replaces the fiche: the page.
 *
 * Its fields (assets/sg/form-fields.js, with the photo in form-photo.js) come from the
 * practice's JSON Schema; this shows the Markdown file they make (form-yaml.js writes its
 * front matter) and offers it for download, as a new file on GitHub, or for GitHub's
 * upload page. Nothing leaves the browser until the contributor clicks.
 */
(function () {
  "use strict";

  var data = window.sgFormData;
  var root = document.querySelector("[data-sg-form]");
  if (!data || !root) return;

  var form = root.querySelector(".sg-form__fields");
  var fields = window.sgFormFields(data, form, function () { update(); });
  var controls = fields.controls, photoPart = fields.photo, t = fields.t, el = fields.el;
  var lang = data.lang;

  // --- the file -------------------------------------------------------------------------

  function sectionHeadings() {
    var chosen = controls.language.get() || lang;
    return data.sections[chosen] || data.sections[lang];
  }

  function fileText(v) {
    var headings = sectionHeadings();
    var body = [];
    for (var i = 0; i < headings.length; i++) {
      var text = document.getElementById("sg-f-body-" + i).value.trim();
      if (text) body.push("## " + headings[i] + "\n\n" + text + "\n");
    }
    return "---\n# yaml-language-server: $schema=practice.schema.json\n" + window.sgFormYaml.frontMatter(v, data.schema) + "\n---\n" + body.join("\n");
  }

  // --- the page -------------------------------------------------------------------------

  var result = root.querySelector(".sg-form__result");
  var output = root.querySelector(".sg-form__output");
  var status = root.querySelector(".sg-form__status");
  var problems = root.querySelector(".sg-form__problems");
  var download = root.querySelector(".sg-form__download");
  var github = root.querySelector(".sg-form__github");
  var long = root.querySelector(".sg-form__long");
  var folder = root.querySelector(".sg-form__folder");
  var photoLink = root.querySelector(".sg-form__photo-download");
  var mail = root.querySelector(".sg-form__mail");
  var touched = {};
  var blobUrl = null;

  // "No GitHub account? E-mail … to <address>", the address a link.
  function mailNote(key) {
    var parts = t(key, { email: "\u0000" }).split("\u0000");
    mail.replaceChildren(document.createTextNode(parts[0]), el("a", { href: "mailto:" + data.contactEmail }, data.contactEmail), document.createTextNode(parts[1] || ""));
  }

  // Where the file goes: a short practice as a new-file link that carries the whole
  // file; one too long for a link (GitHub refuses them) to the upload page of
  // practices/; one with a photo, as a folder, to the upload page of practices/<slug>/.
  function routes(text, slug) {
    var photo = photoPart && photoPart.photo();
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    download.href = blobUrl;
    download.setAttribute("download", photo ? "index.md" : (slug || "practice") + ".md");
    photoLink.hidden = !photo;
    if (photo) {
      photoLink.href = photo.url;
      photoLink.setAttribute("download", photo.name);
      photoLink.textContent = t("form_photo_download", { name: photo.name });
      folder.textContent = t("form_folder", { photo: photo.name, slug: slug || "…" });
    }
    folder.hidden = !photo;
    if (data.contactEmail) mailNote(photo ? "form_mail_photo" : "form_mail");
    mail.hidden = !data.contactEmail;
    github.hidden = !data.newFileUrl;
    if (!data.newFileUrl) return;
    var link = data.newFileUrl + "?filename=" + encodeURIComponent(slug + ".md") + "&value=" + encodeURIComponent(text);
    var tooLong = link.length > data.urlLimit;
    github.href = photo ? data.uploadUrl + "/" + encodeURIComponent(slug) : tooLong ? data.uploadUrl : link;
    github.textContent = t(photo || tooLong ? "form_github_upload" : "form_github");
    long.hidden = !tooLong || !!photo;
  }

  function update() {
    var headings = sectionHeadings();
    root.querySelectorAll(".sg-form__section").forEach(function (node, i) { node.textContent = headings[i] + (i === 0 ? " *" : ""); });
    if (!fields.slugEdited()) controls.slug.input.value = fields.slugify(controls.title.get());
    var errors = [];
    Object.keys(controls).forEach(function (path) {
      var c = controls[path];
      var message = fields.check(c);
      var show = message && (touched[path] || touched.all);
      c.error.textContent = show ? message : "";
      var target = c.input || c.wrap;
      if (show) target.setAttribute("aria-invalid", "true"); else target.removeAttribute("aria-invalid");
      if (message) errors.push({ path: path, message: message, label: c.label || (c.wrap.querySelector("label, legend") || {}).textContent || path });
    });
    var v = fields.values();
    var text = fileText(v);
    output.textContent = text;
    routes(text, controls.slug.get());
    problems.replaceChildren();
    errors.forEach(function (e) {
      var item = el("li");
      var link = el("a", { href: "#" }, e.label.replace(/ \*$/, "") + ": " + e.message);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var c = controls[e.path];
        (c.input || c).focus();
      });
      item.appendChild(link);
      problems.appendChild(item);
    });
    status.textContent = errors.length ? t("form_errors", { n: errors.length }) : t("form_ok");
    result.classList.toggle("sg-form__result--ready", !errors.length);
    [download, photoLink, github].forEach(function (a) { a.setAttribute("aria-disabled", errors.length ? "true" : "false"); });
    return errors;
  }

  form.addEventListener("input", function (event) {
    touched[event.target.name] = true;
    update();
  });
  form.addEventListener("change", function (event) {
    touched[event.target.name] = true;
    update();
  });
  [download, photoLink, github].forEach(function (a) {
    a.addEventListener("click", function (event) {
      touched.all = true;
      var errors = update();
      if (errors.length) {
        event.preventDefault();
        problems.querySelector("a").focus();
      }
    });
  });
  // Enter in a field, or this button: every problem shown, then the first one or the file.
  var check = el("button", { type: "submit", class: "md-button md-button--primary" }, t("form_check"));
  form.appendChild(el("p", { class: "sg-form__check" })).appendChild(check);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    touched.all = true;
    var errors = update();
    var first = problems.querySelector("a");
    if (errors.length && first) first.focus();
    else result.querySelector("h2").focus();
  });
  form.hidden = false;
  result.hidden = false;
  root.querySelector(".sg-form__intro").hidden = false;
  update();
  window.sgForm = {
    update: update,
    text: function () { return output.textContent; },
    photo: function () { return photoPart.ready().then(function () { return photoPart.photo(); }); },
  };
})();
