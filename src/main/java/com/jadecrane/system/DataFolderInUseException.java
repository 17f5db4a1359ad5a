package com.jadecrane.system;

import java.nio.file.Path;

/** Another running instance holds the data folder. */
class DataFolderInUseException extends IllegalStateException {

    private final Path folder;

    DataFolderInUseException(Path folder) {
        super("The data folder " + folder + " is in use by another running Jade Crane instance");
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }
}
