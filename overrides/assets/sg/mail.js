/* Contact addresses are in the page reversed and in parts, so harvesters that read
   HTML find no mailto: link; for visitors this turns them back into a normal link. */
(function () {
  "use strict";
  document.querySelectorAll(".sg-mail[data-u][data-d]").forEach(function (node) {
    var reverse = function (text) { return text.split("").reverse().join(""); };
    var address = reverse(node.getAttribute("data-u")) + "@" + reverse(node.getAttribute("data-d"));
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    link.textContent = address;
    node.replaceWith(link);
  });
})();
