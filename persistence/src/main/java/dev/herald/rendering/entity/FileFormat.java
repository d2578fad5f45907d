package dev.herald.rendering.entity;

/** The formats Herald renders a report in. */
public enum FileFormat {
    PDF("pdf", "application/pdf"),
    EXCEL_FORMATTED("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    EXCEL_UNFORMATTED("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    XML("xml", "application/xml"),
    CSV("csv", "text/csv");

    private final String extension;
    private final String mediaType;

    FileFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
