/*
 * The schedule wizard's guards, in the browser:
 * - unsaved changes: once a field of the wizard or its report dialog changes (or a report is kept or
 *   removed), leaving the page asks first: a confirm on the console's links, the browser's own
 *   prompt (beforeunload) on back, reload or close. Save and Cancel leave without asking.
 * - Escape in an open dropdown (select menu, checkbox menu, autocomplete, date picker) closes that
 *   dropdown only: the report dialog, which closes on Escape, never sees that key press.
 */
(function () {
    'use strict';

    var state = {dirty: false, leaving: false, panelOpenAtEscape: false};

    var PANELS = '.ui-selectonemenu-panel, .ui-selectcheckboxmenu-panel, .ui-autocomplete-panel,'
        + ' .ui-datepicker.ui-datepicker-popup, .ui-datepicker-panel';

    function openPanel() {
        return $(PANELS).filter(':visible').length > 0;
    }

    window.heraldWizard = {
        /** Something the user did changed the schedule being edited. */
        changed: function () {
            state.dirty = true;
        },
        /** Save or Cancel was pressed: the next page load is meant. */
        leave: function () {
            state.leaving = true;
        },
        /** Save did not leave (a problem was shown): guard again. */
        stay: function () {
            state.leaving = false;
        },
        isDirty: function () {
            return state.dirty && !state.leaving;
        }
    };

    $(document).on('input change', '#editor :input, #item :input', function () {
        state.dirty = true;
    });

    window.addEventListener('beforeunload', function (event) {
        if (window.heraldWizard.isDirty()) {
            event.preventDefault();
            event.returnValue = '';
            return '';
        }
        return undefined;
    });

    document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('a[href]') : null;
        if (!link || !window.heraldWizard.isDirty() || link.closest('#editor, #item')) {
            return;
        }
        var href = link.getAttribute('href');
        if (!href || href.charAt(0) === '#' || href.indexOf('javascript:') === 0 || link.target === '_blank') {
            return;
        }
        if (window.confirm('Leave this schedule without saving? Your changes will be lost.')) {
            state.leaving = true;
        } else {
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);

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
