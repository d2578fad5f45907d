package dev.herald.access.control;

import java.sql.SQLException;
import java.util.Map;

/**
 * What account administration needs to know about scope kinds to check the values given to an
 * account: the kind's label (null when no such kind is declared) and its values with their names.
 * Implemented where scope kinds live.
 */
public interface ScopeValues {

    String label(String kind);

    Map<String, String> names(String kind) throws SQLException;
}
