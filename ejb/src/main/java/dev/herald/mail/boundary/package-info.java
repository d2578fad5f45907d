/** The mail server in use, as staff see it, and a test e-mail. */
package dev.herald.mail.boundary;
