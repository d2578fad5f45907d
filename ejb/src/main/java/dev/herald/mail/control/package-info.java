/**
 * Sending e-mail, and nothing about runs: composing Herald's messages, sending many over a few SMTP
 * connections, telling transient failures from permanent ones and from faults of the settings, the
 * state of mail (health, incidents), and Herald's own notices, made once and sent until they arrive.
 */
package dev.herald.mail.control;
