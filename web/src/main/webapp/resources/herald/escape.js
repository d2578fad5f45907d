/*
 * Escape in an open dropdown (select menu, checkbox menu, autocomplete, date picker) closes that
 * dropdown only, on every console page: a dialog that closes on Escape (the schedule wizard's report,
 * a user, a scope kind) never sees that key press, so what was typed in it is not lost.
 */
(function () {
    'use strict';

    var state = {panelOpenAtEscape: false};

    var PANELS = '.ui-selectonemenu-panel, .ui-selectcheckboxmenu-panel, .ui-autocomplete-panel,'
        + ' .ui-datepicker.ui-datepicker-popup, .ui-datepicker-panel';

    function openPanel() {
        return $(PANELS).filter(':visible').length > 0;
    }

    // Escape: noted while the event goes down (before any dropdown closes itself), and stopped on
    // its way up at the body, before the dialog's handler on the document sees it.
    window.addEventListener('keydown', function (event) {
        state.panelOpenAtEscape = (event.key === 'Escape' || event.keyCode === 27) && openPanel();
    }, true);

    function stopEscapeAtBody(event) {
        if (state.panelOpenAtEscape && (event.key === 'Escape' || event.keyCode === 27)) {
            event.preventDefault();
            event.stopPropagation();
            state.panelOpenAtEscape = false;
            // A dropdown that did not close itself on Escape is closed here.
            if (openPanel()) {
                $(PANELS).filter(':visible').each(function () {
                    var owner = this.id ? this.id.replace(/_panel$/, '') : null;
                    $.each(PrimeFaces.widgets, function (name, widget) {
                        if (widget && widget.id === owner && typeof widget.hide === 'function') {
                            widget.hide();
                        }
                    });
                });
            }
        }
    }

    if (document.body) {
        document.body.addEventListener('keydown', stopEscapeAtBody, false);
    } else {
        document.addEventListener('DOMContentLoaded', function () {
            document.body.addEventListener('keydown', stopEscapeAtBody, false);
        });
    }
}());
