package dev.herald.schedules.boundary;

import dev.herald.scopes.boundary.ScopeValueView;
import java.util.List;
import java.util.Map;

/**
 * Who gets what from an item made per recipient: one recipient, their account, the scope values
 * their file is made with (by kind, named), and how many rows it would hold now ({@code rows}; null
 * when not counted: past the first {@link WhoGetsWhatView#COUNTED} recipients, a count that took too
 * long, or nothing made for them); {@code problem} says why nothing would be made for them.
 */
public record RecipientPreviewView(
        String recipient, String account, Map<String, List<ScopeValueView>> scopes, Long rows, String problem) {}
