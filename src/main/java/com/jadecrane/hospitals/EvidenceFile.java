package com.jadecrane.hospitals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An uploaded evidence file, accepted only as PDF, PNG, JPEG or WebP judged by its first bytes:
 * the declared content type and the file name are whatever the browser says, so neither decides.
 */
record EvidenceFile(String fileName, String contentType, byte[] content, String sha256) {

    static final String ACCEPTED = "PDF, PNG, JPEG or WebP";

    private static final int MAX_NAME_LENGTH = 120;

    /** @return empty when the bytes are none of the accepted types */
    static Optional<EvidenceFile> of(String originalName, byte[] content) {
        return detectType(content).map(type -> new EvidenceFile(sanitize(originalName, type), type, content, sha256(content)));
    }

    static Optional<String> detectType(byte[] bytes) {
        if (startsWith(bytes, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (startsWith(bytes, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && startsWith(bytes, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /**
     * Keeps the last path segment, letters, digits, '.', '-' and '_' only (no header or path tricks in
     * the later Content-Disposition), and makes the extension match the detected type.
     */
    static String sanitize(String originalName, String contentType) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]+", "_")
                .replaceAll("^[._]+", "").replaceAll("_+", "_");
        if (base.isBlank()) {
            base = "evidence";
        }
        String extension = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> ".webp";
        };
        return base.substring(0, Math.min(base.length(), MAX_NAME_LENGTH - extension.length())) + extension;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }
}
