package dev.herald.reports.boundary;

import dev.herald.rendering.control.Criterion;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.control.ReportEngine;
import java.util.List;

/** A checked render request, ready to stream: the file's name and type are known before any byte. */
public record RenderJob(
        ReportEngine.Prepared prepared,
        FileFormat format,
        CsvDelimiter csvDelimiter,
        boolean csvByteOrderMark,
        String fileName) {

    public String mediaType() {
        return format == FileFormat.CSV ? "text/csv; charset=UTF-8" : format.mediaType();
    }

    public List<Criterion> criteria() {
        return prepared.criteria().criteria();
    }
}
