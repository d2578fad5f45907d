package dev.herald.rendering.control;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import java.io.OutputStream;

/** The renderer for a file format. */
public final class Renderers {

    private Renderers() {}

    public static Renderer of(FileFormat format, CsvDelimiter delimiter, boolean byteOrderMark, OutputStream out) {
        return switch (format) {
            case CSV ->
                new CsvRenderer(out, (delimiter == null ? CsvDelimiter.COMMA : delimiter).character(), byteOrderMark);
            case XML -> new XmlRenderer(out);
            case EXCEL_FORMATTED -> new XlsxRenderer(out, true);
            case EXCEL_UNFORMATTED -> new XlsxRenderer(out, false);
            case PDF -> new PdfRenderer(out);
        };
    }
}
