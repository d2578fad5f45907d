package dev.herald.rendering.entity;

/** The field separator of CSV files. */
public enum CsvDelimiter {
    COMMA(','),
    PIPE('|');

    private final char character;

    CsvDelimiter(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }
}
