package dev.herald.delivery.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file someone may download now: which item's, and how to name and type it. */
public record RunFile(long itemId, String fileName, String contentType, long bytes) {

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
