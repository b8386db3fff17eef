/* The web form that replaces the fiche.
 *
 * Its fields come from the practice's JSON Schema (generated from the model, with labels
 * and help in nl/en/fr); it checks values as they are typed, shows the Markdown file it
 * builds, and offers it for download or as a new file on GitHub. Nothing leaves the
 * browser until the contributor clicks.
 */
(function () {
  "use strict";

  var data = window.sgFormData;
  var root = document.querySelector("[data-sg-form]");
  if (!data || !root) return;

  var schema = data.schema;
  var lang = data.lang;
  var labels = data.labels;
  var form = root.querySelector(".sg-form__fields");
  var SKIP = ["image"];  // a photo is added beside the file, in the proposal itself
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var controls = {};  // field name -> {get(), set error}
  var slugEdited = false;

  function t(key, values) {
    var text = labels[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.replace("{" + k + "}", values[k]); });
    return text;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plain(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
  }

  function label(prop, name) {
    return (prop["x-labels"] && prop["x-labels"][lang]) || prop.title || name;
  }

  // --- building the fields --------------------------------------------------------------

  function field(container, name, prop, required, path) {
    var id = "sg-f-" + path.replace(/\./g, "-");
    var wrap = el("div", { "class": "sg-field" });
    var help = prop["x-help"] && prop["x-help"][lang];
    var kind = prop.type;
    var items = prop.items || {};
    var control;
    var helpText = help || "";
    if (kind === "array" && items.type === "string" && !items.enum) helpText += (helpText ? " " : "") + t("form_list_help");
    if (kind === "array" && items.type === "object") helpText = (help ? help + " " : "") + t("form_documents_help");
    if (name === "countries") helpText = t("form_countries_help");

    var title = el("label", { "for": id }, label(prop, name) + (required ? " *" : ""));
    if (kind === "array" && items.enum && name !== "countries") {
      title = el("legend", {}, label(prop, name) + (required ? " *" : ""));
      wrap = el("fieldset", { "class": "sg-field sg-field--choices", id: id });
    }
    wrap.appendChild(title);
    var helpId = id + "-help";
    var errorId = id + "-error";
    if (helpText) wrap.appendChild(el("p", { "class": "sg-field__help", id: helpId }, helpText));
    var describedBy = (helpText ? helpId + " " : "") + errorId;

    if (kind === "array" && items.enum && name !== "countries") {
      var list = el("ul", { "class": "sg-field__choices" });
      items.enum.forEach(function (value) {
        var item = el("li");
        var box = el("input", { type: "checkbox", value: value, name: path, "aria-describedby": describedBy });
        var text = el("label");
        text.appendChild(box);
        text.appendChild(document.createTextNode(" " + items["x-enum-labels"][value][lang]));
        item.appendChild(text);
        list.appendChild(item);
      });
      wrap.appendChild(list);
      control = {
        get: function () { return Array.prototype.filter.call(list.querySelectorAll("input"), function (b) { return b.checked; }).map(function (b) { return b.value; }); },
        focus: function () { list.querySelector("input").focus(); },
      };
    } else if (prop.enum) {
      var select = el("select", { id: id, name: path, "aria-describedby": describedBy });
      select.appendChild(el("option", { value: "" }, t("form_choose")));
      prop.enum.forEach(function (value) {
        select.appendChild(el("option", { value: value }, prop["x-enum-labels"][value][lang]));
      });
      if (name === "language") select.value = lang;
      wrap.appendChild(select);
      control = { get: function () { return select.value; }, input: select };
    } else {
      var multi = kind === "array" || name === "summary";
      var input = multi ? el("textarea", { rows: name === "summary" ? 3 : 3 }) : el("input", {
        type: kind === "integer" ? "number" : prop.format === "date" ? "date" : prop.format === "email" ? "email" : prop.format === "uri" ? "url" : "text",
      });
      input.id = id;
      input.name = path;
      input.setAttribute("aria-describedby", describedBy);
      if (kind === "integer") { input.min = prop.minimum; input.max = prop.maximum; }
      if (name === "year") input.value = String(new Date().getFullYear());
      wrap.appendChild(input);
      control = { get: function () { return input.value; }, input: input };
    }
    var error = el("p", { "class": "sg-field__error", id: errorId });
    wrap.appendChild(error);
    control.wrap = wrap;
    control.error = error;
    control.prop = prop;
    control.required = required;
    control.name = name;
    controls[path] = control;
    container.appendChild(wrap);
  }

  function build() {
    var required = schema.required;
    Object.keys(schema.properties).forEach(function (name) {
      if (SKIP.indexOf(name) >= 0) return;
      var prop = schema.properties[name];
      if (prop.type === "object") {
        var group = el("fieldset", { "class": "sg-field sg-field--group" });
        group.appendChild(el("legend", {}, label(prop, name) + (required.indexOf(name) >= 0 ? " *" : "")));
        if (prop["x-help"]) group.appendChild(el("p", { "class": "sg-field__help" }, prop["x-help"][lang]));
        Object.keys(prop.properties).forEach(function (sub) {
          field(group, sub, prop.properties[sub], false, name + "." + sub);
        });
        form.appendChild(group);
      } else {
        field(form, name, prop, required.indexOf(name) >= 0, name);
      }
    });
    var body = el("fieldset", { "class": "sg-field sg-field--group sg-form__body" });
    body.appendChild(el("legend", {}, t("form_description") + " *"));
    data.sections[lang].forEach(function (_, i) {
      var id = "sg-f-body-" + i;
      var wrap = el("div", { "class": "sg-field" });
      wrap.appendChild(el("label", { "for": id, "class": "sg-form__section" }));
      var area = el("textarea", { id: id, rows: i === 0 ? 8 : 4, name: "body-" + i });
      wrap.appendChild(area);
      if (i === 0) {  // the description itself is required
        var error = el("p", { "class": "sg-field__error", id: id + "-error" });
        area.setAttribute("aria-describedby", id + "-error");
        wrap.appendChild(error);
        controls.body = { input: area, error: error, wrap: wrap, name: "body", get: function () { return area.value; } };
      }
      body.appendChild(wrap);
    });
    form.appendChild(body);
    var slug = el("div", { "class": "sg-field" });
    slug.appendChild(el("label", { "for": "sg-f-slug" }, t("form_slug") + " *"));
    slug.appendChild(el("p", { "class": "sg-field__help", id: "sg-f-slug-help" }, t("form_slug_help")));
    var slugInput = el("input", { id: "sg-f-slug", type: "text", "aria-describedby": "sg-f-slug-help sg-f-slug-error" });
    slug.appendChild(slugInput);
    var slugError = el("p", { "class": "sg-field__error", id: "sg-f-slug-error" });
    slug.appendChild(slugError);
    form.appendChild(slug);
    controls.slug = { input: slugInput, error: slugError, wrap: slug, name: "slug", get: function () { return slugInput.value.trim(); } };
    slugInput.addEventListener("input", function () { slugEdited = true; });
  }

  // --- values and checks ----------------------------------------------------------------

  function slugify(text) {
    return plain(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  }

  function resolveCountries(raw) {
    var prop = schema.properties.countries.items;
    var found = [], unknown = [];
    raw.split(",").map(function (s) { return s.trim(); }).filter(Boolean).forEach(function (item) {
      var key = plain(item);
      var hit = prop.enum.filter(function (code) {
        if (code.toLowerCase() === key) return true;
        var names = prop["x-enum-labels"][code];
        return Object.keys(names).some(function (l) { return plain(names[l]) === key; });
      });
      if (hit.length === 1) { if (found.indexOf(hit[0]) < 0) found.push(hit[0]); } else unknown.push(item);
    });
    return { codes: found, unknown: unknown };
  }

  function lines(text) {
    return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function check(c) {
    var prop = c.prop || {};
    var raw = c.get();
    var empty = Array.isArray(raw) ? raw.length === 0 : String(raw).trim() === "";
    if (empty) return c.required || c.name === "body" || c.name === "slug" ? (c.name === "body" ? t("err_body") : prop.type === "array" ? t("err_choose") : t("err_required")) : "";
    if (c.name === "slug") {
      if (!SLUG.test(raw)) return t("err_slug");
      return (data.slugs || []).indexOf(raw) >= 0 ? t("err_slug_taken") : "";  // a practice of that name is published
    }
    if (c.name === "countries") {
      var r = resolveCountries(raw);
      return r.unknown.length ? t("err_country", { v: r.unknown.join(", ") }) : "";
    }
    if (prop.type === "integer") {
      var n = Number(raw);
      return Number.isInteger(n) && n >= prop.minimum && n <= prop.maximum ? "" : t("err_range", { min: prop.minimum, max: prop.maximum });
    }
    if (prop.format === "uri") return /^https?:\/\/\S+$/.test(raw.trim()) ? "" : t("err_url");
    if (prop.format === "email") return /^[^@\s<>"']+@[^@\s<>"']+\.[^@\s<>"']+$/.test(raw.trim()) ? "" : t("err_email");
    if (prop.type === "array" && prop.items.type === "object") {
      return lines(raw).every(function (line) { return /^[^|]+\|\s*https?:\/\/\S+$/.test(line); }) ? "" : t("err_document");
    }
    if (prop.maxLength && raw.trim().length > prop.maxLength) return t("err_too_long", { n: prop.maxLength });
    return "";
  }

  function values() {
    var v = {};
    Object.keys(controls).forEach(function (path) {
      var c = controls[path];
      if (path === "body" || path === "slug") return;
      var raw = c.get();
      var value;
      if (c.name === "countries") value = resolveCountries(raw).codes;
      else if (c.prop.type === "integer") value = raw === "" ? "" : Number(raw);
      else if (c.prop.type === "array" && c.prop.items.type === "object") {
        value = lines(raw).map(function (line) {
          var parts = line.split("|");
          return { title: parts[0].trim(), url: parts.slice(1).join("|").trim() };
        });
      } else if (c.prop.type === "array" && !c.prop.items.enum) value = lines(raw);
      else value = Array.isArray(raw) ? raw : raw.trim();
      var parts = path.split(".");
      if (parts.length === 2) {
        v[parts[0]] = v[parts[0]] || {};
        if (value !== "" && value.length !== 0) v[parts[0]][parts[1]] = value;
      } else if (value !== "" && !(Array.isArray(value) && !value.length)) {
        v[path] = value;
      }
    });
    Object.keys(v).forEach(function (k) { if (typeof v[k] === "object" && !Array.isArray(v[k]) && !Object.keys(v[k]).length) delete v[k]; });
    return v;
  }

  // --- the file -------------------------------------------------------------------------

  var YAML_WORDS = /^(y|n|yes|no|true|false|on|off|null|~)$/i;

  function scalar(value, inFlow) {
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    var safe = inFlow ? /^[\p{L}\p{N}][\p{L}\p{N} .'’()\/&+\-–@:_]*$/u : /^[\p{L}\p{N}][\p{L}\p{N} .,;'’()\/&+\-–!?@:#%=_~]*$/u;
    var risky = /: |:$| #|^[\d.+-]|\s$/;  // would change meaning in YAML, or read as a number
    if (safe.test(value) && !YAML_WORDS.test(value) && !risky.test(value)) return value;
    return JSON.stringify(value);  // a JSON string is a YAML double-quoted scalar
  }

  function yaml(v) {
    var out = [];
    Object.keys(schema.properties).forEach(function (name) {
      if (!(name in v)) return;
      var value = v[name];
      if (Array.isArray(value) && value.length && typeof value[0] === "object") {
        out.push(name + ":");
        value.forEach(function (item) {
          Object.keys(item).forEach(function (k, i) { out.push((i ? "    " : "  - ") + k + ": " + scalar(item[k])); });
        });
      } else if (Array.isArray(value)) {
        out.push(name + ": [" + value.map(function (x) { return scalar(x, true); }).join(", ") + "]");
      } else if (typeof value === "object") {
        out.push(name + ":");
        Object.keys(schema.properties[name].properties).forEach(function (k) {
          if (k in value) out.push("  " + k + ": " + scalar(value[k]));
        });
      } else {
        out.push(name + ": " + scalar(value));
      }
    });
    return out.join("\n");
  }

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
    return "---\n# yaml-language-server: $schema=practice.schema.json\n" + yaml(v) + "\n---\n" + body.join("\n");
  }

  // --- the page -------------------------------------------------------------------------

  var result = root.querySelector(".sg-form__result");
  var output = root.querySelector(".sg-form__output");
  var status = root.querySelector(".sg-form__status");
  var problems = root.querySelector(".sg-form__problems");
  var download = root.querySelector(".sg-form__download");
  var github = root.querySelector(".sg-form__github");
  var long = root.querySelector(".sg-form__long");
  var touched = {};
  if (data.contactEmail) {
    var mail = root.querySelector(".sg-form__mail");
    var parts = t("form_mail", { email: "\u0000" }).split("\u0000");
    mail.replaceChildren(document.createTextNode(parts[0]), el("a", { href: "mailto:" + data.contactEmail }, data.contactEmail), document.createTextNode(parts[1] || ""));
    mail.hidden = false;
  }
  var blobUrl = null;

  function update() {
    var headings = sectionHeadings();
    root.querySelectorAll(".sg-form__section").forEach(function (node, i) { node.textContent = headings[i] + (i === 0 ? " *" : ""); });
    if (!slugEdited) controls.slug.input.value = slugify(controls.title.get());
    var errors = [];
    Object.keys(controls).forEach(function (path) {
      var c = controls[path];
      var message = check(c);
      var show = message && (touched[path] || touched.all);
      c.error.textContent = show ? message : "";
      var target = c.input || c.wrap;
      if (show) target.setAttribute("aria-invalid", "true"); else target.removeAttribute("aria-invalid");
      if (message) errors.push({ path: path, message: message, label: (c.wrap.querySelector("label, legend") || {}).textContent || path });
    });
    var v = values();
    var text = fileText(v);
    output.textContent = text;
    var slug = controls.slug.get();
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    download.href = blobUrl;
    download.setAttribute("download", (slug || "practice") + ".md");
    if (data.newFileUrl) {
      // The new-file link carries the whole file; past GitHub's limit, its upload page.
      var link = data.newFileUrl + "?filename=" + encodeURIComponent(slug + ".md") + "&value=" + encodeURIComponent(text);
      var tooLong = link.length > data.urlLimit;
      github.href = tooLong ? data.uploadUrl : link;
      github.textContent = t(tooLong ? "form_github_upload" : "form_github");
      long.hidden = !tooLong;
    }
    github.hidden = !data.newFileUrl;
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
    [download, github].forEach(function (a) { a.setAttribute("aria-disabled", errors.length ? "true" : "false"); });
    return errors;
  }

  build();
  form.addEventListener("input", function (event) {
    touched[event.target.name] = true;
    update();
  });
  form.addEventListener("change", function (event) {
    touched[event.target.name] = true;
    update();
  });
  [download, github].forEach(function (a) {
    a.addEventListener("click", function (event) {
      touched.all = true;
      var errors = update();
      if (errors.length) {
        event.preventDefault();
        problems.querySelector("a").focus();
      }
    });
  });
  form.hidden = false;
  result.hidden = false;
  root.querySelector(".sg-form__intro").hidden = false;
  update();
  window.sgForm = { update: update, text: function () { return output.textContent; } };
})();
