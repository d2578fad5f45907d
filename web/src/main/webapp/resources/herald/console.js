/*
 * The console's menu on a narrow screen: the Menu button opens and closes the navigation, says so in
 * aria-expanded, and Escape closes it again and gives focus back to the button.
 */
(function () {
    var toggle = document.getElementById('navToggle');
    var nav = document.getElementById('consoleNav');
    if (!toggle || !nav) {
        return;
    }
    function setOpen(open) {
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        nav.classList.toggle('herald-nav-open', open);
    }
    toggle.addEventListener('click', function () {
        setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });
    nav.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
            setOpen(false);
            toggle.focus();
        }
    });
})();

/*
 * PrimeFaces 14 writes aria-checked on the wrapper of each choice of a radio group laid out as
 * "flex", a plain div without the radio role (its own script only ever sets the attribute on
 * role=radio elements). The radio input inside carries the state; the stray attribute is taken off,
 * on load and after every partial update.
 */
(function () {
    function tidy() {
        document.querySelectorAll('.ui-selectoneradio [aria-checked]:not([role])').forEach(function (element) {
            element.removeAttribute('aria-checked');
        });
    }
    tidy();
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', tidy);
    }
})();
