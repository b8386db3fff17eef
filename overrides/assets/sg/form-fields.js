/* The form's fields: built from the practice's JSON Schema (labels and help in nl/en/fr),
 * checked as they are typed, and read back as the practice's values.
 *
 * window.sgFormFields(data, form, changed) builds them into ``form`` and returns what
 * the page needs; ``changed`` is called when the photo part changes on its own.
 */
(function () {
  "use strict";

  window.sgFormFields = function (data, form, changed) {
    var schema = data.schema;
    var lang = data.lang;
    var labels = data.labels;
    var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
    var controls = {};  // field name -> {get(), set error}
    var slugEdited = false;
    var photoPart = null;  // the photo (assets/sg/form-photo.js), added beside the file

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
        var prop = schema.properties[name];
        if (name === "image") {
          photoPart = window.sgFormPhoto(form, { t: t, el: el, label: label, prop: prop, changed: changed });
          Object.keys(photoPart.controls).forEach(function (path) {
            controls[path] = photoPart.controls[path];
            controls[path].part = photoPart;
          });
        } else if (prop.type === "object") {
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
      if (c.part) return c.part.check(c);
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
        if (path === "body" || path === "slug" || c.part) return;
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
      var image = photoPart && photoPart.value();
      if (image) v.image = image;
      return v;
    }

    build();
    return {
      controls: controls,
      check: check,
      values: values,
      slugify: slugify,
      slugEdited: function () { return slugEdited; },
      photo: photoPart,
      t: t,
      el: el,
    };
  };
})();
