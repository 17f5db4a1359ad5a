package com.jadecrane.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on the data folder, held while the application runs, so that a second
 * instance pointed at the same folder stops with a clear message instead of corrupting the
 * embedded database.
 */
final class DataFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataFolderLock acquire(Path dataDir) {
        Path lockFile = dataDir.toAbsolutePath().normalize().resolve("jadecrane.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataFolderInUseException(lockFile.getParent());
            }
            return new DataFolderLock(channel, lock);
        }
        catch (OverlappingFileLockException ex) {
            closeQuietly(channel);
            throw new DataFolderInUseException(lockFile.getParent());
        }
        catch (IOException ex) {
            closeQuietly(channel);
            throw new IllegalStateException("Cannot use the data folder " + lockFile.getParent() + ": " + ex.getMessage(), ex);
        }
        catch (RuntimeException ex) {
            closeQuietly(channel);
            throw ex;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ignored) {
                // the lock attempt already failed; that is the error worth reporting
            }
        }
    }
}
