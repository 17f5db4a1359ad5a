package com.jadecrane.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the application keeps its files: the embedded database, the report archive, evidence
 * uploads. Set with {@code JADECRANE_DATA_DIR}.
 */
@ConfigurationProperties("jadecrane")
public record DataDirectoryProperties(@DefaultValue("./data") Path dataDir) {

    public Path resolve(String child) {
        return dataDir.toAbsolutePath().normalize().resolve(child);
    }
}
