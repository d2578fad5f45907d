package dev.herald.mail.control;

/** What every e-mail of one summary says: whose, for whom ("Manager summary"), which days, and whether a test. */
public record SummaryMail(String organisation, String title, String period, int days, boolean test) {}
