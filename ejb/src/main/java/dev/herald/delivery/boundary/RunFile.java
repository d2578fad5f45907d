package dev.herald.delivery.boundary;

import dev.herald.runs.entity.RunItem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file someone may download now: which item's, and how to name and type it. */
public record RunFile(long itemId, String fileName, String contentType, long bytes) {

    /** The file an item rendered, to stream once the caller's right to it is checked. */
    public static RunFile of(RunItem item) {
        return new RunFile(
                item.getId(),
                item.getFileName(),
                item.getContentType(),
                item.getByteCount() == null ? 0 : item.getByteCount());
    }

    public String contentDisposition() {
        return contentDisposition(fileName);
    }

    /**
     * A Content-Disposition that makes browsers save the file under its name: a plain ASCII name
     * for old clients, and the exact name in RFC 5987 form for the rest.
     */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
