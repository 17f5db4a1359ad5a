package com.jadecrane.system;

import java.io.File;
import java.nio.file.Path;

/**
 * Where the embedded PostgreSQL may keep its data. The library unpacks its binaries into a working
 * directory ({@code ot.epg.working-dir}, by default {@code embedded-pg} in the temp folder) and,
 * at every start of any instance, deletes the folders there that it takes for the left-overs of
 * its own test databases: a data folder under it could be wiped, so it is refused.
 */
final class EmbeddedPostgresFolder {

    private EmbeddedPostgresFolder() {
    }

    static Path libraryWorkingDirectory() {
        String fallback = new File(System.getProperty("java.io.tmpdir"), "embedded-pg").getPath();
        return Path.of(System.getProperty("ot.epg.working-dir", fallback)).toAbsolutePath().normalize();
    }

    /** @throws IllegalStateException when {@code folder} lies in the library's working directory */
    static Path checked(Path folder) {
        Path data = folder.toAbsolutePath().normalize();
        Path working = libraryWorkingDirectory();
        if (data.startsWith(working) || realPath(data).startsWith(realPath(working))) {
            throw new IllegalStateException("The database folder " + data + " lies in " + working
                    + ", where the embedded PostgreSQL library deletes folders it takes for its own left-overs: "
                    + "choose another JADECRANE_DATA_DIR");
        }
        return data;
    }

    /** The path with every existing part's links resolved, so a link into the working directory is caught too. */
    private static Path realPath(Path path) {
        Path existing = path;
        Path rest = Path.of("");
        while (existing != null && !existing.toFile().exists()) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        }
        catch (java.io.IOException ex) {
            return path;
        }
    }
}
