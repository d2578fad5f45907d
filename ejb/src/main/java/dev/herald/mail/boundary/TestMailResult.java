package dev.herald.mail.boundary;

/**
 * How a test e-mail went: accepted (with the server's answer) or not (with why, in plain words),
 * and how long the mail server took.
 */
public record TestMailResult(String to, boolean accepted, String serverReply, String problem, long millis) {}
