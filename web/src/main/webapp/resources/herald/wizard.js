/*
 * The schedule wizard's guards, in the browser:
 * - unsaved changes: once a field of the wizard or its report dialog changes (or a report is kept or
 *   removed), leaving the page asks first: a confirm on the console's links, the browser's own
 *   prompt (beforeunload) on back, reload or close. Save and Cancel leave without asking.
 * Escape in an open dropdown closes only the dropdown on every console page (escape.js).
 */
(function () {
    'use strict';

    var state = {dirty: false, leaving: false};

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
}());
