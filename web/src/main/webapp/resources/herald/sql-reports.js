/*
 * The SQL editor's gutter: one number per line of the text, the lines the server found a problem on
 * marked, scrolled with the text. The page renders it; this keeps it right while the person types.
 */
(function () {
    "use strict";

    function gutterOf(area) {
        var id = area.getAttribute("data-gutter");
        return id ? document.getElementById(id) : null;
    }

    function renumber(area) {
        var gutter = gutterOf(area);
        if (!gutter) {
            return;
        }
        var lines = area.value.split("\n").length;
        if (gutter.children.length !== lines) {
            var bad = (gutter.getAttribute("data-bad") || "").split(" ");
            var html = [];
            for (var i = 1; i <= lines; i++) {
                html.push(bad.indexOf(String(i)) >= 0 ? '<span class="herald-sql-bad">' + i + "</span>"
                    : "<span>" + i + "</span>");
            }
            gutter.innerHTML = html.join("");
        }
        gutter.scrollTop = area.scrollTop;
    }

    document.addEventListener("input", function (event) {
        if (event.target.classList && event.target.classList.contains("herald-sql-text")) {
            renumber(event.target);
        }
    });
    document.addEventListener("scroll", function (event) {
        if (event.target.classList && event.target.classList.contains("herald-sql-text")) {
            var gutter = gutterOf(event.target);
            if (gutter) {
                gutter.scrollTop = event.target.scrollTop;
            }
        }
    }, true);
})();
