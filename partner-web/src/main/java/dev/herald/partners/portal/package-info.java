/** The partner portal's pages: signing in and out, a forgotten password, and the partner's start page. */
package dev.herald.partners.portal;
