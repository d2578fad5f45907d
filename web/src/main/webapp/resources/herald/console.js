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
