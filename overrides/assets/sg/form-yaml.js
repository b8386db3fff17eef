/* The form's front matter: values to YAML in the schema's field order.
 *
 * Plain values are written bare when YAML reads them back as the same text, and as a
 * JSON string (a YAML double-quoted scalar) otherwise, so nothing typed changes meaning.
 */
(function () {
  "use strict";

  var YAML_WORDS = /^(y|n|yes|no|true|false|on|off|null|~)$/i;
  var RISKY = /: |:$| #|^[\d.+-]|\s$/;  // would change meaning in YAML, or read as a number
  var SAFE = /^[\p{L}\p{N}][\p{L}\p{N} .,;'’()\/&+\-–!?@:#%=_~]*$/u;
  var SAFE_IN_LIST = /^[\p{L}\p{N}][\p{L}\p{N} .'’()\/&+\-–@:_]*$/u;

  function scalar(value, inList) {
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if ((inList ? SAFE_IN_LIST : SAFE).test(value) && !YAML_WORDS.test(value) && !RISKY.test(value)) return value;
    return JSON.stringify(value);
  }

  function frontMatter(v, schema) {
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

  window.sgFormYaml = { scalar: scalar, frontMatter: frontMatter };
})();
