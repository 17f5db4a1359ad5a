package com.jadecrane.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked data folder into a start-up message that says what to do. */
class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
        return new FailureAnalysis(
                "The data folder " + cause.folder() + " is locked by another running Jade Crane instance.",
                "Stop the other instance, or start this one with another folder (JADECRANE_DATA_DIR), "
                        + "or use a shared external PostgreSQL (SPRING_DATASOURCE_URL).",
                cause);
    }
}
