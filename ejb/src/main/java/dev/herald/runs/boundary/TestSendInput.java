package dev.herald.runs.boundary;

import java.util.List;

/** A test send: the addresses it goes to, and only those. */
public record TestSendInput(List<String> to) {}
