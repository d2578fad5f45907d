package dev.herald.rendering.control;

/**
 * One column of a report's output. {@code name} is the query's column label and the XML element
 * name; {@code format} is an Excel number or date format (null: the type's default); {@code total}
 * adds the column up in a totals row; {@code width} is in characters (0: the type's default).
 */
public record ColumnSpec(String name, String label, ColumnType type, String format, boolean total, int width) {

    public ColumnSpec(String name, String label, ColumnType type) {
        this(name, label, type, null, false, 0);
    }

    public ColumnSpec totalled() {
        return new ColumnSpec(name, label, type, format, true, width);
    }

    public ColumnSpec width(int characters) {
        return new ColumnSpec(name, label, type, format, total, characters);
    }

    /** Width in characters: the declared one, or one that suits the type and the label. */
    public int effectiveWidth() {
        if (width > 0) {
            return width;
        }
        int byType =
                switch (type) {
                    case DATE -> 12;
                    case DATETIME -> 17;
                    case MONEY, DECIMAL -> 13;
                    case INTEGER -> 10;
                    case BOOLEAN -> 7;
                    case TEXT -> 22;
                };
        return Math.max(byType, Math.min(label.length() + 3, 40));
    }
}
