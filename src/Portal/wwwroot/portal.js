// Moves keyboard focus to an element by id (skip link, error summary links): with <base href="/">
// a plain "#id" link would leave the page. A group (fieldset) gives focus to its first control.
window.portal = {
    focus: function (id) {
        var element = document.getElementById(id);
        if (!element) return;
        var target = element.matches("input, select, textarea, button, a[href], [tabindex]")
            ? element
            : element.querySelector("input, select, textarea, button") || element;
        target.focus();
        target.scrollIntoView({ block: "center" });
    }
};
