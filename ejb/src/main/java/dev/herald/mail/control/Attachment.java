package dev.herald.mail.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A file to attach, Base64-encoded once. A report goes to up to 50 recipients, each in an e-mail
 * of their own; encoding the file once instead of once per e-mail is most of the cost saved.
 */
public record Attachment(String fileName, String contentType, byte[] base64) {

    public static Attachment of(String fileName, String contentType, Path file) throws IOException {
        ByteArrayOutputStream encoded =
                new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Files.size(file) * 4 / 3 + 1024));
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = Base64.getMimeEncoder().wrap(encoded)) {
            in.transferTo(out);
        }
        return new Attachment(fileName, contentType, encoded.toByteArray());
    }

    public static Attachment of(String fileName, String contentType, byte[] content) {
        return new Attachment(fileName, contentType, Base64.getMimeEncoder().encode(content));
    }
}
