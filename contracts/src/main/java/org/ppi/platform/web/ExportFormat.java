package org.ppi.platform.web;

import java.util.Locale;

import org.springframework.http.MediaType;

/**
 * The formats a view downloads in, chosen by {@code ?format=csv|xlsx} on the view's own address (the one
 * convention of the platform: same path, same filters, same permissions as the JSON answer). Any other value is
 * 400 {@code export.format-unknown}.
 */
public enum ExportFormat {
    CSV("csv", Csv.MEDIA_TYPE),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The format a {@code format} parameter names (case ignored). */
    public static ExportFormat of(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        throw DomainRejection.badRequest("export.format-unknown", "format", value);
    }
}
