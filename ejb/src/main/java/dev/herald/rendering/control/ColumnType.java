package dev.herald.rendering.control;

/** The type of a report column: how its values are read from the query and written in each format. */
public enum ColumnType {
    TEXT,
    INTEGER,
    DECIMAL,
    MONEY,
    DATE,
    DATETIME,
    BOOLEAN;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == MONEY;
    }
}
