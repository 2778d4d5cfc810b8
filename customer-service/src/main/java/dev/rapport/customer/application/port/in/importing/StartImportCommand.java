package dev.rapport.customer.application.port.in.importing;

import java.io.InputStream;
import java.util.Map;

/**
 * An upload as it arrives: {@code format} and {@code mapping} raw (validated by the domain),
 * {@code body} read once as a stream, {@code gzip} when it must be decompressed while spooled.
 */
public record StartImportCommand(String format, Map<String, String> mapping, InputStream body, boolean gzip) {
}
